import type { AddressRecord, Dataset, ProfileRecord, UserRecord } from '../data/model.ts';
import { pickByIds } from '../rest/batch.ts';
import { ProblemError } from '../rest/problem.ts';
import type { RestBackend } from '../rest/rest-backend.ts';

type ProfilePatch = Partial<Pick<ProfileRecord, 'displayName' | 'bio' | 'locale' | 'currency'>>;

function userOrThrow(dataset: Dataset, id: string): UserRecord {
  const user = dataset.users.get(id);
  if (!user) throw new ProblemError(404, `no user ${id}`);
  return user;
}

/** Serves the accounts contract (contracts/accounts.openapi.yaml) from the dataset. */
export function registerAccountsRoutes(backend: RestBackend, dataset: Dataset): void {
  backend.route<{ Querystring: { ids: string[] } }>('GET', '/users', (request) => {
    const { found, missing } = pickByIds(request.query.ids, (id) => dataset.users.get(id));
    return { users: found, missing };
  });

  backend.route<{ Params: { id: string } }>('GET', '/users/{id}', (request) => userOrThrow(dataset, request.params.id));

  backend.route<{ Params: { id: string }; Body: ProfilePatch }>('PATCH', '/users/{id}/profile', (request) => {
    const user = userOrThrow(dataset, request.params.id);
    // The dataset is the service's state: the change is visible to every later read.
    Object.assign(user.profile, request.body);
    return user;
  });

  backend.route<{ Querystring: { userIds: string[] } }>('GET', '/addresses', (request) => {
    const addresses: AddressRecord[] = [];
    for (const userId of new Set(request.query.userIds)) addresses.push(...(dataset.addressesByUser.get(userId) ?? []));
    return { addresses };
  });

  backend.route('GET', '/healthz', () => ({ status: 'ok' }));
}
