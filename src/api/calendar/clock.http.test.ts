import { it, before } from 'node:test';
import assert from 'node:assert/strict';
import { describeApp } from '../../../test/helpers/http.js';
import { makeOrg, makeUser } from '../../../test/helpers/factories.js';
import { seedOfficialCalendar } from '../../calendar/save-calendar-years.js';

describeApp('request clock and calendar over HTTP', (h) => {
  before(async () => {
    await seedOfficialCalendar(h.ctx());
  });

  it('POST /api/v1/clock computes the due date with its explanation', async () => {
    const res = await h.app().inject({
      method: 'POST',
      url: '/api/v1/clock?asOf=2025-10-09',
      payload: { received: { on: '2025-09-26', channel: 'online' }, events: [] },
    });
    assert.equal(res.statusCode, 200);
    const body = res.json() as { dueOn: string; state: string; steps: string[]; workingDaysLeft: number };
    assert.equal(body.dueOn, '2025-10-30');
    assert.equal(body.state, 'running');
    assert.equal(body.workingDaysLeft, 16);
    assert.match(body.steps[0], /10月1日至8日国庆节、中秋节放假，9月28日、10月11日调休上班/);
  });

  it('bad input gets a coded error naming the event, never a date', async () => {
    const res = await h.app().inject({
      method: 'POST',
      url: '/api/v1/clock',
      payload: {
        received: { on: '2025-09-26', channel: 'online' },
        events: [{ type: 'teleported', on: '2025-10-01' }],
      },
    });
    assert.equal(res.statusCode, 400);
    const e = (res.json() as { errors: Array<{ code: string; field?: string }> }).errors[0];
    assert.match(e.field ?? '', /events\[0\]/);
    // Beyond the provisional horizon (the last announced year + 5) nothing is guessed.
    const missing = await h.app().inject({
      method: 'POST',
      url: '/api/v1/clock?asOf=2031-12-20',
      payload: { received: { on: '2031-12-20', channel: 'online' } },
    });
    assert.equal(missing.statusCode, 400);
    assert.equal((missing.json() as { errors: Array<{ code: string }> }).errors[0].code, 'calendar_year_missing');
    // A December receipt runs into 2027, not yet announced: computed on the provisional calendar and flagged.
    const december = await h.app().inject({
      method: 'POST',
      url: '/api/v1/clock?asOf=2026-12-21',
      payload: { received: { on: '2026-12-20', channel: 'online' } },
    });
    assert.equal(december.statusCode, 200);
    const d = december.json() as {
      dueOn: string;
      calendarProvisional: boolean;
      provisionalDates: string[];
      steps: string[];
    };
    assert.equal(d.dueOn, '2027-01-18');
    assert.equal(d.calendarProvisional, true);
    assert.deepEqual(d.provisionalDates, ['2027-01-18']);
    assert.match(d.steps[d.steps.length - 1] ?? '', /^注：2027年节假日安排尚未公布/);
  });

  it('the public 期限计算器 shows the due date and how it was computed', async () => {
    const res = await h.client().get('/tools/deadline?received=2025-09-26&channel=online&asOf=2025-10-09');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<strong>2025-10-30<\/strong>/);
    assert.match(res.body, /调休上班/);
    const bad = await h.client().get('/tools/deadline?received=2025-02-30&channel=online');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /请修改以下问题/);
    // Each error stands at its field, the row named; a value no list offers is told to choose from it.
    const fieldError = (html: string, id: string) =>
      new RegExp(`<div class="field has-error">(?:(?!<div class="field).)*id="f-${id}"`, 's').test(html);
    assert.ok(fieldError(bad.body, 'received'), '收到申请日期 is marked');
    const rows = await h
      .client()
      .get('/tools/deadline?received=2025-09-26&t0=foo&d0=2025-09-29&t1=extended&d1=2025-10-09&n1=abc&channel=x');
    assert.equal(rows.statusCode, 400);
    assert.match(rows.body, /事件 1：请从列表中选择事件。/);
    assert.match(rows.body, /事件 2：延长天数“abc”无效/);
    assert.match(rows.body, /请从列表中选择提交方式。/);
    assert.doesNotMatch(rows.body, /correction_requested、|“NaN”|third_party/);
    for (const id of ['t0', 'n1', 'channel']) assert.ok(fieldError(rows.body, id), `${id} is marked`);
  });

  it('calendar API answers a year and a day', async () => {
    const y = (await h.client().get('/api/v1/calendar/2026')).json() as { holidays: Array<{ name: string }> };
    assert.equal(y.holidays[1].name, '春节');
    const d = (await h.client().get('/api/v1/calendar/days/2025-10-11')).json() as { working: boolean };
    assert.equal(d.working, true);
  });

  it('console: supervisors read the calendar; only system administrators import, and see how many deadlines moved', async () => {
    const root = await makeOrg(h.db());
    const sup = await makeUser(h.db(), [['supervisor', root]]);
    const c = h.client();
    await c.login(sup.username);
    const page = await c.get('/console/calendar?year=2026');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /2026 年安排/);
    assert.doesNotMatch(page.body, /新增或更正年度安排/);
    const admin = await makeUser(h.db(), [['sysadmin', root]]);
    const a = h.client();
    await a.login(admin.username);
    const y2027 = JSON.stringify({
      year: 2027,
      holidays: [
        { name: '春节', from: '2027-02-05', to: '2027-02-13' },
        { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
      ],
    });
    const confirm = async (preview: { statusCode: number; body: string }) => {
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /导入预览（尚未保存）/);
      const data = /name="data" value="([^"]+)"/.exec(preview.body)?.[1]?.replaceAll('&quot;', '"') ?? '';
      return a.post('/console/calendar/import/confirm', { data }, { from: '/console/calendar' });
    };
    const res = await confirm(await a.post('/console/calendar/import', { data: y2027 }, { from: '/console/calendar' }));
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /2027 年已保存为第 1 版/);
    assert.match(res.body, /个期限随之调整/);
    const y2028 = JSON.stringify({
      year: 2028,
      holidays: [
        { name: '春节', from: '2028-01-25', to: '2028-02-01' },
        { name: '国庆节', from: '2028-10-01', to: '2028-10-07' },
      ],
    });
    const up = await confirm(
      await a.upload(
        '/console/calendar/upload',
        { field: 'file', name: '2028年节假日.json', data: y2028, type: 'application/json' },
        {},
        { from: '/console/calendar' },
      ),
    );
    assert.equal(up.statusCode, 200);
    assert.match(up.body, /2028 年已保存为第 1 版/);
    const none = await a.upload(
      '/console/calendar/upload',
      { field: 'file', name: 'empty.json', data: '' },
      {},
      { from: '/console/calendar' },
    );
    assert.equal(none.statusCode, 400);
    const bad = await a.post('/console/calendar/import', { data: '{"year": 2028}' }, { from: '/console/calendar' });
    assert.equal(bad.statusCode, 400);
    const day = await a.post(
      '/console/calendar/day',
      { date: '2026-10-09', working: '0', holidayName: '国庆节' },
      { from: '/console/calendar' },
    );
    assert.equal(day.statusCode, 200);
    assert.match(day.body, /已更正 2026-10-09（2026 年第 2 版）/);
    const api = (await a.get('/api/v1/calendar/days/2026-10-09')).json() as { working: boolean };
    assert.equal(api.working, false);
    assert.equal(
      (
        await c
          .post('/console/calendar/day', { date: '2026-10-12', working: '0' }, { from: '/console/calendar?year=2026' })
          .catch(() => ({ statusCode: 403 }))
      ).statusCode,
      403,
    );
  });
});

let clock = new Date('2026-10-31T02:00:00Z');
describeApp(
  'missing next-year calendar warning',
  (h) => {
    it('from 1 November (Beijing time) the console warns supervisors when next year is missing', async () => {
      await seedOfficialCalendar(h.ctx());
      const root = await makeOrg(h.db());
      const sup = await makeUser(h.db(), [['supervisor', root]]);
      const editor = await makeUser(h.db(), [['editor', root]]);
      clock = new Date('2026-10-31T02:00:00Z');
      const c = h.client();
      await c.login(sup.username);
      const before = await c.get('/console');
      assert.equal(before.statusCode, 200);
      assert.doesNotMatch(before.body, /尚未导入 2027 年/);
      clock = new Date('2026-10-31T16:30:00Z'); // 00:30 on 1 November in Beijing
      const c2 = h.client();
      await c2.login(sup.username);
      assert.match((await c2.get('/console')).body, /尚未导入 2027 年法定节假日安排/);
      const e = h.client();
      await e.login(editor.username);
      assert.doesNotMatch((await e.get('/console')).body, /尚未导入 2027 年/);
    });
  },
  { now: () => clock },
);
