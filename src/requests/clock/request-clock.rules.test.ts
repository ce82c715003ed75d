// Expected dates are worked out by hand from the official 2025/2026 arrangements (see the comments)
// and written as literals; they are never computed with the code under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeClock } from './request-clock.rules.js';
import type { ClockEvent, ClockLedger, ClockOptions, ClockResult } from './clock.types.js';
import { buildCalendar } from '../../calendar/calendar.rules.js';
import { OFFICIAL_YEARS } from '../../calendar/official-holidays.data.js';
import { isAppError } from '../../platform/errors.js';

const cal = buildCalendar(OFFICIAL_YEARS);
const ledger = (
  on: string,
  events: ClockEvent[] = [],
  channel: ClockLedger['received']['channel'] = 'online',
): ClockLedger => ({
  received: { on, channel },
  events,
});
const clock = (l: ClockLedger, asOf: string, o?: ClockOptions): ClockResult => computeClock(cal, l, asOf, o);
const fails =
  (code: string, field: string, kind = 'invalid') =>
  (e: unknown) =>
    isAppError(e) && e.kind === kind && e.code === code && e.errors[0]?.field === field;

// 2025 working days after Friday 09-26: 09-28 (Sun, 调休) 1, 09-29 2, 09-30 3, [10-01 … 10-08 off],
// 10-09 4, 10-10 5, 10-11 (Sat, 调休) 6, 10-13 7, 10-14 8 … 10-17 11, 10-20 12 … 10-24 16,
// 10-27 17 … 10-30 20, 10-31 21, 11-03 22 … 11-07 26, 11-10 27 … 11-14 31.
const SPEC = ledger('2025-09-26');

test('day 0 + 20 working days (第三十一条、第三十三条): the gongkai spec example', () => {
  const r = clock(SPEC, '2025-10-09');
  assert.equal(r.state, 'running');
  assert.equal(r.dayZero, '2025-09-26');
  assert.equal(r.dueOn, '2025-10-30');
  assert.equal(r.baseDueOn, '2025-10-30');
  assert.equal(r.workingDaysUsed, 4);
  assert.equal(r.workingDaysLeft, 16);
  assert.equal(r.overdue, false);
  assert.equal(r.correctionNoticeDueOn, '2025-10-13'); // 7th working day (第三十条)
  assert.equal(
    r.steps[0],
    '2025-09-26 收到申请（网络提交，双方确认）；第20个工作日为 2025-10-30（10月1日至8日国庆节、中秋节放假，9月28日、10月11日调休上班）',
  );
  assert.equal(r.steps[1], '截至 2025-10-09：已计入 4 个工作日，剩余 16 个工作日，答复期限为 2025-10-30');
  assert.deepEqual(r.warnings, []);
});

test('overdue while running and when answered', () => {
  const running = clock(SPEC, '2025-11-04');
  assert.deepEqual(
    [running.overdue, running.overdueWorkingDays, running.workingDaysUsed, running.workingDaysLeft],
    [true, 3, 23, 0],
  );
  const onTime = clock(ledger('2025-09-26', [{ type: 'answered', on: '2025-10-30' }]), '2025-11-20');
  assert.deepEqual([onTime.state, onTime.overdue, onTime.answeredOn], ['answered', false, '2025-10-30']);
  assert.equal(onTime.steps.at(-1), '2025-10-30 作出答复，在答复期限 2025-10-30 内');
  const late = clock(ledger('2025-09-26', [{ type: 'answered', on: '2025-10-31' }]), '2025-11-20');
  assert.deepEqual([late.overdue, late.overdueWorkingDays], [true, 1]);
  assert.equal(late.steps.at(-1), '2025-10-31 作出答复，超过答复期限 2025-10-30 1 个工作日');
});

