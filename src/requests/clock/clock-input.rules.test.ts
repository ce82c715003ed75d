import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validateLedger, parseLedger, byEventName } from './clock-input.rules.js';
import { CHANNELS } from './clock-explain.rules.js';
import { computeClock } from './request-clock.rules.js';
import { recomputeDueDates } from './recompute-due-dates.rules.js';
import type { Channel, ClockEvent, ClockLedger } from './clock.types.js';
import { buildCalendar } from '../../calendar/calendar.rules.js';
import { OFFICIAL_YEARS } from '../../calendar/official-holidays.data.js';
import type { YearData } from '../../calendar/calendar.types.js';
import { addDays, fromDayNumber, toDayNumber } from '../../platform/dates.js';
import { isAppError } from '../../platform/errors.js';

const cal = buildCalendar(OFFICIAL_YEARS);

test('the validator returns every field error at once', () => {
  const errors = validateLedger({
    received: { on: '2025-02-30', channel: 'pigeon' },
    events: [
      { type: 'consultation_started', on: '2025-10-09', party: 'neighbour' },
      { type: 'teleported', on: '2025-10-10' },
      { type: 'extended', on: '2025-10-11', days: 0 },
      { type: 'deadline_set', dueOn: '2025-12-31', reason: ' ' },
      { type: 'correction_requested', on: '2025-10-20', until: '2025-10-19', colour: 'red' },
      { type: 'answered' },
    ],
    extra: 1,
  });
  assert.deepEqual(
    errors.map((e) => `${e.code}@${e.field}`),
    [
      'unknown_field@extra',
      'invalid_date@received.on',
      'unknown_channel@received.channel',
      'unknown_party@events[0].party',
      'unknown_event_type@events[1].type',
      'extension_days_invalid@events[2].days',
      'deadline_reason_missing@events[3].reason',
      'unknown_field@events[4].colour',
      'correction_until_before_notice@events[4].until',
      'field_required@events[5].on',
    ],
  );
  assert.ok(errors.every((e) => /[\u4e00-\u9fa5]/.test(e.message)));
  assert.deepEqual(
    validateLedger(null).map((e) => e.code),
    ['ledger_invalid'],
  );
  assert.deepEqual(validateLedger({ received: { on: '2025-09-26', channel: 'fax' } }), []);
});

test('parseLedger throws one AppError carrying all errors; computeClock validates too', () => {
  assert.throws(
    () =>
      parseLedger({
        received: { on: '2025-09-26', channel: 'online' },
        events: [{ type: 'answered', on: '2025-9-30' }],
      }),
    (e: unknown) =>
      isAppError(e) && e.kind === 'invalid' && e.errors.length === 1 && e.errors[0]?.field === 'events[0].on',
  );
  const bad = {
    received: { on: '2025-09-26', channel: 'online' },
    events: [{ type: 'answered', on: '2025-09-01' }],
  } as unknown as ClockLedger;
  assert.throws(
    () => computeClock(cal, bad, '2025-10-01'),
    // The message names the event for people (第 1 个事件), the field for programs (events[0].on).
    (e: unknown) =>
      isAppError(e) &&
      e.code === 'event_before_received' &&
      e.errors[0]?.message === '第 1 个事件（答复）的日期 2025-09-01 早于收到申请日期 2025-09-26。' &&
      e.errors[0]?.field === 'events[0].on',
  );
  assert.throws(
    () => computeClock(cal, { received: { on: '2025-09-26', channel: 'online' }, events: [] }, '2025-09-25'),
    (e: unknown) => isAppError(e) && e.code === 'as_of_before_received' && e.errors[0]?.field === 'asOf',
  );
});

test('every channel has a Chinese label and its 第三十一条 receipt rule', () => {
  const expected: Record<Channel, string> = {
    in_person: '以提交之日为收到申请之日',
    post_signed: '以行政机关签收之日为收到申请之日',
    post_unsigned: '政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日',
    online: '以双方确认之日为收到申请之日',
    fax: '以双方确认之日为收到申请之日',
    email: '以双方确认之日为收到申请之日',
    oral: '口头提出、由工作机构代为填写的，以申请人确认记录内容之日为收到申请之日',
  };
  for (const [channel, rule] of Object.entries(expected) as [Channel, string][]) {
    assert.equal(CHANNELS[channel].receiptRule, rule);
    const r = computeClock(cal, { received: { on: '2025-09-26', channel }, events: [] }, '2025-09-26');
    assert.ok(r.steps[0]?.startsWith(`2025-09-26 收到申请（${CHANNELS[channel].short}）`), channel);
    assert.equal(r.dueOn, '2025-10-30');
  }
});

