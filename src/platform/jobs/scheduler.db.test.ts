import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../../test/helpers/db.js';
import { periodKey, runDueJobs, type JobDefinition } from './scheduler.js';

describeDb('job scheduler', (h) => {
  it('runs each job once per period even when two nodes tick at the same time, and records each run', async () => {
    let runs = 0;
    const jobs: JobDefinition[] = [
      { name: 'daily-digest', period: 'daily', atHour: 7, run: async () => void runs++ },
      {
        name: 'broken',
        period: 'hourly',
        run: async () => {
          throw new Error('坏了');
        },
      },
    ];
    const at = new Date('2026-11-30T00:30:00Z'); // 08:30 in Beijing
    const ctx = h.ctx(undefined, at);
    const [a, b] = await Promise.all([runDueJobs(ctx, jobs, 'node-a'), runDueJobs(ctx, jobs, 'node-b')]);
    assert.equal(runs, 1);
    assert.equal(a.length + b.length, 2, 'each job ran on exactly one node');
    const rows = await h.db().selectFrom('job_runs').selectAll().orderBy('job').execute();
    assert.deepEqual(
      rows.map((r) => [r.job, r.period_key, r.status]),
      [
        ['broken', '2026-11-30T08', 'error'],
        ['daily-digest', '2026-11-30', 'ok'],
      ],
    );
    assert.equal(rows[0].message, '坏了');
    await runDueJobs(h.ctx(undefined, new Date('2026-11-30T02:00:00Z')), jobs, 'node-a');
    assert.equal(runs, 1, 'same day: not again');
    await runDueJobs(h.ctx(undefined, new Date('2026-11-30T23:30:00Z')), jobs, 'node-b'); // 07:30 next day in Beijing
    assert.equal(runs, 2);
  });

  it('a daily job waits for its hour in Beijing time', () => {
    assert.equal(periodKey({ period: 'daily', atHour: 7 }, new Date('2026-11-29T22:59:00Z')), null);
    assert.equal(periodKey({ period: 'daily', atHour: 7 }, new Date('2026-11-29T23:00:00Z')), '2026-11-30');
    assert.equal(periodKey({ period: 'every15min' }, new Date('2026-11-29T23:44:00Z')), '2026-11-30T07:30');
  });
});
