import Fastify from 'fastify';
import { z } from 'zod';
import { SERVICES, isServiceName, type ControlPlane } from './control-plane.ts';
import { listen, type RunningServer } from '../http/http-backend.ts';

const faultsChange = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000),
    errorRate: z.number().min(0).max(1),
    hang: z.boolean(),
    down: z.boolean(),
  })
  .partial()
  .strict();

/**
 * The control plane over HTTP, for when the backends run as their own process (demo, benchmarks):
 * `GET /stats`, `GET /stats/:service`, `POST /reset`, `GET /faults`, `PATCH /faults/:service`.
 */
export async function startControlServer(control: ControlPlane, host: string, port: number): Promise<RunningServer> {
  const app = Fastify({ logger: false });
  app.get('/stats', async () => control.allStats());
  app.get<{ Params: { service: string } }>('/stats/:service', async (request, reply) => {
    const { service } = request.params;
    if (!isServiceName(service)) return reply.code(404).send({ error: `unknown service ${service}`, services: SERVICES });
    return control.stats(service);
  });
  app.post('/reset', async () => {
    control.reset();
    return { ok: true };
  });
  app.get('/faults', async () => Object.fromEntries(SERVICES.map((s) => [s, control.faults(s)])));
  app.patch<{ Params: { service: string } }>('/faults/:service', async (request, reply) => {
    const { service } = request.params;
    if (!isServiceName(service)) return reply.code(404).send({ error: `unknown service ${service}`, services: SERVICES });
    const change = faultsChange.safeParse(request.body);
    if (!change.success) return reply.code(400).send({ error: 'invalid faults', issues: change.error.issues });
    return control.setFaults(service, change.data);
  });
  return listen(app, host, port);
}
