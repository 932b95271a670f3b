import type { ObservableQuery } from '@apollo/client';
import type { AppSearchQuery, AppSearchQueryVariables } from './__generated__/graphql.ts';
import { createAppClient, describeError } from './apollo.ts';
import { HomeScreenQuery, SearchQuery } from './operations.ts';

const TOKEN_KEY = 'web-app-example:token';
const endpoint = document.querySelector<HTMLMetaElement>('meta[name="graphql-endpoint"]')?.content ?? 'http://localhost:4000/mobile/graphql';
const client = createAppClient({ url: endpoint, token: () => localStorage.getItem(TOKEN_KEY) });

const element = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from index.html`);
  return found as T;
};
const tokenInput = element<HTMLInputElement>('token');
const errors = element<HTMLUListElement>('errors');
const searchInput = element<HTMLInputElement>('search-text');
const results = element<HTMLUListElement>('results');
const more = element<HTMLButtonElement>('more');

function item(text: string, className?: string): HTMLLIElement {
  const li = document.createElement('li');
  li.textContent = text;
  if (className) li.className = className;
  return li;
}

function showErrors(error: unknown): void {
  errors.replaceChildren(...describeError(error).map(({ code, message }) => item(`${code}: ${message}`, 'error')));
}

async function loadHome(): Promise<void> {
  errors.replaceChildren();
  try {
    const { data } = await client.query({ query: HomeScreenQuery, fetchPolicy: 'network-only' });
    const home = data?.home;
    element('greeting').textContent = home?.greeting ?? '';
    element('orders').replaceChildren(
      ...(home?.recentOrders ?? []).map((o) => item(`${o.statusLabel} · ${o.totalLabel} · ${o.placedAt.toLocaleDateString()}`, 'order')),
    );
    element('featured').replaceChildren(...(home?.featured ?? []).map((p) => item(`${p.name} · ${p.priceLabel ?? '—'}${p.inStock ? '' : ' (out of stock)'}`, 'product')));
    element('status').textContent = 'home loaded';
  } catch (error) {
    showErrors(error);
  }
}

// One watched query per search text: the next page comes through fetchMore, and the cache's
// typePolicies append it to the list the query watches.
let searching: ObservableQuery<AppSearchQuery, AppSearchQueryVariables> | undefined;
let subscription: { unsubscribe(): void } | undefined;
let after: string | null = null;

function search(): void {
  errors.replaceChildren();
  subscription?.unsubscribe();
  searching = client.watchQuery({ query: SearchQuery, variables: { text: searchInput.value } });
  subscription = searching.subscribe({
    next: ({ data, error }) => {
      if (error) return showErrors(error);
      const page = data?.search;
      after = page?.pageInfo?.endCursor ?? null;
      results.replaceChildren(...(page?.nodes ?? []).map((p) => item(`${p?.name} · ${p?.priceLabel ?? '—'}`, 'result')));
      more.hidden = !page?.pageInfo?.hasNextPage;
    },
    error: showErrors,
  });
}

tokenInput.value = localStorage.getItem(TOKEN_KEY) ?? '';
element('sign-in').addEventListener('click', () => {
  localStorage.setItem(TOKEN_KEY, tokenInput.value.trim());
  void client.resetStore().then(loadHome, showErrors);
});
element<HTMLFormElement>('search').addEventListener('submit', (event) => {
  event.preventDefault();
  search();
});
more.addEventListener('click', () => {
  if (searching && after) searching.fetchMore({ variables: { after } }).catch(showErrors);
});
element('endpoint').textContent = endpoint;
void loadHome();
