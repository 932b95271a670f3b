/**
 * `npm run codegen:check`: regenerates all generated code (`npm run codegen`: OpenAPI, proto,
 * GraphQL) into the working tree and exits 1, listing the files, when any file under a
 * `__generated__/` folder changed, appeared or disappeared. On a fresh clone the working tree is
 * the commit, so CI fails exactly when a committed generated file is stale. When it passes the
 * tree is byte-for-byte what it was. When it fails the fresh files stay in place, ready to review
 * and commit.
 *
 * It runs in the Git work tree containing the current directory.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every path inside a `__generated__` folder, at any depth. */
const GENERATED = ':(glob)**/__generated__/**';

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' });
}

function nulSeparated(text: string): string[] {
  return text.split('\0').filter((entry) => entry !== '');
}

/** Content hash of every generated file Git tracks or would track (ignored files excluded). */
function snapshot(root: string): Map<string, string> {
  const files = nulSeparated(git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', GENERATED]));
  const hashes = new Map<string, string>();
  for (const file of files) {
    const absolute = path.join(root, file);
    hashes.set(file, existsSync(absolute) ? createHash('sha256').update(readFileSync(absolute)).digest('hex') : 'missing');
  }
  return hashes;
}

/** `git status --porcelain` of the generated paths, one `XY path` entry each. */
function porcelain(root: string): string[] {
  return nulSeparated(git(root, ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', GENERATED]));
}

function regenerate(root: string): void {
  // Reuse the package manager that started us (npm sets npm_execpath), so PATH need not hold npm.
  const npmCli = process.env['npm_execpath'];
  const [command, args] = npmCli ? [process.execPath, [npmCli, 'run', 'codegen']] : ['npm', ['run', 'codegen']];
  try {
    execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    console.error(`codegen:check: \`npm run codegen\` failed\n${output.stdout ?? ''}${output.stderr ?? ''}`);
    process.exit(1);
  }
}

const root = git(process.cwd(), ['rev-parse', '--show-toplevel']).trim();
const uncommittedBefore = porcelain(root);
const before = snapshot(root);
regenerate(root);
const after = snapshot(root);

const stale = [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file)).sort();
if (stale.length > 0) {
  const statusByFile = new Map(porcelain(root).map((entry) => [entry.slice(3), entry.slice(0, 2)]));
  console.error(`codegen:check: ${stale.length} generated file(s) were stale; \`npm run codegen\` rewrote them:`);
  for (const file of stale) {
    const kind = !before.has(file) || before.get(file) === 'missing' ? 'appeared' : after.get(file) === 'missing' ? 'disappeared' : 'changed';
    console.error(`  ${statusByFile.get(file) ?? '  '} ${file} (${kind})`);
  }
  console.error('Review the regenerated files and commit them with the sources that changed.');
  process.exit(1);
}
if (uncommittedBefore.length > 0) {
  // Fresh, but not committed yet: CI checks the commit, so say so without failing a local run.
  console.log(`codegen:check: generated files are fresh; ${uncommittedBefore.length} of them differ from the last commit, commit them too.`);
} else {
  console.log(`codegen:check: all ${after.size} generated files are fresh.`);
}
