import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar } from '../calendar/calendar.rules.js';
import { OFFICIAL_YEARS } from '../calendar/official-holidays.data.js';
import {
  DEFAULT_COHANDLING_DAYS,
  defaultInternalDue,
  isCoHandlingOverdue,
  parseCohandlingDays,
  workingDaysBefore,
} from './departments.rules.js';

const cal = buildCalendar(OFFICIAL_YEARS);

test('working days before a date skip weekends and holidays, count 调休 Saturdays', () => {
  // Due 2025-10-30 (Thu): 10-29, 10-28, 10-27, 10-24, 10-23.
  assert.equal(workingDaysBefore(cal, '2025-10-30', 5), '2025-10-23');
  // Across 国庆节、中秋节: 10-13, 10-11 (Sat, worked), 10-10, 10-09, then 10-01…10-08 off, 09-30.
  assert.equal(workingDaysBefore(cal, '2025-10-14', 5), '2025-09-30');
  assert.equal(workingDaysBefore(cal, '2025-10-14', 0), '2025-10-14');
});

test('default internal due date: N working days before the due date, at least the next working day, never after the due date', () => {
  assert.equal(defaultInternalDue(cal, '2025-10-30', '2025-10-09', 5), '2025-10-23');
  // Too late for 5 days: the next working day after today.
  assert.equal(defaultInternalDue(cal, '2025-10-30', '2025-10-27', 5), '2025-10-28');
  // Friday 2025-09-30 → next working day is 10-09 after the holiday, still before the due date 10-14.
  assert.equal(defaultInternalDue(cal, '2025-10-14', '2025-09-30', 5), '2025-10-09');
  // On the due date itself (or overdue): today.
  assert.equal(defaultInternalDue(cal, '2025-10-30', '2025-10-30', 5), '2025-10-30');
  assert.equal(defaultInternalDue(cal, '2025-10-30', '2025-11-03', 5), '2025-11-03');
  // The day before the due date: the due date.
  assert.equal(defaultInternalDue(cal, '2025-10-30', '2025-10-29', 5), '2025-10-30');
});

test('overdue co-handling and the setting', () => {
  assert.equal(isCoHandlingOverdue({ internal_due_on: '2025-10-23', reply_on: null }, '2025-10-24'), true);
  assert.equal(isCoHandlingOverdue({ internal_due_on: '2025-10-23', reply_on: null }, '2025-10-23'), false);
  assert.equal(isCoHandlingOverdue({ internal_due_on: '2025-10-23', reply_on: '2025-10-24' }, '2025-10-27'), false);
  assert.equal(parseCohandlingDays(undefined), DEFAULT_COHANDLING_DAYS);
  assert.equal(parseCohandlingDays('8'), 8);
  assert.equal(parseCohandlingDays('0'), DEFAULT_COHANDLING_DAYS);
  assert.equal(parseCohandlingDays('abc'), DEFAULT_COHANDLING_DAYS);
});