test('correction (第三十条): clock stops, the corrected application restarts the count', () => {
  const requested: ClockEvent = { type: 'correction_requested', on: '2025-09-30', until: '2025-10-20' };
  const waiting = clock(ledger('2025-09-26', [requested]), '2025-10-10');
  assert.deepEqual(
    [waiting.state, waiting.dueOn, waiting.baseDueOn, waiting.correctionDueOn],
    ['awaiting_correction', null, null, '2025-10-20'],
  );
  // Received Wednesday 10-15 → new day 0; 20th working day: 10-16 1 … 10-31 12, 11-03 13 … 11-07 17, 11-10 18, 11-11 19, 11-12 20.
  const restarted = clock(
    ledger('2025-09-26', [requested, { type: 'correction_received', on: '2025-10-15' }]),
    '2025-10-20',
  );
  assert.deepEqual(
    [
      restarted.state,
      restarted.dayZero,
      restarted.dueOn,
      restarted.baseDueOn,
      restarted.workingDaysUsed,
      restarted.workingDaysLeft,
    ],
    ['running', '2025-10-15', '2025-11-12', '2025-11-12', 3, 17],
  );
  assert.equal(restarted.correctionNoticeDueOn, '2025-10-13');
  assert.equal(
    restarted.steps[2],
    '2025-10-15 收到补正后的申请，答复期限重新起算（第三十条）；第20个工作日为 2025-11-12',
  );
  assert.deepEqual(restarted.warnings, []);
});

test('a correction notice after the 7th working day is kept, with a warning', () => {
  const r = clock(
    ledger('2025-09-26', [{ type: 'correction_requested', on: '2025-10-14', until: '2025-10-24' }]),
    '2025-10-15',
  );
  assert.equal(r.state, 'awaiting_correction');
  assert.deepEqual(
    r.warnings.map((w) => `${w.code}@${w.field}`),
    ['correction_notice_late@events[0].on'],
  );
});

test('correction period expired → abandoned, outcome 六.1', () => {
  const l = ledger('2025-09-26', [{ type: 'correction_requested', on: '2025-09-30', until: '2025-10-20' }]);
  assert.equal(clock(l, '2025-10-20').state, 'awaiting_correction');
  const r = clock(l, '2025-10-21');
  assert.deepEqual([r.state, r.outcome, r.abandonedOn, r.dueOn], ['abandoned', '六.1', '2025-10-21', null]);
  const after = ledger('2025-09-26', [
    { type: 'correction_requested', on: '2025-09-30', until: '2025-10-20' },
    { type: 'consultation_started', on: '2025-10-22', party: 'third_party' },
  ]);
  assert.throws(() => clock(after, '2025-10-22'), fails('event_after_abandonment', 'events[1].on'));
});

test('a pause spanning the National Day break (第三十三条第三款)', () => {
  // Received Friday 09-19: base due 10-23. Consultation from Monday 09-29 (7th working day) to 10-13:
  // paused 09-30, 10-09, 10-10, 10-11, 10-13 = 5 working days → due 10-23 + 5 = 10-30.
  const r = clock(
    ledger(
      '2025-09-19',
      [
        { type: 'consultation_started', on: '2025-09-29', party: 'third_party' },
        { type: 'consultation_ended', on: '2025-10-13' },
      ],
      'in_person',
    ),
    '2025-10-14',
  );
  assert.deepEqual(
    [r.state, r.baseDueOn, r.dueOn, r.pausedWorkingDays, r.workingDaysUsed],
    ['running', '2025-10-23', '2025-10-30', 5, 8],
  );
  // Reply due: 15th working day after 09-29 = 10-27.
  assert.deepEqual(r.consultations, [
    { party: 'third_party', startedOn: '2025-09-29', replyDueOn: '2025-10-27', endedOn: '2025-10-13' },
  ]);
  assert.equal(r.steps[2], '2025-10-13 征求第三方意见结束，次日恢复计时（本次暂停 5 个工作日）');
});

