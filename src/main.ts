import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfigOrExit } from './config.ts';
import { createLogger } from './observability/logger.ts';
import { closeClients, createClients } from './clients.ts';
import { buildApp } from './app.ts';
import { closeRedis, connectRedis } from './redis.ts';

const config = loadConfigOrExit();

const logger = createLogger(config.log);
if (config.envDefaulted) {
  logger.warn('NODE_ENV is not set: this is a DEVELOPMENT server (Sandbox on, development secret accepted); set NODE_ENV=production to run it for real');
}
const clients = createClients(config);
const redis = config.redis.url ? await connectRedis(config.redis.url, config.redis.timeoutMs, logger) : undefined;
const { app, admin, beginShutdown } = await buildApp({ config, logger, clients, redis });
const portOf = (server: typeof app.server, fallback: number): number => {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : fallback;
};
await admin.listen({ host: config.admin.host, port: config.admin.port });
await app.listen({ host: config.host, port: config.port });
const port = portOf(app.server, config.port);
const adminPort = portOf(admin.server, config.admin.port);
for (const surface of config.surfaces) logger.info(`${surface} endpoint: http://${config.host}:${port}/${surface}/graphql`);
logger.info(`admin: http://${config.admin.host}:${adminPort}`);
// A parent that forked the gateway with PORT=0 learns the bound ports without racing anyone for a free one.
process.send?.({ listening: { port, adminPort } });

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Readiness turns 503 at once; the listener keeps serving while the load balancer notices.
  beginShutdown();
  logger.info({ signal, drainDelayMs: config.drainDelayMs, drainMs: config.shutdownDrainMs }, 'shutting down: readiness off, still accepting during the drain delay');
  await sleep(config.drainDelayMs);
  logger.info('shutting down: draining in-flight requests');
  const forced = setTimeout(() => {
    logger.warn('drain time over: closing remaining connections');
    app.server.closeAllConnections();
  }, config.shutdownDrainMs);
  forced.unref();
  try {
    await app.close();
    closeClients(clients);
    if (redis) await closeRedis(redis);
    logger.info('stopped');
    logger.flush();
    process.exitCode = 0;
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exitCode = 1;
  } finally {
    clearTimeout(forced);
  }
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
// Started by `npm start`: stop when the supervising process goes away, never linger as an orphan;
// the channel itself must not keep the process alive once shutdown is done.
if (process.send) {
  process.once('disconnect', () => void shutdown('parent exited'));
  process.channel?.unref();
}
