import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';

/** One offending input field of a 400 answer. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, the body of every error answer. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

/** Thrown by a handler to answer with a problem, e.g. `new ProblemError(404, 'no user u9')`. */
export class ProblemError extends Error {
  readonly status: number;
  readonly errors: FieldError[] | undefined;

  constructor(status: number, detail: string, errors?: FieldError[]) {
    super(detail);
    this.name = 'ProblemError';
    this.status = status;
    this.errors = errors;
  }
}

/** Sends an `application/problem+json` answer. */
export function sendProblem(reply: FastifyReply, status: number, detail: string, errors?: FieldError[]): FastifyReply {
  const problem: Problem = { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail };
  if (errors && errors.length > 0) problem.errors = errors;
  return reply.code(status).type('application/problem+json').send(problem);
}

function fieldErrors(error: FastifyError): FieldError[] {
  return (error.validation ?? []).map((issue) => {
    const extra = issue.params.missingProperty ?? issue.params.additionalProperty;
    const segments = issue.instancePath.split('/').filter(Boolean);
    if (typeof extra === 'string') segments.push(extra);
    return { field: segments.join('.') || (error.validationContext ?? 'request'), message: issue.message ?? issue.keyword };
  });
}

/** Turns every error (bad input, unknown route, failure) into a problem answer; never leaks internals. */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ProblemError, _request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, error.status, error.message, error.errors);
    if (error.validation) return sendProblem(reply, 400, `invalid ${error.validationContext ?? 'request'}`, fieldErrors(error));
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendProblem(reply, status, error.message);
    return sendProblem(reply, 500, 'internal error');
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, 404, `no route ${request.method} ${request.url.split('?')[0]}`));
}