test('a fee pause spanning Spring Festival 2026', () => {
  // Received Monday 2026-02-02: 02-03 1 … 02-13 9, 02-14 (Sat) 10, [02-15 … 02-23 off], 02-24 11 … 02-27 14,
  // 02-28 (Sat) 15, 03-02 16 … 03-06 20. Fee notice 02-12 (8th), paid 02-25: paused 02-13, 02-14, 02-24, 02-25.
  const r = clock(
    ledger(
      '2026-02-02',
      [
        { type: 'fee_notice_sent', on: '2026-02-12' },
        { type: 'fee_paid', on: '2026-02-25' },
      ],
      'post_signed',
    ),
    '2026-03-02',
  );
  assert.deepEqual([r.baseDueOn, r.dueOn, r.pausedWorkingDays], ['2026-03-06', '2026-03-12', 4]);
  // Payment due, 20th working day after 02-12: 02-13 1, 02-14 2, 02-24 3 … 02-27 6, 02-28 7, 03-02 8 … 03-06 12,
  // 03-09 13 … 03-13 17, 03-16 18, 03-17 19, 03-18 20.
  assert.deepEqual(r.feeNotices, [{ sentOn: '2026-02-12', paymentDueOn: '2026-03-18', paidOn: '2026-02-25' }]);
});

test('overlapping pauses count once', () => {
  // Third party 10-13 → 10-20, other agency 10-15 → 10-22: union (10-13, 10-22] = 7 working days → 10-30 + 7 = 11-10.
  const r = clock(
    ledger('2025-09-26', [
      { type: 'consultation_started', on: '2025-10-13', party: 'third_party' },
      { type: 'consultation_started', on: '2025-10-15', party: 'other_agency' },
      { type: 'consultation_ended', on: '2025-10-20', party: 'third_party' },
      { type: 'consultation_ended', on: '2025-10-22', party: 'other_agency' },
    ]),
    '2025-10-23',
  );
  assert.deepEqual([r.dueOn, r.pausedWorkingDays, r.state], ['2025-11-10', 7, 'running']);
  assert.deepEqual(
    r.consultations.map((c) => [c.party, c.replyDueOn, c.endedOn]),
    [
      ['third_party', '2025-11-03', '2025-10-20'],
      ['other_agency', '2025-11-05', '2025-10-22'],
    ],
  );
});

test('an open pause keeps state paused; due date provisional as if it ended on asOf', () => {
  // Paused (10-09, 10-15] = 10-10, 10-11, 10-13, 10-14, 10-15 → 10-30 + 5 = 11-06.
  const r = clock(
    ledger('2025-09-26', [{ type: 'consultation_started', on: '2025-10-09', party: 'other_agency' }]),
    '2025-10-15',
  );
  assert.deepEqual(
    [r.state, r.dueOn, r.dueOnProvisional, r.workingDaysUsed, r.workingDaysLeft],
    ['paused', '2025-11-06', true, 4, 16],
  );
  assert.equal(r.consultations[0]?.endedOn, null);
});

test('consultation beyond the 15-day reply period: warning; optional cap at the reply due date', () => {
  const l = ledger('2025-09-26', [
    { type: 'consultation_started', on: '2025-10-09', party: 'third_party' },
    { type: 'consultation_ended', on: '2025-10-31' },
  ]);
  // Reply due: 15th working day after 10-09 = 10-29. Recorded end 10-31: paused 10-10 … 10-31 = 17 working
  // days → 10-30 + 17 = 11-24. Capped at 10-29: 15 → 10-30 + 15 = 11-20.
  const r = clock(l, '2025-11-03');
  assert.deepEqual([r.dueOn, r.pausedWorkingDays], ['2025-11-24', 17]);
  assert.deepEqual(
    r.warnings.map((w) => w.code),
    ['consultation_reply_overdue'],
  );
  const capped = clock(l, '2025-11-03', { capConsultationAtReplyDue: true });
  assert.deepEqual([capped.dueOn, capped.pausedWorkingDays], ['2025-11-20', 15]);
  assert.equal(r.consultations[0]?.replyDueOn, '2025-10-29');
});

