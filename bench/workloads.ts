import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signToken } from '../scripts/sign-token.ts';
import { loadConfig } from '../src/config.ts';
import { ROOT } from './paths.ts';
import type { LoadJob } from './load/load-job.ts';

/** A request the load generator repeats: a {@link LoadJob} without connections and duration. */
export type RequestSpec = Omit<LoadJob, 'connections' | 'durationSec'>;

/** The user every authenticated workload reads as (40+ orders in the seeded shop). */
export const BENCH_USER = 'u1';

/** An example operation's text, e.g. `operation('web', 'order-history')`. */
export function operation(surface: 'web' | 'mobile', name: string): string {
  return readFileSync(resolve(ROOT, 'examples', surface, 'operations', `${name}.graphql`), 'utf8');
}

/** The one-backend query of the overhead scenario: a product with catalog fields only. */
export const CATALOG_ONLY_PRODUCT = 'query CatalogProduct($id: ID!) { product(id: $id) { id sku name description brand imageUrl(width: 640) } }';

/**
 * Signs a token the gateway started with `env` accepts, as `npm run token` and the test helper do
 * (HS256, issuer and secret from `loadConfig(env)`, audience web and mobile, 1 hour).
 */
export async function tokenFor(env: Record<string, string>, userId: string): Promise<string> {
  return signToken(loadConfig(env).jwt, { subject: userId });
}

/** A GraphQL POST to a surface of the gateway at `gatewayUrl`. */
export function graphqlRequest(
  gatewayUrl: string,
  surface: 'web' | 'mobile',
  query: string,
  options: { variables?: Record<string, unknown>; token?: string } = {},
): RequestSpec {
  return {
    url: `${gatewayUrl}/${surface}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  };
}

/**
 * Sends `spec` once and checks it succeeds: HTTP 2xx and, for GraphQL, data without errors.
 * Returns the parsed body. Throws with the answer when it does not succeed (a bench of errors measures nothing).
 */
export async function checkRequest(spec: RequestSpec): Promise<unknown> {
  const response = await fetch(spec.url, {
    method: spec.method,
    headers: spec.headers ?? {},
    ...(spec.body === undefined ? {} : { body: spec.body }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  const errors = (body as { errors?: unknown[] } | null)?.errors;
  if (!response.ok || (Array.isArray(errors) && errors.length > 0)) {
    throw new Error(`${spec.method} ${spec.url} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return body;
}
