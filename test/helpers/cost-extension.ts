import assert from 'node:assert/strict';

/**
 * A copy of a GraphQL response body without `extensions.cost` (README "Limits and throttling"),
 * so that a test can compare the rest (`data`, `errors`, other extensions) with `deepEqual`.
 * `extensions` is dropped when nothing else is left in it. Accepts the value of `response.json()`.
 */
export function withoutCost<T>(body: T): T {
  if (typeof body !== 'object' || body === null || !('extensions' in body)) return body;
  const { extensions, ...rest } = body as Record<string, unknown>;
  if (typeof extensions !== 'object' || extensions === null) return body;
  const { cost: _cost, ...others } = extensions as Record<string, unknown>;
  return (Object.keys(others).length > 0 ? { ...rest, extensions: others } : rest) as T;
}

/**
 * Asserts that an executed operation's body carries `extensions.cost` with numeric
 * `requestedQueryCost` and `actualQueryCost` and a numeric `throttleStatus` (budgets on, the default).
 */
export function assertCostExtension(body: unknown): void {
  const cost = (body as { extensions?: { cost?: Record<string, unknown> } } | null)?.extensions?.cost;
  assert.ok(cost, `extensions.cost is present: ${JSON.stringify(body)}`);
  assert.equal(typeof cost['requestedQueryCost'], 'number');
  assert.equal(typeof cost['actualQueryCost'], 'number');
  const status = cost['throttleStatus'] as Record<string, unknown> | null;
  for (const field of ['maximumAvailable', 'currentlyAvailable', 'restoreRate']) {
    assert.equal(typeof status?.[field], 'number', `throttleStatus.${field} is a number`);
  }
}
