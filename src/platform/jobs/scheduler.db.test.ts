import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../../test/helpers/db.js';
import { claimRun, periodKey, runDueJobs, type JobDefinition } from './scheduler.js';

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

  /** A run node-a claimed at `at` and never finished (its node stopped): its last heartbeat is its start. */
  const stopped = (job: string, period: string, at: string) =>
    h
      .db()
      .insertInto('job_runs')
      .values({
        job,
        period_key: period,
        node_id: 'node-a',
        started_at: at,
        heartbeat_at: at,
        finished_at: null,
        status: 'running',
        message: null,
      })
      .execute();
  const runsOf = (job: string) =>
    h.db().selectFrom('job_runs').selectAll().where('job', '=', job).orderBy('period_key').execute();

  it('a run whose node stopped mid-run is taken over within its period after 10 minutes without a heartbeat', async () => {
    const ran: string[] = [];
    const job: JobDefinition = {
      name: 'digest',
      period: 'daily',
      atHour: 7,
      run: async (ctx) => {
        ran.push(ctx.now().toISOString());
        return '发送 3 份';
      },
    };
    await stopped('digest', '2026-11-29', '2026-11-28T23:00:00.000Z'); // yesterday's, never finished
    await stopped('digest', '2026-11-30', '2026-11-29T23:00:00.000Z'); // today 07:00 Beijing
    assert.deepEqual(await runDueJobs(h.ctx(undefined, new Date('2026-11-29T23:09:59Z')), [job], 'node-b'), []);
    assert.deepEqual(ran, [], "within the lease the run is still node-a's");
    const at = new Date('2026-11-29T23:10:00Z');
    assert.deepEqual(await runDueJobs(h.ctx(undefined, at), [job], 'node-b'), [
      { job: 'digest', period: '2026-11-30', status: 'ok' },
    ]);
    assert.deepEqual(ran, [at.toISOString()]);
    assert.deepEqual(await runDueJobs(h.ctx(undefined, new Date('2026-11-30T01:00:00Z')), [job], 'node-c'), []);
    assert.equal(ran.length, 1, 'taken over once, then finished');
    const [past, today] = await runsOf('digest');
    assert.equal(past!.status, 'running', 'a period already past is not run again');
    assert.equal(today!.node_id, 'node-b');
    assert.equal(today!.status, 'ok');
    assert.equal(today!.started_at, at.toISOString());
    assert.equal(today!.message, '接管节点 node-a 中断的运行；发送 3 份');
  });

  it('a running node records its heartbeat, so a long run is not taken over; a late finish does not overwrite a takeover', async () => {
    let clock = new Date('2026-11-30T00:00:00Z');
    const ctx = h.ctx(undefined, () => clock);
    let seen: { beat: string | null; claim: unknown } | undefined;
    const slow: JobDefinition = {
      name: 'slow',
      period: 'hourly',
      run: async () => {
        clock = new Date('2026-11-30T00:30:00Z');
        // Wait (up to 5 s) for a heartbeat written at the moved clock.
        for (let i = 0; i < 500; i++) {
          const [row] = await runsOf('slow');
          if (row!.heartbeat_at === clock.toISOString()) break;
          await new Promise((r) => setTimeout(r, 10));
        }
        const [row] = await runsOf('slow');
        // 39 minutes after the start, 9 after the heartbeat: another node does not take it.
        const claim = await claimRun(h.db(), 'slow', row!.period_key, 'node-b', new Date('2026-11-30T00:39:00Z'));
        seen = { beat: row!.heartbeat_at, claim };
      },
    };
    assert.deepEqual(await runDueJobs(ctx, [slow], 'node-a', 10), [
      { job: 'slow', period: '2026-11-30T08', status: 'ok' },
    ]);
    assert.deepEqual(seen, { beat: '2026-11-30T00:30:00.000Z', claim: null });
    const [done] = await runsOf('slow');
    assert.equal(done!.node_id, 'node-a');
    assert.equal(done!.finished_at, '2026-11-30T00:30:00.000Z');

    // node-a stops beating (its heartbeat interval is longer than the run); node-b takes its run over meanwhile.
    clock = new Date('2026-11-30T01:00:00Z');
    const taken: JobDefinition = { name: 'stuck', period: 'hourly', run: async () => '乙' };
    const stuck: JobDefinition = {
      name: 'stuck',
      period: 'hourly',
      run: async () => {
        clock = new Date('2026-11-30T01:10:00Z');
        await runDueJobs(h.ctx(undefined, clock), [taken], 'node-b');
        return '甲';
      },
    };
    await runDueJobs(ctx, [stuck], 'node-a', 3_600_000);
    const [row] = await runsOf('stuck');
    assert.equal(row!.node_id, 'node-b');
    assert.equal(row!.message, '接管节点 node-a 中断的运行；乙');
  });

  it('a failed run is started again within its period after 10, then 20 minutes; at most 3 runs; one node each time', async () => {
    const outcomes = ['邮件服务器无响应', '数据库连接中断', '发送 2 份'];
    let calls = 0;
    const job: JobDefinition = {
      name: 'flaky',
      period: 'daily',
      atHour: 7,
      run: async () => {
        const o = outcomes[calls++]!;
        if (o.startsWith('发送')) return o;
        throw new Error(o);
      },
    };
    const bjAt = (hhmmss: string) => new Date(`2026-11-30T${hhmmss}+08:00`);
    const tick = (hhmmss: string, node = 'node-a') => runDueJobs(h.ctx(undefined, bjAt(hhmmss)), [job], node);
    assert.deepEqual(await tick('07:00:00'), [{ job: 'flaky', period: '2026-11-30', status: 'error' }]);
    let [row] = await runsOf('flaky');
    assert.deepEqual([row!.status, row!.attempts, row!.message], ['error', 1, '邮件服务器无响应']);
    assert.deepEqual(await tick('07:09:59'), [], 'not before 10 minutes');
    // Two nodes reach the retry at once: one runs it.
    const [a, b] = await Promise.all([tick('07:10:00', 'node-a'), tick('07:10:00', 'node-b')]);
    assert.equal(a.length + b.length, 1);
    assert.equal(calls, 2);
    [row] = await runsOf('flaky');
    assert.deepEqual([row!.status, row!.attempts, row!.message], ['error', 2, '数据库连接中断']);
    assert.deepEqual(await tick('07:29:59'), [], 'the second wait is 20 minutes');
    assert.deepEqual(await tick('07:30:00', 'node-c'), [{ job: 'flaky', period: '2026-11-30', status: 'ok' }]);
    [row] = await runsOf('flaky');
    assert.deepEqual(
      [row!.status, row!.attempts, row!.node_id, row!.message],
      ['ok', 3, 'node-c', '第 3 次运行（上次失败：数据库连接中断）；发送 2 份'],
    );

    // Three failures: not a fourth run that period, however long it lasts; the next period starts afresh.
    const broken: JobDefinition = {
      name: 'always-broken',
      period: 'daily',
      atHour: 7,
      run: async () => {
        throw new Error('坏了');
      },
    };
    const at = (day: string, hhmm: string) =>
      runDueJobs(h.ctx(undefined, new Date(`${day}T${hhmm}:00+08:00`)), [broken], 'node-a');
    for (const t of ['07:00', '07:10', '07:30', '08:00', '23:59']) await at('2026-12-01', t);
    await at('2026-12-02', '07:00');
    assert.deepEqual(
      (await runsOf('always-broken')).map((r) => [r.period_key, r.attempts, r.status]),
      [
        ['2026-12-01', 3, 'error'],
        ['2026-12-02', 1, 'error'],
      ],
    );
  });

  it('a daily job waits for its hour in Beijing time', () => {
    assert.equal(periodKey({ period: 'daily', atHour: 7 }, new Date('2026-11-29T22:59:00Z')), null);
    assert.equal(periodKey({ period: 'daily', atHour: 7 }, new Date('2026-11-29T23:00:00Z')), '2026-11-30');
    assert.equal(periodKey({ period: 'every15min' }, new Date('2026-11-29T23:44:00Z')), '2026-11-30T07:30');
  });
});
