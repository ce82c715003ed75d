import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverSecret } from './secret-key.js';

const FILES = 200;
const PROCESSES = 6;

/**
 * A process asking for the secret of FILES new key files in `dir` once the file `go` exists: resolves `ready`
 * when it waits for it, then `done` with its keys in hex (or its error).
 */
function racer(dir: string, go: string): { ready: Promise<void>; done: Promise<string> } {
  const script = `
    const { existsSync } = await import('node:fs');
    const { serverSecret } = await import(${JSON.stringify(fileURLToPath(new URL('./secret-key.ts', import.meta.url)))});
    process.stdout.write('ready\\n');
    while (!existsSync(${JSON.stringify(go)}));
    const keys = [];
    for (let i = 0; i < ${FILES}; i++) keys.push(serverSecret({ secretKeyFile: ${JSON.stringify(dir)} + '/' + i + '.key' }).toString('hex'));
    process.stdout.write(keys.join(','));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let readyNow: () => void = () => undefined;
  const ready = new Promise<void>((r) => (readyNow = r));
  child.stdout.on('data', (d) => {
    out += d;
    if (out.startsWith('ready\n')) readyNow();
  });
  child.stderr.on('data', (d) => (out += d));
  const done = new Promise<string>((resolve) =>
    child.on('close', () => {
      readyNow();
      resolve(out.replace(/^ready\n/, '').trim());
    }),
  );
  return { ready, done };
}

test('the secret key file is made once, whole: processes starting together all read the same key, none an empty file', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-secret-'));
  try {
    // Started together (as `gongkai serve`'s workers, a CLI command or test files beside them), each on the
    // same new files: one creates each key, every other one reads it whole.
    const go = path.join(dir, 'go');
    const racers = Array.from({ length: PROCESSES }, () => racer(dir, go));
    await Promise.all(racers.map((r) => r.ready));
    writeFileSync(go, '');
    const outs = await Promise.all(racers.map((r) => r.done));
    for (const out of outs) assert.match(out, /^[0-9a-f]{64}(,[0-9a-f]{64})*$/, out.slice(0, 300));
    assert.equal(new Set(outs).size, 1, 'every process has the same keys');
    const keys = outs[0]!.split(',');
    assert.equal(keys.length, FILES);
    assert.equal(new Set(keys).size, FILES, 'each file its own random key');
    assert.equal(readFileSync(path.join(dir, '0.key'), 'utf8'), `${keys[0]}\n`);
    if (process.platform !== 'win32') assert.equal(statSync(path.join(dir, '0.key')).mode & 0o777, 0o600);
    assert.deepEqual(
      readdirSync(dir).filter((f) => !f.endsWith('.key') && f !== 'go'),
      [],
      'no temporary file left behind',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a key file shorter than 32 bytes is refused with a Chinese message', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-secret-'));
  try {
    const file = path.join(dir, 'short.key');
    writeFileSync(file, 'abcd\n');
    assert.throws(() => serverSecret({ secretKeyFile: file }), /密钥文件无效/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
