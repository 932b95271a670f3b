import { failuresNote, figuresOf, measureAB } from '../measure.ts';
import { BENCH_USER, checkRequest, graphqlRequest, tokenFor } from '../workloads.ts';
import type { Scenario } from './scenario.ts';

const PAGES = 10;
const PAGE_SIZE = 100;

/** Ten aliased catalog pages (1,000 products) plus the viewer's orders, whose fields pass owner rules. */
export function thousandItemsQuery(): string {
  const variables = Array.from({ length: PAGES }, (_, i) => `$after${i}: String`).join(', ');
  const pages = Array.from(
    { length: PAGES },
    (_, i) => `p${i}: products(first: ${PAGE_SIZE}, after: $after${i}) { nodes { id sku name brand featured imageUrl(width: 64) } }`,
  ).join('\n  ');
  return `query ThousandItems(${variables}) {\n  ${pages}\n  me { id orders(first: 40) { nodes { id status createdAt itemCount total { amount currency } } } }\n}`;
}

/** The `after` cursor of each of the ten pages, read from the gateway once. */
export async function pageCursors(url: string): Promise<Record<string, string | null>> {
  const cursors: Record<string, string | null> = { after0: null };
  for (let i = 1; i < PAGES; i++) {
    const body = (await checkRequest(
      graphqlRequest(url, 'web', 'query Page($after: String) { products(first: 100, after: $after) { pageInfo { endCursor } } }', {
        variables: { after: cursors[`after${i - 1}`] },
      }),
    )) as { data: { products: { pageInfo: { endCursor: string | null } } } };
    cursors[`after${i}`] = body.data.products.pageInfo.endCursor;
  }
  return cursors;
}

/**
 * Scenario 5: a 1,000-item list query with the graphql-shield rule trees versus without them
 * (`AUTHORIZATION=off`, refused in production, so both variants run with NODE_ENV=test).
 */
export const authorizationScenario: Scenario = {
  id: 'authorization',
  title: '1,000-item list: shield vs none',
  async run(ctx) {
    // Eleven root fields (ten aliased pages and `me`): over the default root-field limit of 10.
    const common = { NODE_ENV: 'test', WEB_MAX_ROOT_FIELDS: '20' };
    const shielded = await ctx.gateway('authz-shield', common);
    const open = await ctx.gateway('authz-off', { ...common, AUTHORIZATION: 'off' });
    const token = await tokenFor(shielded.env, BENCH_USER);
    const variables = await pageCursors(shielded.url);
    const query = thousandItemsQuery();
    const specA = graphqlRequest(shielded.url, 'web', query, { variables, token });
    const specB = graphqlRequest(open.url, 'web', query, { variables, token });
    await checkRequest(specA);
    await checkRequest(specB);
    const load = { connections: ctx.settings.connections, durationSec: ctx.settings.durationSec };
    const { a, b } = await measureAB(ctx, { spec: specA, gatewayPid: shielded.pid, ...load }, { spec: specB, gatewayPid: open.pid, ...load });
    const cpuRatio = a.cpuMsPerOp && b.cpuMsPerOp ? a.cpuMsPerOp / b.cpuMsPerOp : null;
    const rpsRatio = a.rps && b.rps ? b.rps / a.rps : null;
    return {
      rows: [
        { variant: 'with shield', figures: figuresOf(a), note: `CPU/op ${cpuRatio?.toFixed(2)}x of no shield${failuresNote(a)}` },
        { variant: 'AUTHORIZATION=off', figures: figuresOf(b), note: `req/s ${rpsRatio?.toFixed(2)}x of shield${failuresNote(b)}` },
      ],
      metrics: { cpuRatio, rpsRatio, cpuMsPerOpShield: a.cpuMsPerOp, cpuMsPerOpOff: b.cpuMsPerOp },
      notes: [
        `query: ${PAGES} aliased pages of ${PAGE_SIZE} products (allow: unwrapped by the shield patch) plus 40 orders whose fields pass or(isOrderOwner, isAdmin)`,
        'the shield cost is the CPU per operation ratio (shield / none); catalog pages come from the field cache in both variants',
      ],
    };
  },
};
