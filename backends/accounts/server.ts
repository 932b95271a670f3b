import { listen, type RunningServer } from '../http/http-backend.ts';
import { loadContract } from '../rest/contract.ts';
import { createRestBackend } from '../rest/rest-backend.ts';
import type { BackendServerOptions } from '../server-options.ts';
import { registerAccountsRoutes } from './routes.ts';

const CONTRACT = new URL('../../contracts/accounts.openapi.yaml', import.meta.url);

/** Starts the accounts reference backend (REST/JSON, contracts/accounts.openapi.yaml). */
export async function startAccounts(options: BackendServerOptions): Promise<RunningServer> {
  const backend = createRestBackend({ service: 'accounts', control: options.control, contract: loadContract(CONTRACT) });
  registerAccountsRoutes(backend, options.dataset);
  return listen(backend.app, options.host, options.port);
}