test('recomputeDueDates reports which stored due dates change after a calendar edit', () => {
  // An administrator removes the 10-11 调休 working day from 2025: the 20th working day moves to 10-31.
  const edited = OFFICIAL_YEARS.map((y): YearData =>
    y.year !== 2025
      ? y
      : {
          ...y,
          holidays: y.holidays.map((h) => ({
            ...h,
            makeupWorkdays: h.makeupWorkdays.filter((d) => d !== '2025-10-11'),
          })),
        },
  );
  const newCal = buildCalendar(edited);
  const result = recomputeDueDates(
    newCal,
    [
      { id: 'a', ledger: { received: { on: '2025-09-26', channel: 'online' }, events: [] }, dueOn: '2025-10-30' },
      { id: 'b', ledger: { received: { on: '2025-11-03', channel: 'online' }, events: [] }, dueOn: '2025-12-01' },
      { id: 'c', ledger: { received: { on: '2026-12-20', channel: 'online' }, events: [] }, dueOn: null },
    ],
    '2026-12-21',
  );
  assert.deepEqual(result.changed, [{ id: 'a', oldDueOn: '2025-10-30', newDueOn: '2025-10-31' }]);
  assert.equal(result.unchanged, 1);
  assert.deepEqual(
    result.failed.map((f) => [f.id, f.errors[0]?.code]),
    [['c', 'calendar_year_missing']],
  );
});

test('the explanation reads as a sequence of dated steps', () => {
  const r = computeClock(
    cal,
    {
      received: { on: '2025-09-26', channel: 'online' },
      events: [
        { type: 'correction_requested', on: '2025-09-30', until: '2025-10-20' },
        { type: 'correction_received', on: '2025-10-15' },
        { type: 'consultation_started', on: '2025-10-20', party: 'other_agency' },
      ],
    },
    '2025-10-22',
  );
  assert.deepEqual(r.steps, [
    '2025-09-26 收到申请（网络提交，双方确认）；第20个工作日为 2025-10-30（10月1日至8日国庆节、中秋节放假，9月28日、10月11日调休上班）',
    '2025-09-30 发出补正通知（第三十条），补正期限至 2025-10-20；计时停止，收到补正后重新起算',
    '2025-10-15 收到补正后的申请，答复期限重新起算（第三十条）；第20个工作日为 2025-11-12',
    '2025-10-20 书面征求其他机关意见（第三十四条），对方应在第15个工作日 2025-11-10 前答复；征求意见所需时间不计入答复期限（第三十三条第三款），自次日起暂停计时',
    '暂停的 2 个工作日不计入：第20个计入的工作日为 2025-11-14，即答复期限',
    '截至 2025-10-22：征求意见或收费期间，暂停计时；已计入 3 个工作日。若今日恢复计时，答复期限为 2025-11-14（暂定，暂停结束后重新计算）',
  ]);
});

// Property: adding a pause never makes a due date earlier.
const START = toDayNumber('2025-01-02');
const END = toDayNumber('2025-06-30');

test('property: adding a pause never makes the due date earlier', () => {
  const pause = fc.record({
    offset: fc.integer({ min: 0, max: 45 }),
    length: fc.integer({ min: 0, max: 14 }),
    kind: fc.constantFrom('consultation' as const, 'fee' as const),
  });
  fc.assert(
    fc.property(
      fc.integer({ min: START, max: END }),
      fc.option(fc.record({ offset: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 0, max: 25 }) }), {
        nil: undefined,
      }),
      pause,
      fc.boolean(),
      (receivedDay, existing, added, closeAdded) => {
        const received = fromDayNumber(receivedDay);
        const asOf = addDays(received, 150);
        const dated: [string, number, ClockEvent][] = [];
        if (existing) {
          const s = addDays(received, existing.offset);
          dated.push([s, 0, { type: 'consultation_started', on: s, party: 'third_party' }]);
          const e = addDays(s, existing.length);
          dated.push([e, 1, { type: 'consultation_ended', on: e, party: 'third_party' }]);
        }
        const base: ClockLedger = { received: { on: received, channel: 'online' }, events: sorted(dated) };
        const s = addDays(received, added.offset);
        const e = addDays(s, added.length);
        if (added.kind === 'consultation') {
          dated.push([s, 0, { type: 'consultation_started', on: s, party: 'other_agency' }]);
          if (closeAdded) dated.push([e, 1, { type: 'consultation_ended', on: e, party: 'other_agency' }]);
        } else {
          dated.push([s, 0, { type: 'fee_notice_sent', on: s }]);
          dated.push([e, 1, { type: 'fee_paid', on: e }]);
        }
        const withPause: ClockLedger = { received: base.received, events: sorted(dated) };
        const before = computeClock(cal, base, asOf).dueOn as string;
        const after = computeClock(cal, withPause, asOf).dueOn as string;
        return after >= before;
      },
    ),
    { numRuns: 1500 },
  );
});

function sorted(dated: [string, number, ClockEvent][]): ClockEvent[] {
  return [...dated].sort((a, b) => (a[0] === b[0] ? a[1] - b[1] : a[0] < b[0] ? -1 : 1)).map((x) => x[2]);
}

test('a ledger message for a form names the event, not its place in the ledger', () => {
  assert.equal(
    byEventName('第 2 个事件（答复）的日期 2026-12-01 早于收到申请日期 2026-12-08。'),
    '答复日期 2026-12-01 早于收到申请日期 2026-12-08。',
  );
  assert.equal(byEventName('不能再记录第 3 个事件（延期）。'), '不能再记录延期。');
});
