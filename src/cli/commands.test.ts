import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { buildProgram, commandGroups, invokedCommand } from './commands.js';

const MAIN = path.resolve('src/cli/main.ts');

/** The files a `gongkai …` run loads (a module hook appends every loaded file: URL to a list). */
function loadedFiles(
  args: string[],
  env: Record<string, string> = {},
): { code: number | null; out: string; files: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-lazy-'));
  const list = path.join(dir, 'loaded.txt');
  const hooks = `import { appendFileSync } from 'node:fs'; export async function load(url, c, next) { if (url.startsWith('file:')) appendFileSync(${JSON.stringify(list)}, url + '\\n'); return next(url, c); }`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  try {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(register)}`, MAIN, ...args],
      {
        env: { ...process.env, GONGKAI_DATA_DIR: dir, GONGKAI_LOG_LEVEL: 'silent', GONGKAI_DB: 'sqlite', ...env },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    return { code: r.status, out: r.stdout + r.stderr, files: readFileSync(list, 'utf8').trim().split('\n') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const matching = (files: string[], re: RegExp): string[] => files.filter((f) => re.test(f));

describe('gongkai commands, loaded lazily', () => {
  it('each group registers exactly the commands it lists, with the same descriptions', async () => {
    for (const g of commandGroups) {
      const program = new Command();
      (await g.load())(program, async () => assert.fail('no command runs here'));
      const registered = program.commands.map((c) => ({ name: c.name(), description: c.description() }));
      const listed = g.commands.map((c) => ({ name: c.name.split(' ')[0], description: c.description }));
      assert.deepEqual(registered, listed, `commands of ${g.label}`);
    }
  });

  it('command names are unique across groups', () => {
    const names = commandGroups.flatMap((g) => g.commands.map((c) => c.name.split(' ')[0]));
    assert.deepEqual(
      names.filter((n, i) => names.indexOf(n) !== i),
      [],
    );
  });

  it('finds the command a command line runs', () => {
    assert.equal(invokedCommand(['--help']), undefined);
    assert.equal(invokedCommand(['calendar', 'show', '2026']), 'calendar');
    assert.equal(invokedCommand(['serve', '--port', '8080']), 'serve');
    assert.equal(invokedCommand(['help', 'catalog']), 'catalog');
  });

  it('registers the invoked group in full and lists the others', async () => {
    const program = await buildProgram(['calendar', 'show', '2026']);
    const calendar = program.commands.find((c) => c.name() === 'calendar')!;
    assert.deepEqual(
      calendar.commands.map((c) => c.name()),
      ['is-working-day', 'add-working-days', 'between', 'show', 'export', 'import'],
    );
    assert.deepEqual(program.commands.find((c) => c.name() === 'catalog')!.commands, []);
  });

  it('--help loads no command, route, database or heavy library', () => {
    const r = loadedFiles(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.out, /catalog\s+政府信息公开目录/);
    assert.deepEqual(
      matching(r.files, /node_modules\/(fastify|kysely|better-sqlite3|@sinclair|exceljs|docx|opencc-js)\//),
      [],
    );
    assert.deepEqual(matching(r.files, /\/src\/(console|portal|api|platform\/db|catalog|requests)\//), []);
    assert.ok(r.files.length < 40, `${r.files.length} files loaded`);
  });

  it('migrate opens the database without the HTTP application', () => {
    const r = loadedFiles(['migrate']);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /已执行迁移/);
    assert.ok(matching(r.files, /node_modules\/kysely\//).length > 0);
    assert.deepEqual(matching(r.files, /node_modules\/(fastify|@fastify|exceljs|docx|pg)\//), []);
    assert.deepEqual(matching(r.files, /\/src\/(console|portal|api)\//), []);
  });
});
