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
   * full, `'deadline'` when the deadline (epoch ms) passes first, and `'cancelled'` when `signal`
   * aborts first (the caller left: it gives up its place, and never takes a slot later). Call
   * release exactly once.
   */
  acquire(deadline: number, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(new Error('cancelled'));
    if (this.#inFlight < this.#maxConcurrent) return Promise.resolve(this.#take());
    if (this.#waiting.length >= this.#maxWaiting) return Promise.reject(new Error('full'));
    return new Promise((resolve, reject) => {
      const leave = (reason: string): void => {
        clearTimeout(waiter.timer);
        signal?.removeEventListener('abort', onAbort);
        const index = this.#waiting.indexOf(waiter);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(new Error(reason));
      };
      const onAbort = (): void => leave('cancelled');
      const waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          signal?.removeEventListener('abort', onAbort);
          resolve(this.#take());
        },
        timer: setTimeout(() => leave('deadline'), Math.max(0, deadline - Date.now())),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#waiting.push(waiter);
    });
  }

  /** Calls waiting for a slot now. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Whether a new caller would be refused at once: every slot held and the line full. */
  get saturated(): boolean {
    return this.#inFlight >= this.#maxConcurrent && this.#waiting.length >= this.#maxWaiting;
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
