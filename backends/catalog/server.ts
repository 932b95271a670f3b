import { listen, type RunningServer } from '../http/http-backend.ts';
import { loadContract } from '../rest/contract.ts';
import { createRestBackend } from '../rest/rest-backend.ts';
import type { BackendServerOptions } from '../server-options.ts';
import { registerCatalogRoutes } from './routes.ts';

const CONTRACT = new URL('../../contracts/catalog.openapi.yaml', import.meta.url);

/** Starts the catalog reference backend (REST/JSON, contracts/catalog.openapi.yaml). */
export async function startCatalog(options: BackendServerOptions): Promise<RunningServer> {
  const backend = createRestBackend({ service: 'catalog', control: options.control, contract: loadContract(CONTRACT) });
  registerCatalogRoutes(backend, options.dataset);
  return listen(backend.app, options.host, options.port);
}
