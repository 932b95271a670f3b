import type { CallOptions } from '../call-options.ts';
import { entity, envelope } from '../rest/shape.ts';
import { RestTransport, type RestClientOptions } from '../rest/rest-transport.ts';
import type { InstancePool } from '../balancing/instance-pool.ts';
import type { BackendGuard } from '../resilience/backend-guard.ts';
import type { Address, AddressList, ProfilePatch, User, UserBatch } from './types.ts';

export type { Address, Currency, Locale, Profile, ProfilePatch, User } from './types.ts';

/** Most ids the accounts service takes in one batch call. */
export const ACCOUNTS_BATCH_LIMIT = 100;

/** Typed client of the accounts service (contracts/accounts.openapi.yaml). Fails only with `UpstreamError`. */
export class AccountsClient {
  readonly #http: RestTransport;

  /** `timeoutMs` defaults to 2000 ms. */
  constructor(options: RestClientOptions) {
    this.#http = new RestTransport('accounts', options);
  }

  /** Deadline, retries and circuit breaker of this backend. */
  get guard(): BackendGuard {
    return this.#http.guard;
  }

  /** The backend's instances and where calls go. */
  get pool(): InstancePool {
    return this.#http.pool;
  }

  /** Users by id, in request order, each once; unknown ids are left out. At most 100 ids. */
  async getUsers(ids: readonly string[], call: CallOptions = {}): Promise<User[]> {
    const operation = 'GET /users';
    this.#http.checkBatch(operation, 'ids', ids.length, ACCOUNTS_BATCH_LIMIT);
    if (ids.length === 0) return [];
    const body = await this.#http.request<unknown>({ operation, path: 'users', searchParams: { ids: ids.join(',') } }, call);
    return envelope<UserBatch>(body, 'users', 'array', 'accounts', operation).users;
  }

  /** Every address of the given users. At most 100 user ids. */
  async getAddresses(userIds: readonly string[], call: CallOptions = {}): Promise<Address[]> {
    const operation = 'GET /addresses';
    this.#http.checkBatch(operation, 'userIds', userIds.length, ACCOUNTS_BATCH_LIMIT);
    if (userIds.length === 0) return [];
    const body = await this.#http.request<unknown>({ operation, path: 'addresses', searchParams: { userIds: userIds.join(',') } }, call);
    return envelope<AddressList>(body, 'addresses', 'array', 'accounts', operation).addresses;
  }

  /** Changes some profile fields; INVALID_ARGUMENT (with `field`) for a refused value, NOT_FOUND for no user. */
  async updateProfile(userId: string, patch: ProfilePatch, call: CallOptions = {}): Promise<User> {
    const operation = 'PATCH /users/{id}/profile';
    const path = `users/${encodeURIComponent(userId)}/profile`;
    const body = await this.#http.request<unknown>({ operation, method: 'PATCH', path, json: patch }, call);
    return entity<User>(body, 'accounts', operation);
  }

  /** Resolves when the service answers its health check. */
  async ping(call: CallOptions = {}): Promise<void> {
    const operation = 'GET /healthz';
    const body = await this.#http.request<unknown>({ operation, path: 'healthz' }, call);
    envelope(body, 'status', 'string', 'accounts', operation);
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.#http.close();
  }
}
