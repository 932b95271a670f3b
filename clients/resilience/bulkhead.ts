/**
 * Caps the calls in flight to one backend. Calls over the cap wait in line (first come, first
 * served) until a slot frees or their deadline passes; when the line itself is full they are
 * refused at once. Waiting briefly absorbs bursts that a hard cap would turn into errors.
 */
export class Bulkhead {
  readonly #maxConcurrent: number;
  readonly #maxWaiting: number;
  #inFlight = 0;
  readonly #waiting: { grant: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(maxConcurrent: number, maxWaiting: number) {
    this.#maxConcurrent = maxConcurrent;
    this.#maxWaiting = maxWaiting;
  }

  /** Calls holding a slot now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /**
   * Resolves with a release function once a slot is held; rejects with `'full'` when the line is
   * full and `'deadline'` when the deadline (epoch ms) passes first. Call release exactly once.
   */
  acquire(deadline: number): Promise<() => void> {
    if (this.#inFlight < this.#maxConcurrent) return Promise.resolve(this.#take());
    if (this.#waiting.length >= this.#maxWaiting) return Promise.reject(new Error('full'));
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve(this.#take());
        },
        timer: setTimeout(() => {
          this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
          reject(new Error('deadline'));
        }, Math.max(0, deadline - Date.now())),
      };
      this.#waiting.push(waiter);
    });
  }

  #take(): () => void {
    this.#inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inFlight--;
      this.#waiting.shift()?.grant();
    };
  }
}