test('a pause starting after the due date does not postpone it', () => {
  const r = clock(
    ledger('2025-09-26', [{ type: 'consultation_started', on: '2025-11-03', party: 'third_party' }]),
    '2025-11-05',
  );
  assert.deepEqual([r.dueOn, r.overdue, r.overdueWorkingDays], ['2025-10-30', true, 4]);
  assert.deepEqual(
    r.warnings.map((w) => w.code),
    ['pause_after_due_date'],
  );
});

test('pauses before a correction restart do not count', () => {
  const r = clock(
    ledger('2025-09-26', [
      { type: 'consultation_started', on: '2025-09-29', party: 'third_party' },
      { type: 'consultation_ended', on: '2025-10-10' },
      { type: 'correction_requested', on: '2025-10-10', until: '2025-10-24' },
      { type: 'correction_received', on: '2025-10-15' },
    ]),
    '2025-10-16',
  );
  assert.deepEqual([r.dayZero, r.dueOn, r.pausedWorkingDays], ['2025-10-15', '2025-11-12', 0]);
});

const PAUSE_THEN_EXTEND: ClockEvent[] = [
  { type: 'consultation_started', on: '2025-10-09', party: 'third_party' },
  { type: 'consultation_ended', on: '2025-10-20' },
];

test('extension after a pause (第三十三条第二款)', () => {
  // Paused (10-09, 10-20] = 8 working days → due 11-11; + 20 → 12-09.
  const r = clock(
    ledger('2025-09-26', [...PAUSE_THEN_EXTEND, { type: 'extended', on: '2025-11-11', days: 20 }]),
    '2025-11-12',
  );
  assert.deepEqual([r.dueOn, r.baseDueOn, r.extendedDays, r.pausedWorkingDays], ['2025-12-09', '2025-10-30', 20, 8]);
  assert.equal(
    r.steps[3],
    '2025-11-11 经政府信息公开工作机构负责人同意并告知申请人，延长答复期限 20 个工作日（第三十三条第二款；原期限 2025-11-11）',
  );
  assert.equal(
    r.steps[4],
    '暂停的 8 个工作日不计入，延长 20 个工作日：第40个计入的工作日为 2025-12-09，即答复期限（10月1日至8日国庆节、中秋节放假，9月28日、10月11日调休上班）',
  );
});

test('extension errors: twice, after the due date, too long', () => {
  const twice = ledger('2025-09-26', [
    { type: 'extended', on: '2025-10-20', days: 10 },
    { type: 'extended', on: '2025-10-21', days: 5 },
  ]);
  assert.throws(() => clock(twice, '2025-10-22'), fails('deadline_already_extended', 'events[1].type', 'conflict'));
  const after = ledger('2025-09-26', [...PAUSE_THEN_EXTEND, { type: 'extended', on: '2025-11-12', days: 20 }]);
  assert.throws(() => clock(after, '2025-11-12'), fails('extension_after_due_date', 'events[2].on', 'conflict'));
  const long = ledger('2025-09-26', [{ type: 'extended', on: '2025-10-20', days: 21 }]);
  assert.throws(() => clock(long, '2025-10-22'), fails('extension_too_long', 'events[0].days'));
});

