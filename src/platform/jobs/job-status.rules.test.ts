import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  duePeriod,
  jobStatus,
  lastReport,
  NEEDS_ATTENTION,
  periodLabel,
  runOutcome,
  runTook,
  STATE_LABEL,
  scheduleLabel,
  type JobRun,
} from './job-status.rules.js';
import { retryAt, type JobDefinition } from './scheduler.js';
import { capabilityJobs } from '../../app/module-list.js';

const daily: JobDefinition = { name: 'd', label: '每日', period: 'daily', atHour: 8, run: async () => {} };
const hourly: JobDefinition = { name: 'h', period: 'hourly', run: async () => {} };
const quarter: JobDefinition = { name: 'q', period: 'every15min', run: async () => {} };

/** `hh:mm` on 2026-12-07 in Beijing as an instant. */
const bj = (hhmm: string, day = '2026-12-07') => new Date(`${day}T${hhmm}:00+08:00`);
/** The scheduler has been running for days. */
const long = bj('00:00', '2026-12-01');
const run = (o: Partial<JobRun>): JobRun => ({
  job: 'x',
  period_key: '2026-12-07',
  node_id: 'node-a',
  started_at: bj('08:00').toISOString(),
  finished_at: bj('08:00').toISOString(),
  status: 'ok',
  message: null,
  heartbeat_at: bj('08:00').toISOString(),
  attempts: 1,
  ...o,
});

describe('periodic jobs: what an operator is shown', () => {
  it('the period due now: a daily job before its hour still owes yesterday', () => {
    assert.equal(duePeriod(daily, bj('07:59')), '2026-12-06');
    assert.equal(duePeriod(daily, bj('08:00')), '2026-12-07');
    assert.equal(duePeriod(daily, bj('00:30', '2027-01-01')), '2026-12-31');
    assert.equal(duePeriod(hourly, bj('10:59')), '2026-12-07T10');
    assert.equal(duePeriod(quarter, bj('10:44')), '2026-12-07T10:30');
    assert.equal(scheduleLabel(daily), '每天 8 时');
    assert.equal(scheduleLabel(quarter), '每 15 分钟');
  });

  it('never, ok and error follow the runs; the label falls back to the name', () => {
    assert.equal(jobStatus(daily, null, bj('09:00'), long).state, 'never');
    assert.equal(jobStatus(daily, null, bj('09:00'), null).state, 'never', 'the scheduler never ran');
    // A new installation started at 05:00: the 08:00 job is not owed before 08:30.
    assert.equal(jobStatus(daily, null, bj('08:29'), bj('05:00')).state, 'waiting');
    assert.equal(jobStatus(daily, null, bj('08:30'), bj('05:00')).state, 'never');
    assert.equal(jobStatus(hourly, null, bj('09:00'), long).label, 'h');
    assert.equal(jobStatus(daily, run({}), bj('09:00'), long).state, 'ok');
    assert.equal(jobStatus(daily, run({ status: 'error', message: '坏了' }), bj('09:00'), long).state, 'error');
    // Yesterday's failure, today's period not yet 30 minutes old: the last outcome is shown.
    assert.equal(
      jobStatus(daily, run({ period_key: '2026-12-06', status: 'error' }), bj('08:10'), long).state,
      'error',
    );
  });

  it('a failure to be retried within its period says when; error once it is not', () => {
    const failed = (o: Partial<JobRun> = {}) => run({ status: 'error', message: '坏了', ...o });
    const s = jobStatus(daily, failed(), bj('08:05'), long);
    assert.deepEqual([s.state, s.retryAt], ['retrying', bj('08:10').toISOString()]);
    assert.equal(STATE_LABEL.retrying, '失败，将重试');
    assert.ok(!NEEDS_ATTENTION.has('retrying'));
    // The second failure waits 20 minutes; the third is final.
    assert.equal(jobStatus(daily, failed({ attempts: 2 }), bj('08:05'), long).retryAt, bj('08:20').toISOString());
    assert.deepEqual(
      [jobStatus(daily, failed({ attempts: 3 }), bj('08:05'), long)].map((x) => [x.state, x.retryAt]),
      [['error', null]],
    );
    // No node retried it by 30 minutes after the time: error.
    assert.equal(jobStatus(daily, failed(), bj('08:39'), long).state, 'retrying');
    assert.equal(jobStatus(daily, failed(), bj('08:40'), long).state, 'error');
    // An hourly failure at 10:55 is not retried at 11:05: that is the next period, which runs anyway.
    const late = failed({ period_key: '2026-12-07T10', finished_at: bj('10:55').toISOString() });
    assert.equal(retryAt(hourly, late), null);
    assert.equal(jobStatus(hourly, late, bj('10:56'), long).state, 'error');
    assert.equal(runOutcome(failed({ attempts: 2 })), '失败（第 2 次运行）');
    assert.equal(runOutcome(run({})), '成功');
  });

  it('late: no node ran the period that began 30 minutes ago', () => {
    const yesterday = run({ period_key: '2026-12-06' });
    assert.equal(jobStatus(daily, yesterday, bj('08:29'), long).state, 'ok');
    assert.equal(jobStatus(daily, yesterday, bj('08:30'), long).state, 'late');
    assert.equal(jobStatus(hourly, run({ period_key: '2026-12-07T09' }), bj('10:29'), long).state, 'ok');
    assert.equal(jobStatus(hourly, run({ period_key: '2026-12-07T09' }), bj('10:30'), long).state, 'late');
    // Every 15 minutes: the quarter that began at 10:00 is owed from 10:30.
    assert.equal(jobStatus(quarter, run({ period_key: '2026-12-07T10:00' }), bj('10:44'), long).state, 'ok');
    assert.equal(jobStatus(quarter, run({ period_key: '2026-12-07T09:45' }), bj('10:30'), long).state, 'late');
  });

  it('a run still marked running without a heartbeat for 10 minutes was probably interrupted', () => {
    const running = run({ status: 'running', finished_at: null });
    assert.equal(jobStatus(daily, running, bj('08:09'), long).state, 'running');
    assert.equal(jobStatus(daily, running, bj('08:10'), long).state, 'interrupted');
    // A long run whose node still beats is running, however long ago it started.
    const alive = run({ status: 'running', finished_at: null, heartbeat_at: bj('10:55').toISOString() });
    assert.equal(jobStatus(daily, alive, bj('11:00'), long).state, 'running');
    assert.equal(lastReport(alive), bj('10:55').toISOString());
    assert.equal(lastReport(run({})), null, 'a finished run is not reported on');
    // A run recorded before heartbeats existed: its start counts.
    assert.equal(jobStatus(daily, { ...running, heartbeat_at: null }, bj('08:10'), long).state, 'interrupted');
    assert.equal(runTook(running), '');
    assert.equal(runTook(run({ finished_at: new Date(bj('08:00').getTime() + 1260).toISOString() })), '1.3 秒');
    assert.equal(runTook(run({})), '不到 0.1 秒');
    assert.deepEqual(['2026-12-07', '2026-12-07T10', '2026-12-07T10:30'].map(periodLabel), [
      '2026-12-07',
      '2026-12-07 10 时',
      '2026-12-07 10:30',
    ]);
  });

  it('every job of the application says what it does', () => {
    const jobs = capabilityJobs();
    assert.ok(jobs.length >= 9);
    assert.deepEqual(
      jobs.filter((j) => !j.label).map((j) => j.name),
      [],
    );
  });
});
