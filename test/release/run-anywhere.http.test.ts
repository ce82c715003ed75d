import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../helpers/free-port.js';

// bin/gongkai runs the compiled code (built first when dist/ is older than src/): the way an operator
// runs it, here from `/` as a systemd unit or a cron job would. (Issue 15: from another folder every
// page was HTTP 500 "React is not defined".) The installed tarball is checked by scripts/ci-release.sh.
const BIN = path.resolve('bin/gongkai');

describe('bin/gongkai started from another directory', () => {
  const data = mkdtempSync(path.join(tmpdir(), 'gk-anywhere-'));
  const env = {
    ...process.env,
    GONGKAI_ENV: 'production',
    GONGKAI_PUBLIC_URL: 'http://127.0.0.1',
    GONGKAI_DATA_DIR: data,
    GONGKAI_LOG_LEVEL: 'warn',
    GONGKAI_JOBS: 'off',
    GONGKAI_WORKERS: '1',
  };
  let child: ChildProcess | undefined;
  let base = '';

  before(async () => {
    // A build, if one is due, happens here rather than inside the server's start-up wait.
    assert.equal(
      spawnSync(process.execPath, [BIN, '--help'], { cwd: '/', encoding: 'utf8', timeout: 120_000 }).status,
      0,
    );
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, [BIN, 'serve'], {
      cwd: '/',
      env: { ...env, GONGKAI_PORT: String(port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) assert.fail(`gongkai serve exited: ${stderr}`);
      try {
        if ((await fetch(`${base}/readyz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`gongkai serve was not ready within 60 s: ${stderr}`);
  });

  after(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    rmSync(data, { recursive: true, force: true });
  });

  it('serves the portal, the console and the static files', async () => {
    const home = await fetch(`${base}/`);
    const html = await home.text();
    assert.equal(home.status, 200, html.slice(0, 300));
    assert.match(html, /政府信息公开目录/);
    const css = /href="(\/static\/css\/site\.css\?v=[0-9a-f]+)"/.exec(html)?.[1] ?? assert.fail('no stylesheet link');
    const sheet = await fetch(base + css);
    assert.equal(sheet.status, 200);
    assert.match(await sheet.text(), /\{/);
    const login = await fetch(`${base}/console/login`);
    assert.equal(login.status, 200);
    assert.match(await login.text(), /name="_csrf"/);
  });

  it('runs migrate and backup from / too', () => {
    const migrate = spawnSync(process.execPath, [BIN, 'migrate'], { cwd: '/', env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(migrate.status, 0, migrate.stderr);
    assert.match(migrate.stdout, /数据库已是最新版本/);
    const file = path.join(data, 'backup.db');
    const backup = spawnSync(process.execPath, [BIN, 'backup', file], {
      cwd: '/',
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(backup.status, 0, backup.stderr);
    assert.match(backup.stdout, /已备份到/);
  });
});
