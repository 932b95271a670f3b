import type { FastifyReply, FastifyRequest } from 'fastify';
import { Bulkhead } from '../../clients/resilience/bulkhead.ts';
import { refuse } from '../surfaces/refusal.ts';

/** How many GraphQL requests the process executes at once, and how many may wait for a turn. */
export interface AdmissionOptions {
  maxInFlight: number;
  maxQueued: number;
  /** Longest a request may wait for a turn, counted from its arrival, in milliseconds. */
  maxWaitMs: number;
}

/** Why a request got no turn: the line was full or its wait ran out (503), or its client went away. */
export type AdmissionRefusal = 'SERVER_BUSY' | 'CANCELLED';

/** A Fastify hook taking a turn for a request whose body has been read. */
export type AdmissionHook = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/** The process's admission line, shared by every surface. */
export interface Admission {
  /**
   * A hook for `preValidation` (the body is read by then: a slow or idle client never holds a
   * turn). `arrivedAt` gives the request's arrival (epoch ms): its wait ends `maxWaitMs` after it.
   */
  hook(arrivedAt: (request: FastifyRequest) => number, onRefuse: (request: FastifyRequest, why: AdmissionRefusal) => void): AdmissionHook;
  /** Every turn taken and the line full: a new request would be refused at once. */
  readonly saturated: boolean;
}

/**
 * Admission control (load shedding): at most `maxInFlight` requests execute at once, later ones
 * wait in line, and a request that cannot get a turn (line full, or waited too long) gets 503
 * `SERVER_BUSY` with `Retry-After`. A client that disconnects while waiting leaves the line and
 * never takes a turn. Memory then grows with the cap, not with the crowd.
 */
export function createAdmission(options: AdmissionOptions): Admission {
  const line = new Bulkhead(options.maxInFlight, options.maxQueued);
  return {
    get saturated() {
      return line.saturated;
    },
    hook: (arrivedAt, onRefuse) => async (request, reply) => {
      const gone = new AbortController();
      const leave = () => gone.abort();
      // 'close' before the response is sent: the client went away while waiting.
      reply.raw.once('close', leave);
      try {
        const release = await line.acquire(arrivedAt(request) + options.maxWaitMs, gone.signal);
        reply.raw.off('close', leave);
        // 'close' ends every response, finished or aborted: the turn is always given back.
        reply.raw.once('close', release);
        return undefined;
      } catch (error) {
        reply.raw.off('close', leave);
        const why: AdmissionRefusal = gone.signal.aborted ? 'CANCELLED' : 'SERVER_BUSY';
        onRefuse(request, why);
        // Nobody is left to read an answer: end the lifecycle without one.
        if (why === 'CANCELLED') return reply.code(499).send();
        request.log.debug({ err: error }, 'no turn');
        return refuse(reply, { status: 503, code: 'SERVER_BUSY', message: 'The gateway is at capacity: retry shortly', headers: { 'retry-after': '1' } });
      }
    },
  };
}
