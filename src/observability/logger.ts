import { pino, type Logger } from 'pino';
import type { Config } from '../config.ts';

/** Paths never written to logs: credentials travel in these. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers.cookie',
  '*.token',
  '*.password',
];

/** The process logger: JSON lines in production, readable lines in development. */
export function createLogger(log: Config['log'], destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: log.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'bff-gateway' },
  };
  if (destination) return pino(options, destination);
  if (log.pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,service' } } });
  }
  return pino(options);
}
