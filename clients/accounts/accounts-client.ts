import type { CallOptions } from '../call-options.ts';
import { entity } from '../rest/shape.ts';
import type { RestClientOptions } from '../rest/rest-transport.ts';
import { RestServiceClient } from '../rest/rest-service-client.ts';
import type { Address, ProfilePatch, User } from './types.ts';

export type { Address, Currency, Locale, Profile, ProfilePatch, User } from './types.ts';

/** Most ids the accounts service takes in one batch call. */
export const ACCOUNTS_BATCH_LIMIT = 100;

/** Typed client of the accounts service (contracts/accounts.openapi.yaml). Fails only with `UpstreamError`. */
export class AccountsClient extends RestServiceClient {
  /** `timeoutMs` defaults to 2000 ms. */
  constructor(options: RestClientOptions) {
    super('accounts', options);
  }

  /** Users by id, in request order, each once; unknown ids are left out. At most 100 ids. */
  getUsers(ids: readonly string[], call: CallOptions = {}): Promise<User[]> {
    return this.getBatch<User>({ operation: 'GET /users', path: 'users', param: 'ids', key: 'users', limit: ACCOUNTS_BATCH_LIMIT }, ids, call);
  }

  /** Every address of the given users. At most 100 user ids. */
  getAddresses(userIds: readonly string[], call: CallOptions = {}): Promise<Address[]> {
    return this.getBatch<Address>({ operation: 'GET /addresses', path: 'addresses', param: 'userIds', key: 'addresses', limit: ACCOUNTS_BATCH_LIMIT }, userIds, call);
  }

  /** Changes some profile fields; INVALID_ARGUMENT (with `field`) for a refused value, NOT_FOUND for no user. */
  async updateProfile(userId: string, patch: ProfilePatch, call: CallOptions = {}): Promise<User> {
    const operation = 'PATCH /users/{id}/profile';
    const path = `users/${encodeURIComponent(userId)}/profile`;
    const body = await this.http.request<unknown>({ operation, method: 'PATCH', path, json: patch }, call);
    return entity<User>(body, 'accounts', operation);
  }
}
