import { loadConfigOrExit } from './config.ts';
import { createLogger } from './observability/logger.ts';
import { closeClients, createClients } from './clients.ts';
import { buildApp } from './app.ts';
import { closeRedis, connectRedis } from './redis.ts';

const config = loadConfigOrExit();

const logger = createLogger(config.log);
const clients = createClients(config);
const redis = config.redis.url ? await connectRedis(config.redis.url, config.redis.timeoutMs, logger) : undefined;
const { app, beginShutdown } = await buildApp({ config, logger, clients, redis });
await app.listen({ host: config.host, port: config.port });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
for (const surface of config.surfaces) logger.info(`${surface} endpoint: http://${config.host}:${port}/${surface}/graphql`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal, drainMs: config.shutdownDrainMs }, 'shutting down: draining in-flight requests');
  beginShutdown();
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
