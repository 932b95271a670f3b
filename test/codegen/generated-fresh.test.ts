import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The real script runs in a throwaway Git repository whose `npm run codegen` copies source.txt to
// __generated__/out.ts (and extra.txt, when present, to __generated__/extra.ts).
const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/check-generated.ts');
const GENERATOR = `
import { existsSync, mkdirSync, copyFileSync } from 'node:fs';
mkdirSync('__generated__', { recursive: true });
copyFileSync('source.txt', '__generated__/out.ts');
if (existsSync('extra.txt')) copyFileSync('extra.txt', '__generated__/extra.ts');
`;

let repo: string;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: repo, encoding: 'utf8' });
}

function check() {
  return spawnSync(process.execPath, [SCRIPT], { cwd: repo, encoding: 'utf8' });
}

before(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'codegen-check-'));
  writeFileSync(path.join(repo, 'package.json'), JSON.stringify({ private: true, scripts: { codegen: 'node gen.mjs' } }));
  writeFileSync(path.join(repo, 'gen.mjs'), GENERATOR);
  writeFileSync(path.join(repo, 'source.txt'), 'export const version = 1;\n');
  git('init', '-q');
  execFileSync(process.execPath, ['gen.mjs'], { cwd: repo });
  git('add', '.');
  git('commit', '-q', '-m', 'generated files committed');
});

after(() => {
  rmSync(repo, { recursive: true, force: true });
});

test('passes and leaves the tree clean when the committed files are fresh', () => {
  const result = check();
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /fresh/);
  assert.equal(git('status', '--porcelain'), '');
});

test('fails and lists a committed generated file its source no longer matches', () => {
  writeFileSync(path.join(repo, 'source.txt'), 'export const version = 2;\n');
  git('commit', '-q', '-am', 'source changed, generated file forgotten');
  const result = check();
  assert.equal(result.status, 1);
  assert.match(result.stderr, /M __generated__\/out\.ts \(changed\)/);
  // The fresh file is left in place; committing it makes the check pass again.
  git('commit', '-q', '-am', 'regenerated');
  assert.equal(check().status, 0);
});

test('fails and lists a generated file that appeared', () => {
  writeFileSync(path.join(repo, 'extra.txt'), 'export const extra = true;\n');
  git('add', 'extra.txt');
  git('commit', '-q', '-m', 'new source, its output not committed');
  const result = check();
  assert.equal(result.status, 1);
  assert.match(result.stderr, /\?\? __generated__\/extra\.ts \(appeared\)/);
  assert.doesNotMatch(result.stderr, /out\.ts/);
});
