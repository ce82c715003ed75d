import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PG_URL } from '../../test/helpers/db.js';
import { TEST_NOW } from '../../test/helpers/clock.js';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';

// The sources through tsx (`npm test` tests the sources; the compiled bin/gongkai is run by test/release).
const MAIN = path.resolve('src/cli/main.ts');

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(
    `gongkai CLI [${dialect}]`,
    { skip: dialect === 'postgres' && !PG_URL ? 'SKIPPED: GONGKAI_TEST_PG_URL not set (PostgreSQL tier)' : false },
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'gk-cli-'));
      const dbName = `gk_cli_${process.pid}_${randomBytes(4).toString('hex')}`;
      let env: Record<string, string> = {};
      const run = (args: string[], input?: string) => {
        const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
          env: { ...process.env, ...env },
          input,
          encoding: 'utf8',
          timeout: 60_000,
        });
        return { code: r.status, out: r.stdout, err: r.stderr };
      };

      before(async () => {
        env = { GONGKAI_DATA_DIR: dir, GONGKAI_LOG_LEVEL: 'silent', GONGKAI_DB: dialect, GONGKAI_NOW: TEST_NOW };
        if (dialect === 'postgres') {
          const c = new pg.Client({ connectionString: PG_URL });
          await c.connect();
          await c.query(`create database ${dbName}`);
          await c.end();
          const u = new URL(PG_URL);
          u.pathname = `/${dbName}`;
          env.GONGKAI_DATABASE_URL = u.toString();
        }
      });
      after(async () => {
        rmSync(dir, { recursive: true, force: true });
        if (dialect === 'postgres') {
          const c = new pg.Client({ connectionString: PG_URL });
          await c.connect();
          await c.query(`drop database if exists ${dbName} with (force)`);
          await c.end();
        }
      });

      it('--help lists the commands', () => {
        const r = run(['--help']);
        assert.equal(r.code, 0);
        for (const c of [
          'serve',
          'migrate',
          'init',
          'user',
          'token',
          'backup',
          'restore',
          'audit',
          'jobs',
          'calendar',
          'clock',
        ])
          assert.match(r.out, new RegExp(`\\b${c}\\b`));
      });

      it('migrate, then init prints the one-time administrator password once', () => {
        assert.equal(run(['migrate']).code, 0);
        const r = run(['init']);
        assert.equal(r.code, 0, r.err);
        assert.match(r.out, /一次性密码：[A-Za-z0-9]{16}/);
        assert.doesNotMatch(run(['init']).out, /一次性密码/);
      });

      it('calendar commands print what the issue promises', () => {
        assert.equal(run(['calendar', 'is-working-day', '2025-10-11']).out.trim(), 'true');
        assert.equal(run(['calendar', 'is-working-day', '2025-10-08']).out.trim(), 'false');
        assert.equal(run(['calendar', 'add-working-days', '2025-09-26', '20']).out.trim(), '2025-10-30');
        const show = run(['calendar', 'show', '2026']);
        assert.match(show.out, /春节：2月15日至23日放假，共9天；2月14日（星期六）、2月28日（星期六）调休上班/);
        // 2027 is not announced: the answer is computed on the provisional calendar and says so.
        const december = run(['calendar', 'add-working-days', '2026-12-20', '20']);
        assert.equal(december.code, 0);
        assert.equal(december.out.trim(), '2027-01-18');
        assert.match(december.err, /^暂定：2027年节假日安排尚未公布/);
        assert.equal(run(['calendar', 'is-working-day', '2027-01-01']).out.trim(), 'false');
        assert.deepEqual(JSON.parse(run(['calendar', 'is-working-day', '2027-01-01', '--json']).out), {
          value: false,
          provisional: true,
          provisionalDates: ['2027-01-01'],
        });
        assert.match(
          run(['calendar', 'show', '2027']).out,
          /^2027年法定节假日安排（暂定）\n国务院办公厅尚未公布2027年节假日安排/,
        );
        const missing = run(['calendar', 'add-working-days', '2031-12-20', '20']);
        assert.equal(missing.code, 1);
        assert.match(missing.err, /calendar_year_missing/);
        // export → import round trip; an import previews each day before saving.
        const exported = run(['calendar', 'export', '2026']);
        assert.equal(exported.code, 0);
        const back = run(['calendar', 'import', '-'], exported.out);
        assert.equal(back.code, 0, back.err);
        assert.match(back.out, /2026年：更正已公布的安排，与现有安排相比有 0 天变化/);
        assert.match(back.out, /2026 年：与现有数据相同，未修改/);
        const dry = run(
          ['calendar', 'import', '-', '--dry-run'],
          JSON.stringify({
            year: 2027,
            holidays: [
              { name: '元旦', from: '2027-01-01', to: '2027-01-04' },
              { name: '春节', from: '2027-02-05', to: '2027-02-13' },
              { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
            ],
          }),
        );
        assert.match(dry.out, /2027-01-04：工作日 → 法定节假日（放假）（元旦）/);
        assert.match(dry.out, /（试运行：未保存）/);
        assert.equal(run(['calendar', 'is-working-day', '2027-01-04']).out.trim(), 'true', 'the dry run saved nothing');
      });

      it('clock reads a ledger from stdin and explains it', () => {
        const ledger = JSON.stringify({
          received: { on: '2025-09-26', channel: 'online' },
          events: [{ type: 'extended', on: '2025-10-29', days: 20 }],
        });
        const json = run(['clock', '-', '--as-of', '2025-11-03'], ledger);
        assert.equal(json.code, 0, json.err);
        const r = JSON.parse(json.out) as { dueOn: string; extendedDays: number };
        assert.equal(r.extendedDays, 20);
        assert.equal(r.dueOn, '2025-11-27');
        assert.match(run(['clock', '-', '--explain', '--as-of', '2025-11-03'], ledger).out, /答复期限：2025-11-27/);
        const bad = run(['clock', '-'], '{"received":{"on":"2025-13-01","channel":"online"},"events":[]}');
        assert.equal(bad.code, 1);
      });

      /** A statement run straight on the database (what a write with the triggers off leaves behind). */
      const exec = async (statement: string) => {
        if (dialect === 'sqlite') {
          const d = new Database(path.join(dir, 'gongkai.db'));
          d.exec(statement);
          d.close();
          return;
        }
        const c = new pg.Client({ connectionString: env.GONGKAI_DATABASE_URL });
        await c.connect();
        await c.query(statement);
        await c.end();
      };

      it("requests-recount checks, then fixes, the annual report's counts", async () => {
        const same = run(['requests-recount', '--check']);
        assert.equal(same.code, 0, same.err);
        assert.match(same.out, /与申请一致，无需更正/);
        await exec(`insert into request_tally_counts (org_id, tally_key, received_year, closed_year, n)
          values (1, 'citizen||processing|', 2025, null, 2)`);
        const off = run(['requests-recount', '--check']);
        assert.equal(off.code, 1, off.err);
        assert.match(
          off.out,
          /表三计数 1 组与申请不符（共差 2 件），信息处理费缴费记录 0 条不符（未作更改；去掉 --check 即更正）/,
        );
        const fixed = run(['requests-recount']);
        assert.equal(fixed.code, 0, fixed.err);
        assert.match(fixed.out, /表三计数 1 组与申请不符（共差 2 件）.*已按申请重新计数/);
        assert.match(run(['requests-recount', '--check']).out, /无需更正/);
      });

      it('jobs lists each periodic job with its last run, and --check fails while one needs attention', async () => {
        // TEST_NOW is 10:00 in Beijing. Runs as nodes would have recorded them, newest first:
        const runs = [
          // Failed just now, in this hour: run again 10 minutes after (not a failure to act on yet).
          [
            'requests.tally_compact',
            '2026-11-16T10',
            '2026-11-16T02:00:00.000Z',
            '2026-11-16T02:00:00.500Z',
            'error',
            '锁超时',
          ],
          [
            'mail-deliver',
            '2026-11-16T09:45',
            '2026-11-16T01:45:00.000Z',
            '2026-11-16T01:45:01.500Z',
            'ok',
            '发送 0 封',
          ],
          ['requests.reminders', '2026-11-16', '2026-11-16T00:00:00.000Z', '2026-11-16T00:00:02.000Z', 'error', '坏了'],
          [
            'catalog.release_scheduled',
            '2026-11-16T07',
            '2026-11-15T23:00:00.000Z',
            '2026-11-15T23:00:00.300Z',
            'ok',
            '已发布 0 条定时信息。',
          ],
          ['supervision.site_checks', '2026-11-16', '2026-11-15T22:00:00.000Z', null, 'running', null],
        ];
        // In the order nodes claim them (the earliest run has the lowest id).
        runs.reverse();
        for (const [job, period, started, finished, status, message] of runs)
          await exec(
            `insert into job_runs (job, period_key, node_id, started_at, finished_at, status, message) values ('${job}', '${period}', 'node-1', '${started}', ${finished ? `'${finished}'` : 'null'}, '${status}', ${message ? `'${message}'` : 'null'})`,
          );
        // The website checks' node last reported at 06:05 Beijing, then stopped.
        await exec(
          `update job_runs set heartbeat_at = '2026-11-15T22:05:00.000Z' where job = 'supervision.site_checks'`,
        );
        const list = run(['jobs']);
        assert.equal(list.code, 0, list.err);
        assert.match(
          list.out,
          /mail-deliver {2}发送发件箱中的邮件 · 每 15 分钟\n {2}状态：成功（当前一期：2026-11-16 10:00）\n {2}最近一次：2026-11-16 09:45（成功）· 开始 2026-11-16 09:45 · 用时 1\.5 秒 · 节点 node-1\n {2}结果：发送 0 封/,
        );
        assert.match(list.out, /requests\.reminders .*\n {2}状态：失败/);
        assert.match(list.out, /catalog\.release_scheduled .*\n {2}状态：本期未运行/);
        assert.match(
          list.out,
          /supervision\.site_checks .*\n {2}状态：可能已中断.*\n {2}最近一次：2026-11-16（运行中）· 开始 2026-11-16 06:00 · 最近报告 2026-11-16 06:05 · 节点 node-1/,
        );
        assert.match(list.out, /desk\.work_digest .*\n {2}状态：从未运行/);
        assert.match(
          list.out,
          /requests\.tally_compact .*\n {2}状态：失败，将重试（当前一期：2026-11-16 10 时，将于 2026-11-16 10:10 重新运行）/,
        );
        const check = run(['jobs', '--check']);
        assert.equal(check.code, 1);
        assert.match(check.out, /个定时任务需要处理：.*requests\.reminders（失败）/);
        assert.doesNotMatch(check.out, /mail-deliver（|tally_compact（/);
        const one = run(['jobs', '--job', 'requests.reminders']);
        assert.equal(one.code, 0, one.err);
        assert.match(
          one.out,
          /共 1 次运行。\n {2}2026-11-16（失败）· 开始 2026-11-16 08:00 · 用时 2 秒 · 节点 node-1\n {4}坏了/,
        );
        const unknown = run(['jobs', '--job', 'no.such']);
        assert.equal(unknown.code, 1);
        assert.match(unknown.err, /没有名为 no\.such 的定时任务/);
        assert.match(run(['jobs', '--job', 'mail-deliver', '--limit', '0']).err, /--limit 应为 1 到 1000 的整数/);
        // serve --port is checked before anything starts (it sets GONGKAI_PORT: the node id follows it).
        const badPort = run(['serve', '--port', '80a']);
        assert.equal(badPort.code, 2);
        assert.match(badPort.err, /--port 应为 0 到 65535 的整数，收到“80a”/);
      });

      it('user add, token create, audit verify and backup', () => {
        const add = run([
          'user',
          'add',
          '--username',
          'cli.editor',
          '--name',
          '命令行',
          '--role',
          'editor',
          '--org',
          '1',
        ]);
        assert.equal(add.code, 0, add.err);
        assert.match(add.out, /一次性密码/);
        const badRole = run(['user', 'add', '--username', 'cli.x', '--name', 'X', '--role', 'king', '--org', '1']);
        assert.equal(badRole.code, 1);
        assert.match(badRole.err, /role_unknown/);
        const tok = run(['token', 'create', '--user', 'cli.editor', '--name', '同步', '--roles', 'editor']);
        assert.match(tok.out, /gk_[A-Za-z0-9_-]{20,}/);
        const verify = run(['audit', 'verify']);
        assert.equal(verify.code, 0);
        assert.match(verify.out, /未发现篡改/);
        // A new installation has no row from before the keyed chain: rekey has nothing to do (audit-rekey.db.test.ts).
        const rekey = run(['audit', 'rekey']);
        assert.equal(rekey.code, 0, rekey.err);
        assert.match(rekey.out, /无需重新计算/);
        if (dialect === 'sqlite' || spawnSync('pg_dump', ['--version']).status === 0) {
          const file = path.join(dir, 'backup.bak');
          const b = run(['backup', file]);
          assert.equal(b.code, 0, b.err);
          assert.ok(existsSync(file));
          // A change after the backup disappears on restore; the audit chain is intact again.
          assert.equal(
            run(['user', 'add', '--username', 'after.backup', '--name', '后来', '--role', 'editor', '--org', '1']).code,
            0,
          );
          const restored = run(['restore', file]);
          assert.equal(restored.code, 0, restored.err);
          assert.equal(run(['user', 'disable', 'after.backup']).code, 1, 'the user added after the backup is gone');
          assert.match(run(['audit', 'verify']).out, /未发现篡改/);
        }
        assert.equal(run(['restore', path.join(dir, 'nope.bak')]).code, 1);
      });
    },
  );
}
