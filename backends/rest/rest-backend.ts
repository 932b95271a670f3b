import type { FastifyInstance, FastifyRequest, RouteGenericInterface } from 'fastify';
import type { ControlPlane, ServiceName } from '../control/control-plane.ts';
import { callHeaders, createHttpBackend } from '../http/http-backend.ts';
import { operationSchema, type ResolvedContract } from './contract.ts';
import { installProblemHandlers, sendProblem } from './problem.ts';
import { contractValidatorCompiler } from './validator.ts';

/** Options of a REST/JSON reference backend. */
export interface RestBackendOptions {
  service: ServiceName;
  control: ControlPlane;
  /** The service's OpenAPI contract (see `loadContract`): routes take their schemas from it. */
  contract: ResolvedContract;
}

/** Answers one call; the value returned is sent as JSON. Throw a `ProblemError` for 4xx answers. */
export type RestHandler<T extends RouteGenericInterface> = (request: FastifyRequest<T>) => unknown;

/** A REST backend under construction. */
export interface RestBackend {
  app: FastifyInstance;
  /**
   * Serves one contract operation, e.g. `route('GET', '/users/{id}', handler)`: validates input with
   * the contract's schemas, splits comma-separated id lists and counts the call (`keys` = ids sent).
   */
  route<T extends RouteGenericInterface>(method: 'GET' | 'PATCH', path: string, handler: RestHandler<T>): void;
}

function splitCommaLists(query: Record<string, unknown>, names: readonly string[]): number | undefined {
  let keys: number | undefined;
  for (const name of names) {
    const value = query[name];
    if (value === undefined) continue;
    const items = (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(','));
    query[name] = items;
    keys ??= items.length;
  }
  return keys;
}

/** Creates a Fastify backend wired to the control plane that speaks problem+json on every error. */
export function createRestBackend(options: RestBackendOptions): RestBackend {
  const { service, control, contract } = options;
  const app = createHttpBackend({
    service,
    control,
    replyWithInjectedError: (reply) => sendProblem(reply, 500, 'injected fault'),
  });
  // Only JSON bodies are in the contracts: anything else is a 415, not a string to validate.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(contractValidatorCompiler());
  installProblemHandlers(app);

  return {
    app,
    route<T extends RouteGenericInterface>(method: 'GET' | 'PATCH', path: string, handler: RestHandler<T>): void {
      const { schema, commaLists } = operationSchema(contract, method, path);
      const name = `${method} ${path}`;
      app.route({
        method,
        url: path.replace(/\{(\w+)\}/g, ':$1'),
        schema,
        // Counted before parsing, validation and the fault gate: every call that reached the service counts.
        onRequest: async (request) => {
          const keys = splitCommaLists(request.query as Record<string, unknown>, commaLists);
          control.record(service, { method: name, ...(keys === undefined ? {} : { keys }), ...callHeaders(request) });
        },
        // The contract's schemas validated the request, so it has the shape the handler declares.
        handler: async (request) => handler(request as unknown as FastifyRequest<T>),
      });
    },
  };
}
