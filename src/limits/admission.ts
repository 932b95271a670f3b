import type { FastifyReply, FastifyRequest } from 'fastify';
import { Bulkhead } from '../../clients/resilience/bulkhead.ts';
import { refuse } from '../surfaces/refusal.ts';

/** How many GraphQL requests the process executes at once, and how many may wait for a turn. */
export interface AdmissionOptions {
  maxInFlight: number;
  maxQueued: number;
  /** Longest a request waits for a turn, in milliseconds. */
  maxWaitMs: number;
}

/** A Fastify `onRequest` hook. */
export type AdmissionHook = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/**
 * Admission control for the GraphQL routes (shared by every surface of the process): at most
 * `maxInFlight` requests execute at once, later ones wait in line before their body is even
 * read, and a request that cannot get a turn (line full, or waited too long) gets 503
 * `SERVER_BUSY` with `Retry-After`. Memory then grows with the cap, not with the crowd.
 * Returns a hook factory; every hook it makes shares the one line.
 */
export function createAdmission(options: AdmissionOptions): (onReject: (request: FastifyRequest) => void) => AdmissionHook {
  const line = new Bulkhead(options.maxInFlight, options.maxQueued);
  return (onReject) => async (request, reply) => {
    try {
      const release = await line.acquire(Date.now() + options.maxWaitMs);
      // 'close' ends every response, finished or aborted: the turn is always given back.
      reply.raw.once('close', release);
      return undefined;
    } catch {
      onReject(request);
      return refuse(reply, { status: 503, code: 'SERVER_BUSY', message: 'The gateway is at capacity: retry shortly', headers: { 'retry-after': '1' } });
    }
  };
}
