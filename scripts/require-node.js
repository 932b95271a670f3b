// Runs before `npm start` and `npm test` on whatever `node` npm found. `npm install` brings Node 24
// into node_modules/.bin (the `node` dev dependency), which npm scripts run first; this line is
// for a checkout installed without it. Plain JavaScript so that any Node version can run it.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`bff-gateway needs Node 24 (this is Node ${process.versions.node}): run \`npm install\`, which brings Node 24 for the npm scripts, or use Node 24 yourself (see .nvmrc).`);
  process.exit(1);
}
