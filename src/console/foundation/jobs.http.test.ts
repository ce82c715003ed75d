import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { TEST_NOW } from '../../../test/helpers/clock.js';
import { capabilityJobs } from '../../app/module-list.js';
import { runDueJobs } from '../../platform/jobs/scheduler.js';
import { beijingTime } from '../../platform/views/components.js';

const jobs = capabilityJobs();
const at = (minutesBefore: number) => new Date(Date.parse(TEST_NOW) - minutesBefore * 60_000);

describeApp('系统管理 › 定时任务', (h) => {
  it('system administrators see every job, its last run and what needs attention; others are refused', async () => {
    const county = await makeOrg(h.db());
    const sys = await makeUser(h.db(), [['sysadmin', county]]);
    const admin = await makeUser(h.db(), [['agency_admin', county]]);
    const c = h.client();
    await c.login(sys.username);
    // Nothing has run yet (no node ran the scheduler): every job is shown as never run, and the home page warns.
    let page = (await c.get('/console/jobs')).body;
    for (const j of jobs) assert.ok(page.includes(j.label!), j.name);
    assert.equal(page.match(/从未运行/g)?.length, jobs.length);
    assert.match((await c.get('/console')).body, new RegExp(`${jobs.length} 个定时任务需要处理`));

    // The scheduler records the runs (the jobs' own work replaced: what is shown is the record, not the work).
    const failing = 'requests.reminders';
    const stand = jobs.map((j) => ({
      ...j,
      run: async () => {
        if (j.name === failing) throw new Error('发件服务器拒绝连接');
        return `${j.name} 完成`;
      },
    }));
    await runDueJobs(h.ctx(undefined, at(5)), stand, 'node-甲');
    page = (await c.get('/console/jobs')).body;
    assert.equal(page.match(/>成功</g)?.length, jobs.length - 1);
    // The failure is retried 10 minutes after it (scheduler.db.test.ts): nobody needs to act yet.
    const retry = beijingTime(at(-5).toISOString()).slice(-5);
    assert.ok(
      page.includes(`<span class="badge provisional">失败，将重试</span><br/><span class="muted">${retry} 重试</span>`),
    );
    assert.match(page, /发件服务器拒绝连接/);
    assert.match(page, /catalog\.release_scheduled 完成/);
    assert.match(page, /node-甲/);
    assert.doesNotMatch((await c.get('/console')).body, /定时任务需要处理/);
    // Its third run failed too: no more runs this period, and the home page warns.
    await h.db().updateTable('job_runs').set({ attempts: 3 }).where('job', '=', failing).execute();
    page = (await c.get('/console/jobs')).body;
    assert.match(page, /<span class="badge bad">失败<\/span>/);
    const home = (await c.get('/console')).body;
    assert.match(home, /1 个定时任务需要处理/);
    assert.match(home, /提醒办理人和负责人即将到期或已超期的申请（失败）/);

    // One job's runs, newest first; a job that does not exist is a 404 with a message.
    await runDueJobs(h.ctx(undefined, at(65)), stand, 'node-乙'); // the hour before: hourly and quarterly jobs ran then too
    const history = (await c.get('/console/jobs/catalog.release_scheduled')).body;
    assert.match(history, /共 2 次运行/);
    assert.ok(history.indexOf('node-甲') < history.indexOf('node-乙'), 'newest first');
    const missing = await c.get('/console/jobs/no.such_job');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /没有这个定时任务/);
    assert.match((await c.get('/console/jobs/mail-deliver?page=x')).body, /“页码”应为整数/);

    // A run in progress shows when its node last reported it; with no report for 10 minutes it is probably
    // interrupted (the next node to check takes it over: scheduler.db.test.ts).
    const reported = (minutesBefore: number) =>
      h
        .db()
        .updateTable('job_runs')
        .set({ status: 'running', finished_at: null, heartbeat_at: at(minutesBefore).toISOString() })
        .where('job', '=', failing)
        .execute();
    await reported(9);
    page = (await c.get('/console/jobs')).body;
    assert.match(page, /<span class="badge">运行中<\/span>/);
    assert.ok(page.includes(`最近报告 ${beijingTime(at(9).toISOString())}`));
    await reported(10);
    page = (await c.get('/console/jobs')).body;
    assert.match(page, /<span class="badge bad">可能已中断<\/span>/);
    assert.doesNotMatch(page, />运行中</);

    // Agency administrators do not see system jobs, nor the warning.
    const other = h.client();
    await other.login(admin.username);
    assert.equal((await other.get('/console/jobs')).statusCode, 403);
    assert.equal((await other.get('/console/jobs/mail-deliver')).statusCode, 403);
    assert.doesNotMatch((await other.get('/console')).body, /定时任务需要处理/);
  });
});
