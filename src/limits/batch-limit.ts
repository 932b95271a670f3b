import type { FastifyReply, FastifyRequest } from 'fastify';
import { refuse } from '../surfaces/refusal.ts';
import { LIMIT_CODES } from './limit-error.ts';

/**
 * A Fastify `preValidation` hook refusing a batch (a JSON array of operations) longer than
 * `maxBatch` with 400 `BATCH_LIMIT_EXCEEDED`. With `maxBatch` 1, batching is off in Apollo Server
 * itself and an array gets its 400 `BAD_REQUEST`.
 */
export function batchLimitHook(maxBatch: number, onReject: (request: FastifyRequest, code: string) => void) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (maxBatch <= 1 || !Array.isArray(request.body) || request.body.length <= maxBatch) return;
    onReject(request, LIMIT_CODES.batch);
    await refuse(reply, {
      status: 400,
      code: LIMIT_CODES.batch,
      message: `The request batches ${request.body.length} operations; at most ${maxBatch} are accepted`,
      extensions: { operations: request.body.length, maxBatch },
    });
  };
}
