import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { freePort } from '../../bench/processes/free-port.ts';

const ROOT = new URL('../../', import.meta.url);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start (scripts/start.ts)', () => {
  it('starts the backends and the gateway, prints where each listens, and Ctrl-C stops every process', { timeout: 30_000 }, async () => {
    const [gateway, accounts, catalog, orders, inventory, control, admin] = await Promise.all(Array.from({ length: 7 }, () => freePort()));
    const child = spawn(process.execPath, ['scripts/start.ts'], {
      cwd: ROOT,
      detached: true,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(gateway),
        ADMIN_PORT: String(admin),
        LOG_PRETTY: 'false',
        ACCOUNTS_URL: `http://127.0.0.1:${accounts}`,
        CATALOG_URL: `http://127.0.0.1:${catalog}`,
        ORDERS_ADDRESS: `127.0.0.1:${orders}`,
        INVENTORY_URL: `http://127.0.0.1:${inventory}/soap`,
        BACKENDS_CONTROL_PORT: String(control),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    const ready = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        if (output.includes('mobile endpoint')) resolve();
      });
    });
    await Promise.race([ready, once(child, 'exit').then(() => assert.fail(`npm start exited early:\n${output}`))]);
    for (const port of [accounts, catalog, orders, inventory, control]) assert.match(output, new RegExp(`127\\.0\\.0\\.1:${port}`));
    assert.match(output, new RegExp(`http://127\\.0\\.0\\.1:${gateway}/web/graphql`));
    const answer = await fetch(`http://127.0.0.1:${admin}/status`);
    const { backends } = (await answer.json()) as { backends: Record<string, { reachable: boolean }> };
    assert.deepEqual(Object.values(backends).map((b) => b.reachable), [true, true, true, true], 'the gateway reaches all four backends');

    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], { encoding: 'utf8' });
    const pids = children.split('\n').map(Number).filter(Boolean);
    assert.equal(pids.length, 2, 'one backends process and one gateway process');
    // Ctrl-C in a terminal signals the whole foreground process group.
    process.kill(-(child.pid as number), 'SIGINT');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
    for (let i = 0; i < 50 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(pids.filter(alive), [], 'no orphan process is left');
  });
});
