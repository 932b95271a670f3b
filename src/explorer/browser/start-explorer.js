// Starts GraphiQL on the page the gateway serves at a surface's endpoint (src/explorer/pages.ts).
// Runs in the browser after the React, ReactDOM and GraphiQL UMD builds of the same bundle.
(function startExplorer() {
  const config = JSON.parse(document.getElementById('explorer-config').textContent);
  // The page is served at the endpoint itself, so this is right behind any proxy path prefix too.
  const endpoint = location.origin + location.pathname;
  // One storage namespace per surface: web and mobile keep their own tabs and headers.
  const prefix = `bff-explorer:${config.surface}:`;
  const ownKeys = () => Object.keys(localStorage).filter((key) => key.startsWith(prefix));
  const storage = {
    getItem: (key) => localStorage.getItem(prefix + key),
    setItem: (key, value) => localStorage.setItem(prefix + key, value),
    removeItem: (key) => localStorage.removeItem(prefix + key),
    clear: () => ownKeys().forEach((key) => localStorage.removeItem(key)),
    get length() {
      return ownKeys().length;
    },
  };
  const fetcher = GraphiQL.createFetcher({ url: endpoint, headers: { 'apollographql-client-name': 'explorer' } });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher,
      storage,
      defaultQuery: config.defaultQuery,
      // The token typed in Headers survives a reload (in this browser's storage only).
      shouldPersistHeaders: true,
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: 'headers',
    }),
  );
})();
