import { ApolloClient, ApolloLink, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError, type FieldPolicy } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';

/** A page of a `nodes` connection, as the gateway's schemas shape every paged list. */
interface Connection {
  nodes: readonly unknown[];
  pageInfo: unknown;
  totalCount: number;
}

/**
 * Cursor pagination for a `nodes` connection: pages with `after` are appended to what the cache
 * holds, a first page (no `after`) replaces it. `keyArgs` are the arguments that make a different
 * list (the search text), not the paging ones.
 */
export function nodesConnection(keyArgs: string[] | false): FieldPolicy<Connection> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.['after']) return incoming;
      return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
    },
  };
}

/** The cache this schema needs: connections paged by `after`, entities by `id`, `DateTime` read as `Date`. */
export function createCache(): InMemoryCache {
  const dateTime: FieldPolicy<string | Date> = { read: (value) => (typeof value === 'string' ? new Date(value) : value) };
  return new InMemoryCache({
    typePolicies: {
      Query: { fields: { search: nodesConnection(['text']), orders: nodesConnection(false) } },
      // `home` has no id: one per viewer, merged field by field.
      Home: { merge: true },
      OrderSummary: { keyFields: ['id'], fields: { placedAt: dateTime } },
      ProductCard: { keyFields: ['id'] },
      ProductDetail: { keyFields: ['id'] },
    },
  });
}

/** How the app reaches the gateway. */
export interface AppClientOptions {
  /** The mobile endpoint, e.g. `http://localhost:4000/mobile/graphql`. */
  url: string;
  /** The viewer's token, read on every request (a sign-in takes effect at once). */
  token: () => string | null;
}

/** Apollo Client for the mobile surface: the token in `Authorization`, the app's name and version for usage reports. */
export function createAppClient(options: AppClientOptions): ApolloClient {
  const auth = new SetContextLink(({ headers }) => {
    const token = options.token();
    return { headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
  });
  return new ApolloClient({
    link: ApolloLink.from([auth, new HttpLink({ uri: options.url })]),
    cache: createCache(),
    clientAwareness: { name: 'web-app-example', version: '1.0.0' },
  });
}

/** A failed request as the app shows it: each GraphQL error's code and message, or the HTTP failure. */
export function describeError(error: unknown): { code: string; message: string }[] {
  // The gateway answers every refusal as GraphQL errors (application/graphql-response+json), so
  // Apollo Client 4 reports limits, 401s and validation alike as CombinedGraphQLErrors.
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => ({ code: String(e.extensions?.['code'] ?? 'UNKNOWN'), message: e.message }));
  }
  if (ServerError.is(error)) return [{ code: `HTTP_${error.statusCode}`, message: error.message }];
  return [{ code: 'NETWORK_ERROR', message: error instanceof Error ? error.message : String(error) }];
}
