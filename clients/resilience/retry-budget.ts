/**
 * Caps retries at a share of calls (Finagle's retry budget): every first attempt deposits
 * `ratio` of a token, every retry withdraws a whole one; the balance starts at and never exceeds
 * `reserve`, so a quiet backend may still retry a few times, and a failing one never gets more
 * than about `ratio` extra load.
 */
export class RetryBudget {
  readonly #ratio: number;
  readonly #reserve: number;
  #balance: number;

  constructor(ratio: number, reserve: number) {
    this.#ratio = ratio;
    this.#reserve = reserve;
    this.#balance = reserve;
  }

  /** Counts one first attempt. */
  deposit(): void {
    this.#balance = Math.min(this.#reserve, this.#balance + this.#ratio);
  }

  /** Takes one retry out of the budget; false when it is spent. */
  tryWithdraw(): boolean {
    if (this.#balance < 1) return false;
    this.#balance -= 1;
    return true;
  }
}

/** Full-jitter exponential backoff, in milliseconds, for retry number `retry` (1-based). */
export function backoffMs(retry: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(maxMs, baseMs * 2 ** (retry - 1)));
}
