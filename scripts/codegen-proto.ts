/**
 * Regenerates clients/orders/__generated__/ from contracts/orders.proto with
 * proto-loader-gen-types. Run with `npm run codegen:proto`; the output is committed, never edited.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ORDERS_PROTO_PATH, PROTO_LOADER_OPTIONS } from '../clients/orders/proto.ts';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'clients/orders/__generated__');
const generator = createRequire(import.meta.url).resolve('@grpc/proto-loader/build/bin/proto-loader-gen-types.js');

// The flags mirror PROTO_LOADER_OPTIONS so the types match what the loader yields at run time.
const options = PROTO_LOADER_OPTIONS;
const flags = [
  `--longs=${options.longs.name}`,
  `--enums=${options.enums.name}`,
  ...(options.keepCase ? ['--keepCase'] : []),
  ...(options.defaults ? ['--defaults'] : []),
  ...(options.oneofs ? ['--oneofs'] : []),
  '--includeComments',
  '--grpcLib=@grpc/grpc-js',
  // Our tsconfig (nodenext, verbatimModuleSyntax) needs `.ts` on relative imports; the generator
  // already writes `import type` everywhere, so no post-processing is needed.
  '--importFileExtension=.ts',
  `--outDir=${path.relative(root, outDir)}`,
  `--includeDirs=${path.relative(root, path.dirname(ORDERS_PROTO_PATH))}`,
];

// Start clean so a message removed from the contract leaves no stale file behind.
rmSync(outDir, { recursive: true, force: true });
// The file name goes first: yargs would swallow it into the array-valued --includeDirs.
execFileSync(process.execPath, [generator, path.basename(ORDERS_PROTO_PATH), ...flags], { cwd: root, stdio: 'inherit' });

// Guard against a generator upgrade silently changing its import style.
const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
for (const file of files) {
  const text = readFileSync(path.join(outDir, file), 'utf8');
  const bad = text.split('\n').filter((line) => /^import\s/.test(line) && (!/^import type\s/.test(line) || /from '\.{1,2}\/[^']*(?<!\.ts)'/.test(line)));
  if (bad.length > 0) throw new Error(`${file}: unexpected import style:\n${bad.join('\n')}`);
}
console.log(`codegen:proto wrote ${files.length} files to ${path.relative(root, outDir)}`);
