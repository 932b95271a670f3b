import type { SurfaceName } from '../surface-names.ts';

/** Where the explorer bundle is served (see `registerExplorerAssets`). */
export const EXPLORER_ASSETS = { script: '/explorer/explorer.js', stylesheet: '/explorer/explorer.css' } as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** JSON inside a `<script>` element: `<` escaped so no value can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const STYLE = `body{margin:0;font-family:system-ui,sans-serif}
#bar{display:flex;gap:1rem;align-items:center;padding:.4rem .8rem;font-size:.85rem;background:#0b1c2c;color:#e8eef5}
#bar a{color:#7fc4ff}#bar code{background:#1d3247;padding:0 .3rem;border-radius:3px}`;

/**
 * The local explorer for a surface: GraphiQL from the gateway's own bundle, querying the endpoint
 * the page is served from, with the schema docs and a Headers editor for the token. A bar names
 * the surface, tells how to sign in and links to Apollo Sandbox (which needs internet).
 */
export function explorerPage(surface: SurfaceName): string {
  const defaultQuery = [
    `# The ${surface} endpoint. Docs: the book icon on the left.`,
    '# Signed in: `npm run token -- u1`, then in Headers below:',
    '# { "Authorization": "Bearer <token>" }',
    '{',
    '  __typename',
    '}',
    '',
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(surface)} · GraphQL explorer</title>
<link rel="stylesheet" href="${EXPLORER_ASSETS.stylesheet}">
<style>${STYLE}
html,body{height:100%}body{display:flex;flex-direction:column}#graphiql{flex:1;min-height:0}</style>
</head>
<body>
<div id="bar"><strong>${escapeHtml(surface)}</strong><span>Sign in: <code>npm run token -- u1</code>, then Headers: <code>{"Authorization": "Bearer …"}</code></span><a href="?sandbox">Open in Apollo Sandbox (needs internet)</a></div>
<div id="graphiql">Loading the explorer… If this text stays, its bundle is missing: run <code>npm run build:explorer</code>.</div>
<script type="application/json" id="explorer-config">${scriptJson({ surface, defaultQuery })}</script>
<script src="${EXPLORER_ASSETS.script}"></script>
</body>
</html>
`;
}

/** What a browser gets at an endpoint whose explorer is off (production by default). */
export function explorerOffPage(surface: SurfaceName): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(surface)} · GraphQL endpoint</title><style>${STYLE}
main{max-width:40rem;margin:3rem auto;line-height:1.5}</style></head>
<body>
<main>
<h1>GraphQL endpoint: ${escapeHtml(surface)}</h1>
<p>The explorer is off on this deployment. This endpoint answers GraphQL requests:
<code>POST</code> with <code>content-type: application/json</code> and a body like
<code>{"query": "{ __typename }"}</code>.</p>
<p>To browse the schema, run the gateway in development (or with <code>SANDBOX=true</code>).</p>
</main>
</body>
</html>
`;
}
