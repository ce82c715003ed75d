import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { addWorkingDays, isProvisionalDate, isWorkingDay } from './calendar.rules.js';
import { getCalendar } from './get-calendar.js';
import { parseCalendarJson } from './calendar-import.rules.js';
import { saveCalendarYears, seedOfficialCalendar } from './save-calendar-years.js';
import { onCalendarChange } from './calendar-listeners.js';
import { listChanges } from './calendar.store.js';

// A plausible 2027 arrangement for the tests (not an official notice).
const Y2027 = JSON.stringify({
  year: 2027,
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-13', workdays: ['2027-02-14'] },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07', workdays: ['2027-10-09'] },
  ],
});

describeDb('calendar in the database', (h) => {
  let moved = 0;
  onCalendarChange(async () => ({ label: '测试事项', moved: ++moved }));

  it('init loads 2008–2026 once; a year without data is an error, never a guess', async () => {
    assert.match((await seedOfficialCalendar(h.ctx())) ?? '', /2008–2026/);
    assert.equal(await seedOfficialCalendar(h.ctx()), undefined);
    const cal = await getCalendar(h.db());
    assert.equal(addWorkingDays(cal, '2025-09-26', 20), '2025-10-30');
    assert.equal(isWorkingDay(cal, '2025-10-11'), true);
    // 2027 is not announced: the count runs on the provisional calendar (暂定), derived from the law.
    assert.equal(addWorkingDays(cal, '2026-12-20', 20), '2027-01-18');
    assert.equal(isProvisionalDate(cal, '2027-01-18'), true);
    assert.equal(isProvisionalDate(cal, '2026-12-31'), false);
    assert.equal(isWorkingDay(cal, '2027-01-01'), false, '元旦 (第二条)');
    // Beyond the provisional horizon nothing is guessed.
    assert.throws(() => addWorkingDays(cal, '2031-12-20', 20), { code: 'calendar_year_missing' });
  });

  it('a system administrator adds a year; it is versioned, audited and recomputes deadlines', async () => {
    const root = await makeOrg(h.db());
    const admin = await makeUser(h.db(), [['sysadmin', root]]);
    const r = await saveCalendarYears(h.ctx(admin.actor), parseCalendarJson(Y2027).years, 'import');
    assert.deepEqual(r.saved, [{ year: 2027, version: 1, changed: true }]);
    assert.ok(r.moved.length >= 1 && r.moved.every((m) => m.moved >= 1), 'listeners ran and reported');
    const cal = await getCalendar(h.db());
    // 12-21..25 (5), 12-28..31 (9), 1-1..3 off, 1-4..8 (14), 1-11..15 (19), 1-18 (20)
    assert.equal(addWorkingDays(cal, '2026-12-20', 20), '2027-01-18');
    assert.equal(isWorkingDay(cal, '2027-02-14'), true, 'a make-up Sunday');
    const ev = await h
      .db()
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    assert.equal(ev.action, 'calendar.add');
    assert.equal(ev.actor_label, admin.username);

    // A correction keeps the previous version.
    const corrected = JSON.parse(Y2027) as { holidays: Array<{ name: string; to: string }> };
    corrected.holidays[0].to = '2027-01-01';
    const r2 = await saveCalendarYears(h.ctx(admin.actor), parseCalendarJson(JSON.stringify(corrected)).years, 'edit');
    assert.equal(r2.saved[0].version, 2);
    const changes = await listChanges(h.db(), 2027);
    assert.equal(changes.length, 2);
    assert.match(changes[0].before_data ?? '', /2027-01-03/);
    assert.equal(isWorkingDay(await getCalendar(h.db()), '2027-01-02'), false, '2 January 2027 is a Saturday');
    // Saving the same data again changes nothing.
    const r3 = await saveCalendarYears(h.ctx(admin.actor), parseCalendarJson(JSON.stringify(corrected)).years, 'edit');
    assert.equal(r3.saved[0].changed, false);
  });

  it('only system administrators may change the calendar; bad files change nothing', async () => {
    const root = await makeOrg(h.db());
    const sup = await makeUser(h.db(), [['supervisor', root]]);
    await assert.rejects(saveCalendarYears(h.ctx(sup.actor), parseCalendarJson(Y2027).years, 'edit'), {
      code: 'calendar_forbidden',
    });
    assert.throws(
      () =>
        parseCalendarJson('{"year": 2028, "holidays": [{"name": "春节", "from": "2028-02-30", "to": "2028-02-01"}]}'),
      (e: { errors: Array<{ field?: string }> }) => e.errors.length > 0,
    );
  });
});