test('fee notice: paid in time pauses; unpaid after the period → abandoned, outcome 六.2', () => {
  // Notice 10-09; paid 10-17: paused 10-10, 10-11, 10-13 … 10-17 = 7 → 10-30 + 7 = 11-10.
  const paid = clock(
    ledger('2025-09-26', [
      { type: 'fee_notice_sent', on: '2025-10-09' },
      { type: 'fee_paid', on: '2025-10-17' },
    ]),
    '2025-10-20',
  );
  assert.deepEqual([paid.dueOn, paid.pausedWorkingDays], ['2025-11-10', 7]);
  // Payment due: 20th working day after 10-09 = 11-05.
  const unpaid = ledger('2025-09-26', [{ type: 'fee_notice_sent', on: '2025-10-09' }]);
  const last = clock(unpaid, '2025-11-05');
  assert.deepEqual([last.state, last.feeNotices[0]?.paymentDueOn], ['paused', '2025-11-05']);
  const r = clock(unpaid, '2025-11-06');
  assert.deepEqual([r.state, r.outcome, r.abandonedOn, r.dueOn], ['abandoned', '六.2', '2025-11-06', null]);
  // The period is a setting: 10 working days → due 10-22, abandoned from 10-23.
  assert.deepEqual(clock(unpaid, '2025-10-23', { feePaymentWorkingDays: 10 }).abandonedOn, '2025-10-23');
});

test('第三十五条: an explicit due date replaces the computed one', () => {
  const l = ledger('2025-09-26', [
    { type: 'deadline_set', on: '2025-10-09', dueOn: '2025-12-31', reason: '申请数量明显超过合理范围' },
  ]);
  const r = clock(l, '2025-11-04');
  assert.deepEqual(
    [r.dueOn, r.overdue, r.deadlineSet?.reason, r.baseDueOn],
    ['2025-12-31', false, '申请数量明显超过合理范围', '2025-10-30'],
  );
  const weekend = clock(
    ledger('2025-09-26', [{ type: 'deadline_set', dueOn: '2025-11-29', reason: '理由' }]),
    '2025-10-09',
  );
  assert.deepEqual(
    weekend.warnings.map((w) => `${w.code}@${w.field}`),
    ['deadline_not_working_day@events[0].dueOn'],
  );
});

test('events out of order and other impossible sequences are errors naming the event', () => {
  const outOfOrder = ledger('2025-09-26', [
    { type: 'consultation_started', on: '2025-10-15', party: 'third_party' },
    { type: 'consultation_ended', on: '2025-10-13' },
  ]);
  assert.throws(() => clock(outOfOrder, '2025-10-20'), fails('events_out_of_order', 'events[1].on'));
  assert.throws(
    () => clock(ledger('2025-09-26', [{ type: 'fee_paid', on: '2025-10-13' }]), '2025-10-20'),
    fails('pause_not_started', 'events[0].type'),
  );
  assert.throws(
    () => clock(ledger('2025-09-26', [{ type: 'correction_received', on: '2025-10-13' }]), '2025-10-20'),
    fails('correction_not_requested', 'events[0].type'),
  );
  const afterAnswer = ledger('2025-09-26', [
    { type: 'answered', on: '2025-10-13' },
    { type: 'extended', on: '2025-10-14', days: 5 },
  ]);
  assert.throws(() => clock(afterAnswer, '2025-10-20'), fails('event_after_answer', 'events[1].type'));
  assert.throws(
    () => clock(ledger('2025-09-26', [{ type: 'answered', on: '2025-10-21' }]), '2025-10-20'),
    fails('event_after_as_of', 'events[0].on'),
  );
});

test('a year without calendar data is an error naming the field', () => {
  // Received 2026-12-01: due 2026-12-29 is still in 2026; a fee period running into 2027 is not.
  assert.equal(clock(ledger('2026-12-01'), '2026-12-02').dueOn, '2026-12-29');
  const fee = ledger('2026-12-01', [{ type: 'fee_notice_sent', on: '2026-12-10' }]);
  assert.throws(() => clock(fee, '2026-12-11'), fails('calendar_year_missing', 'events[0].on'));
  assert.throws(() => clock(ledger('2026-12-15'), '2026-12-16'), fails('calendar_year_missing', 'received.on'));
  assert.throws(() => clock(ledger('2025-09-26'), '2027-01-04'), fails('calendar_year_missing', 'asOf'));
});
