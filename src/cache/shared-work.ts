import type { CallOptions } from '../../clients/call-options.ts';

/**
 * The cancellation and deadline of one request's backend work, which other requests may come to
 * depend on (they wait on a cache miss it started). Its signal aborts only when every member (the
 * request itself and each request that joined and has not left) has gone; its deadline is the
 * latest among the members. One client going away never decides for the others waiting on it.
 */
export class SharedWork {
  readonly #controller = new AbortController();
  readonly #members = new Set<CallOptions>();
  /** The call options of the request whose work this is (its own signal and deadline); a member for good. */
  readonly owner: CallOptions;

  constructor(owner: CallOptions) {
    this.owner = owner;
    this.#add(owner);
  }

  /** Aborts once every member has gone. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The latest deadline among the members (epoch ms); undefined when one of them has none. */
  get deadline(): number | undefined {
    let latest = Number.NEGATIVE_INFINITY;
    for (const member of this.#members) {
      if (member.deadline === undefined) return undefined;
      latest = Math.max(latest, member.deadline);
    }
    return latest;
  }

  /**
   * Makes another request's own signal and deadline (its work's {@link owner}, not its work's
   * signal: two requests waiting on each other's misses must not make a cycle) count until it
   * calls the returned `leave`.
   */
  join(call: CallOptions): () => void {
    this.#add(call);
    return () => {
      this.#members.delete(call);
      this.#check();
    };
  }

  #add(call: CallOptions): void {
    this.#members.add(call);
    call.signal?.addEventListener('abort', () => this.#check(), { once: true });
  }

  #check(): void {
    if (this.#controller.signal.aborted || this.#members.size === 0) return;
    for (const member of this.#members) if (!member.signal?.aborted) return;
    this.#controller.abort(new Error('every request waiting on this work has gone'));
  }
}
