import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { callHeaders, createHttpBackend, listen, type RunningServer } from '../http/http-backend.ts';
import type { BackendServerOptions } from '../server-options.ts';
import { readSoapCall, type SoapCall } from './request.ts';
import { faultEnvelope, SOAP_CONTENT_TYPE, SoapFault } from './soap.ts';
import { stockLevelsEnvelope } from './stock-levels.ts';
import { loadContracts } from './wsdl.ts';

/** Largest accepted SOAP request, in bytes: 25 SKUs fit many times over. */
const BODY_LIMIT_BYTES = 64 * 1024;

function sendFault(reply: FastifyReply, fault: SoapFault): FastifyReply {
  return reply.code(500).type(SOAP_CONTENT_TYPE).send(faultEnvelope(fault));
}

function frameworkFault(error: FastifyError): SoapFault {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new SoapFault('Client', 'BODY_TOO_LARGE', `Request bodies are limited to ${BODY_LIMIT_BYTES} bytes`);
  if (error.statusCode !== undefined && error.statusCode < 500) return new SoapFault('Client', 'INVALID_REQUEST', error.message);
  return new SoapFault('Server', 'INTERNAL_ERROR', 'Internal error');
}

/**
 * Starts the inventory reference backend (SOAP 1.1, contracts/inventory.wsdl).
 * `POST /soap` answers GetStockLevels; `GET /soap?wsdl` and `GET /soap?xsd=inventory.xsd` serve
 * the contract; `GET /healthz` says it is alive. The returned `url` is the SOAP endpoint.
 */
export async function startInventory(options: BackendServerOptions): Promise<RunningServer> {
  const { dataset, control } = options;
  const app = createHttpBackend({
    service: 'inventory',
    control,
    bodyLimitBytes: BODY_LIMIT_BYTES,
    replyWithInjectedError: (reply) => sendFault(reply, new SoapFault('Server', 'INTERNAL_ERROR', 'Injected failure')),
  });
  const contracts = loadContracts();
  const calls = new WeakMap<FastifyRequest, SoapCall>();

  // Every body is kept as a raw string: content type and XML safety are checked by the route, as faults.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error, _request, reply) => sendFault(reply, frameworkFault(error as FastifyError)));

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get<{ Querystring: { wsdl?: string; xsd?: string } }>('/soap', async (request, reply) => {
    if (request.query.xsd === 'inventory.xsd') return reply.type(SOAP_CONTENT_TYPE).send(contracts.xsd);
    if (request.query.wsdl !== undefined) {
      return reply.type(SOAP_CONTENT_TYPE).send(contracts.wsdl(`${request.protocol}://${request.host}/soap`));
    }
    return reply.code(404).type('text/plain').send('Use ?wsdl or ?xsd=inventory.xsd, or POST a SOAP request');
  });

  app.post('/soap', {
    // Runs before the fault gate (a preHandler), so calls that then hang or fail are counted as received.
    preValidation: async (request) => {
      const call = readSoapCall(request.headers, request.body);
      calls.set(request, call);
      control.record('inventory', { method: call.method, keys: call.keys, ...callHeaders(request) });
    },
    handler: async (request, reply) => {
      const call = calls.get(request) as SoapCall;
      if ('fault' in call.outcome) return sendFault(reply, call.outcome.fault);
      return reply.type(SOAP_CONTENT_TYPE).send(stockLevelsEnvelope(dataset, call.outcome.request));
    },
  });

  const running = await listen(app, options.host, options.port);
  return { ...running, url: `${running.url}/soap` };
}
