import { it } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase, PG_URL, testConfig } from '../../../test/helpers/db.js';
import { openDatabase } from '../db/database.js';
import { systemActor, type Ctx } from '../context.js';
import type { Db } from '../db/schema.js';
import { runDueJobs, type JobDefinition } from './scheduler.js';

/**
 * Two nodes (two connection pools, as two machines have) on one fresh PostgreSQL database; `tick(at, job)`
 * has both tick five times each, all at once, with the clock at `at`, each running its own copy of the job.
 */
async function withTwoNodes(
  fn: (db: Db, tick: (at: Date, job: (node: string) => JobDefinition) => Promise<unknown>) => Promise<void>,
): Promise<void> {
  const first = await freshDatabase('postgres');
  const second = openDatabase({ dialect: 'postgres', url: first.url!, poolSize: 5 });
  const config = testConfig();
  const ctx = (db: Db, node: string, at: Date): Ctx => ({ db, actor: systemActor(node), now: () => at, config });
  try {
    await fn(second.db, (at, job) =>
      Promise.all(
        Array.from({ length: 5 }, () => [
          runDueJobs(ctx(first.database.db, 'node-a', at), [job('a')], 'node-a'),
          runDueJobs(ctx(second.db, 'node-b', at), [job('b')], 'node-b'),
        ]).flat(),
      ),
    );
  } finally {
    await second.close();
    await first.drop();
  }
}

/**
 * Issue 16 item 11: two application nodes on one PostgreSQL database run a scheduled job exactly once per
 * period when both reach it, however often they tick.
 */
it(
  'two nodes on one PostgreSQL database run a scheduled job exactly once per period',
  { skip: PG_URL ? false : 'GONGKAI_TEST_PG_URL not set' },
  () =>
    withTwoNodes(async (db, tick) => {
      const runs: Array<{ node: string; period: string }> = [];
      const job = (node: string): JobDefinition => ({
        name: 'hourly-check',
        period: 'hourly',
        run: async (ctx) => void runs.push({ node, period: ctx.now().toISOString().slice(0, 13) }),
      });
      const hours = ['2026-11-30T01:05:00Z', '2026-11-30T02:10:00Z', '2026-11-30T03:59:00Z'];
      for (const at of hours) await tick(new Date(at), job);
      assert.equal(runs.length, hours.length, JSON.stringify(runs));
      assert.deepEqual(
        runs.map((r) => r.period),
        hours.map((h) => h.slice(0, 13)),
      );
      const rows = await db
        .selectFrom('job_runs')
        .select(['period_key', 'node_id', 'status'])
        .orderBy('period_key')
        .execute();
      assert.equal(rows.length, hours.length);
      assert.ok(rows.every((r) => r.status === 'ok'));
    }),
);

it(
  "two nodes on one PostgreSQL database take over a stopped node's run once",
  { skip: PG_URL ? false : 'GONGKAI_TEST_PG_URL not set' },
  () =>
    withTwoNodes(async (db, tick) => {
      // node-c claimed 09:00's run (Beijing) and stopped; at 09:20 its lease has long expired.
      const started = '2026-11-30T01:00:00.000Z';
      await db
        .insertInto('job_runs')
        .values({
          job: 'hourly-check',
          period_key: '2026-11-30T09',
          node_id: 'node-c',
          started_at: started,
          heartbeat_at: started,
          finished_at: null,
          status: 'running',
          message: null,
        })
        .execute();
      const runs: string[] = [];
      await tick(new Date('2026-11-30T01:20:00Z'), (node) => ({
        name: 'hourly-check',
        period: 'hourly',
        run: async () => void runs.push(node),
      }));
      assert.equal(runs.length, 1, JSON.stringify(runs));
      const rows = await db.selectFrom('job_runs').select(['node_id', 'status', 'message']).execute();
      assert.deepEqual(rows, [{ node_id: `node-${runs[0]}`, status: 'ok', message: '接管节点 node-c 中断的运行' }]);
    }),
);
