/**
 * The Redis server the tests use: `TEST_REDIS_URL` (no database number, e.g.
 * `redis://127.0.0.1:6390`), default `redis://127.0.0.1:6379`. `.ci/run` sets it; several
 * checkouts on one machine can each point their suite at a server of their own.
 */
export const REDIS_SERVER_URL = (process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379').replace(/\/+$/, '');
