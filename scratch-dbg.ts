import { graphql, startTestBackends, startTestGateway, tokenFor } from './test/helpers/gateway.ts';
import { HOME_SCREEN } from './test/helpers/example-operations.ts';
import { SERVICES } from './backends/control/control-plane.ts';
const backends = await startTestBackends();
for (const ex of ['jit', 'graphql-js']) {
  const gw = await startTestGateway(backends, { CACHE_ENABLED: 'false', GRAPHQL_EXECUTOR: ex });
  const token = await tokenFor(gw.config, 'u1');
  for (const s of SERVICES) backends.control.setFaults(s, { latencyMs: 0 });
  await graphql(gw, 'mobile', HOME_SCREEN, { token });
  for (const s of SERVICES) backends.control.setFaults(s, { latencyMs: 300 });
  for (let i = 0; i < 2; i++) { const t = performance.now(); const r = await graphql(gw, 'mobile', HOME_SCREEN, { token }); console.log(ex, r.status, Math.round(performance.now() - t), 'ms'); }
  await gw.close();
}
await backends.close();
