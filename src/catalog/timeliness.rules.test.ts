import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar } from '../calendar/calendar.rules.js';
import { OFFICIAL_YEARS } from '../calendar/official-holidays.data.js';
import { withProvisionalYears } from '../calendar/provisional-year.rules.js';
import { disclosureDue, timeliness, timelinessLabel } from './timeliness.rules.js';

const cal = buildCalendar(OFFICIAL_YEARS);

describe('第二十六条: 20 working days after 生成日期', () => {
  it('skips the 2025 国庆节、中秋节 break and counts the 调休 Saturdays/Sundays', () => {
    // 2025-09-28 (Sun) and 2025-10-11 (Sat) are working days; 10-01..10-08 are off.
    assert.equal(disclosureDue(cal, '2025-09-19'), '2025-10-23');
  });
  it('skips 春节 2026', () => {
    // 2026 春节: 02-15..02-23 off; 02-14 (Sat) and 02-28 (Sat) are working days.
    assert.equal(disclosureDue(cal, '2026-02-02'), '2026-03-06');
  });
  it('published on the due date is on time', () => {
    const t = timeliness(cal, '2025-09-19', '2025-10-23', '2025-11-01');
    assert.equal(timelinessLabel(t), '按时');
  });
  it('published after the due date is late by working days', () => {
    assert.equal(timelinessLabel(timeliness(cal, '2025-09-19', '2025-10-24', '2025-11-01')), '逾期 1 个工作日');
    assert.equal(timelinessLabel(timeliness(cal, '2025-09-19', '2025-10-27', '2025-11-01')), '逾期 2 个工作日');
  });
  it('unpublished items show days left or days overdue', () => {
    const pending = timeliness(cal, '2025-09-19', null, '2025-10-20');
    assert.deepEqual(pending, { kind: 'pending', due: '2025-10-23', daysLeft: 3, provisional: false });
    const overdue = timeliness(cal, '2025-09-19', null, '2025-10-27');
    assert.deepEqual(overdue, { kind: 'overdue', due: '2025-10-23', days: 2, provisional: false });
  });
  it('a year without calendar data is reported, not guessed', () => {
    const t = timeliness(cal, '2026-12-20', null, '2026-12-21');
    assert.equal(t.kind, 'unknown');
    assert.match(timelinessLabel(t), /2027年/);
  });
  it('a due date in a year not yet announced is computed on the provisional calendar and says 暂定', () => {
    const withProvisional = buildCalendar(withProvisionalYears(OFFICIAL_YEARS));
    // 12-21..25 (5), 12-28..31 (9), 1-1 元旦, 1-4..8 (14), 1-11..15 (19), 1-18 (20).
    const t = timeliness(withProvisional, '2026-12-20', null, '2026-12-21');
    assert.deepEqual(t, { kind: 'pending', due: '2027-01-18', daysLeft: 19, provisional: true });
    assert.equal(timelinessLabel(t), '剩余 19 个工作日（暂定，2027-01-18 前公开）');
    assert.equal(
      timelinessLabel(timeliness(withProvisional, '2026-12-20', '2026-12-30', '2026-12-30')),
      '按时（暂定）',
    );
  });
});
