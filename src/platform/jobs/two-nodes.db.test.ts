import { it } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase, PG_URL, testConfig } from '../../../test/helpers/db.js';
import { openDatabase } from '../db/database.js';
import { systemActor, type Ctx } from '../context.js';
import { runDueJobs, type JobDefinition } from './scheduler.js';

/**
 * Issue 16 item 11: two application nodes (two connection pools, as two machines have) on one PostgreSQL
 * database run a scheduled job exactly once per period when both reach it, however often they tick.
 */
it(
  'two nodes on one PostgreSQL database run a scheduled job exactly once per period',
  { skip: PG_URL ? false : 'GONGKAI_TEST_PG_URL not set' },
  async () => {
    const first = await freshDatabase('postgres');
    const second = openDatabase({ dialect: 'postgres', url: first.url!, poolSize: 5 });
    try {
      const runs: Array<{ node: string; period: string }> = [];
      const job = (node: string): JobDefinition => ({
        name: 'hourly-check',
        period: 'hourly',
        run: async (ctx) => void runs.push({ node, period: ctx.now().toISOString().slice(0, 13) }),
      });
      const config = testConfig();
      const hours = ['2026-11-30T01:05:00Z', '2026-11-30T02:10:00Z', '2026-11-30T03:59:00Z'];
      for (const at of hours) {
        const ctxA: Ctx = { db: first.database.db, actor: systemActor('node-a'), now: () => new Date(at), config };
        const ctxB: Ctx = { db: second.db, actor: systemActor('node-b'), now: () => new Date(at), config };
        // Both nodes tick five times each, all at once.
        await Promise.all(
          Array.from({ length: 5 }, () => [
            runDueJobs(ctxA, [job('a')], 'node-a'),
            runDueJobs(ctxB, [job('b')], 'node-b'),
          ]).flat(),
        );
      }
      assert.equal(runs.length, hours.length, JSON.stringify(runs));
      assert.deepEqual(
        runs.map((r) => r.period),
        hours.map((h) => h.slice(0, 13)),
      );
      const rows = await second.db
        .selectFrom('job_runs')
        .select(['period_key', 'node_id', 'status'])
        .orderBy('period_key')
        .execute();
      assert.equal(rows.length, hours.length);
      assert.ok(rows.every((r) => r.status === 'ok'));
    } finally {
      await second.close();
      await first.drop();
    }
  },
);
