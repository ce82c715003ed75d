import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildCalendar } from '../calendar/calendar.rules.js';
import { OFFICIAL_YEARS } from '../calendar/official-holidays.data.js';
import { canDo, canReopen, nextState } from './message-states.rules.js';
import {
  DEFAULT_REPLY_LIMITS,
  extendDueOn,
  parseReplyLimits,
  replyDueOn,
  replyLimitDays,
} from './reply-deadline.rules.js';
import { addMonths, computeFigures, formatRate, waitedOver3Months, type FigureMessage } from './figures.rules.js';
import { findSensitiveWords, maskName, maskPersonalData, parseWordList } from './sensitive-words.rules.js';
import {
  feedbackDueOn,
  feedbackLate,
  periodPhase,
  splitArticles,
  validatePeriodDates,
} from './comment-periods.rules.js';
import { validateMessage } from './message-input.rules.js';

const cal = buildCalendar(OFFICIAL_YEARS);

describe('message states', () => {
  it('walks received → accepted → assigned → replied → rated, reopened once', () => {
    const table: Array<[string, Parameters<typeof nextState>[1], string]> = [
      ['received', 'accept', 'accepted'],
      ['accepted', 'assign', 'assigned'],
      ['assigned', 'transfer', 'received'],
      ['assigned', 'transfer_out', 'transferred'],
      ['assigned', 'reply', 'replied'],
      ['replied', 'rate', 'rated'],
      ['rated', 'reopen', 'reopened'],
      ['reopened', 'reply', 'replied'],
      ['replied', 'close', 'closed'],
      ['assigned', 'extend', 'assigned'],
    ];
    for (const [from, action, to] of table) assert.equal(nextState(from, action), to, `${from} --${action}`);
  });
  it('refuses actions outside the model with a coded conflict in Chinese', () => {
    assert.throws(() => nextState('received', 'reply'), {
      code: 'message_state_conflict',
      message: /待签收.*不能答复/,
    });
    assert.throws(() => nextState('closed', 'rate'), { kind: 'conflict' });
    assert.equal(canDo('transferred', 'reply'), false);
  });
  it('不满意 reopens only once', () => {
    assert.equal(canReopen({ state: 'rated', rating: 'unsatisfied', reopened: 0 }), true);
    assert.equal(canReopen({ state: 'rated', rating: 'unsatisfied', reopened: 1 }), false);
    assert.equal(canReopen({ state: 'rated', rating: 'basically', reopened: 0 }), false);
  });
});

describe('reply deadlines (working days, real holidays)', () => {
  const cases: Array<[string, 'website' | 'phone' | 'letter', string, string]> = [
    // 2025 国庆中秋: 10-01..10-08 off, 09-28 (Sun) and 10-11 (Sat) worked.
    ['website, Friday before 国庆', 'website', '2025-09-26', '2025-10-10'],
    ['hotline by phone, the day before 国庆', 'phone', '2025-09-30', '2025-10-11'],
    ['written transfer, the day before 国庆', 'letter', '2025-09-30', '2025-10-16'],
    // 2026 春节: 02-15..02-23 off, 02-14 (Sat) and 02-28 (Sat) worked.
    ['written transfer before 春节', 'letter', '2026-02-12', '2026-02-28'],
    ['website on a weekend day', 'website', '2025-11-29', '2025-12-05'],
  ];
  for (const [name, channel, receivedOn, due] of cases) {
    it(`${name}: ${receivedOn} → ${due}`, () =>
      assert.equal(replyDueOn(cal, DEFAULT_REPLY_LIMITS, { type: 'consult', channel, receivedOn }), due));
  }
  it('limits are settings: per-type override and parsing with defaults', () => {
    const limits = parseReplyLimits(
      JSON.stringify({ byType: { complaint: { letter: 10 } }, byChannel: { website: 4 } }),
    );
    assert.equal(replyLimitDays(limits, 'complaint', 'letter'), 10);
    assert.equal(replyLimitDays(limits, 'consult', 'letter'), 7);
    assert.equal(replyLimitDays(limits, 'consult', 'website'), 4);
    assert.deepEqual(parseReplyLimits('not json'), DEFAULT_REPLY_LIMITS);
  });
  it('extension: once, bounded, with a reason', () => {
    assert.equal(
      extendDueOn(cal, DEFAULT_REPLY_LIMITS, { dueOn: '2025-09-30', extendedDays: 0 }, 3, '需会同住建部门核实'),
      '2025-10-11',
    );
    assert.throws(
      () => extendDueOn(cal, DEFAULT_REPLY_LIMITS, { dueOn: '2025-09-30', extendedDays: 0 }, 9, ''),
      (e: { errors: Array<{ code: string }> }) => {
        assert.deepEqual(
          e.errors.map((x) => x.code),
          ['extension_days_invalid', 'extension_reason_required'],
        );
        return true;
      },
    );
    assert.throws(() => extendDueOn(cal, DEFAULT_REPLY_LIMITS, { dueOn: '2025-09-30', extendedDays: 2 }, 1, '再延'), {
      code: 'already_extended',
    });
  });
});

describe('figures on known data', () => {
  const m = (
    receivedOn: string,
    dueOn: string,
    repliedOn: string | null,
    rating: string | null = null,
  ): FigureMessage => ({ receivedOn, dueOn, repliedOn, rating });
  const data: FigureMessage[] = [
    m('2025-09-26', '2025-10-10', '2025-09-30', 'satisfied'),
    m('2025-09-29', '2025-10-10', '2025-10-10', 'basically'),
    m('2025-10-09', '2025-10-16', '2025-10-20', 'unsatisfied'), // late
    m('2025-10-13', '2025-10-20', '2025-10-14'),
    m('2025-10-20', '2025-10-27', null), // pending, within limits
    m('2025-06-02', '2025-06-09', null), // before the period; unanswered > 3 months at 2025-10-31
    m('2025-07-01', '2025-07-08', '2025-10-15'), // answered after more than 3 months
  ];
  const f = computeFigures(cal, data, { from: '2025-09-01', to: '2025-10-31', asOf: '2025-10-31' });
  it('counts, rates and the veto', () => {
    assert.equal(f.received, 5);
    assert.equal(f.closed, 4);
    assert.equal(f.closedOnTime, 3);
    assert.equal(f.completionRate, 80);
    assert.equal(f.onTimeRate, 75);
    assert.equal(f.rated, 3);
    assert.equal(f.satisfactionRate, 66.7);
    assert.equal(formatRate(f.satisfactionRate), '66.7%');
    assert.equal(f.unansweredOver3Months, 2);
    assert.equal(f.veto, true);
  });
  it('average reply time in working days', () => {
    // 9/26→9/30: 9/28, 9/29, 9/30 = 3; 9/29→10/10: 9/30, 10/9, 10/10 = 3; 10/9→10/20: 10/10, 10/11, 10/13..10/17, 10/20 = 8; 10/13→10/14 = 1.
    assert.equal(f.avgReplyWorkingDays, 3.8);
  });
  it('empty bases give no rate; three months are calendar months', () => {
    const e = computeFigures(cal, [], { from: '2025-01-01', to: '2025-12-31', asOf: '2025-12-31' });
    assert.equal(e.completionRate, null);
    assert.equal(formatRate(e.onTimeRate), '—');
    assert.equal(e.veto, false);
    assert.equal(addMonths('2025-11-30', 3), '2026-02-28');
    assert.equal(addMonths('2025-03-15', -12), '2024-03-15');
    assert.equal(waitedOver3Months('2025-06-02', null, '2025-09-02'), false);
    assert.equal(waitedOver3Months('2025-06-02', null, '2025-09-03'), true);
  });
});

describe('sensitive words and masking', () => {
  it('finds listed words despite spaces and separators', () => {
    assert.deepEqual(findSensitiveWords('这里有 赌 博 广告', parseWordList('赌博\n色情')), ['赌博']);
    assert.deepEqual(findSensitiveWords('正常的咨询', parseWordList(null)), []);
  });
  it('masks names and personal data for public Q&A', () => {
    assert.equal(maskName('张三'), '张*');
    assert.equal(maskName('张三丰'), '张**');
    assert.equal(maskName(''), '匿名');
    assert.equal(
      maskPersonalData('电话13812345678，身份证110105194912310021'),
      '电话138****5678，身份证110***********0021',
    );
  });
});

describe('comment periods', () => {
  it('minimum length is a setting (30 days by default)', () => {
    assert.deepEqual(validatePeriodDates('2025-11-01', '2025-11-30', 30), []);
    // An end before the start names both dates, not a period of −8 days.
    assert.deepEqual(validatePeriodDates('2025-11-10', '2025-11-01', 30), [
      {
        code: 'period_end_before_start',
        message: '截止日期 2025-11-01 早于开始日期 2025-11-10。征集期限不得少于 30 日，最早可截止于 2025-12-09。',
        field: 'endOn',
      },
    ]);
    const e = validatePeriodDates('2025-11-01', '2025-11-20', 30);
    assert.equal(e[0]?.code, 'period_too_short');
    assert.match(e[0]?.message ?? '', /不得少于 30 日.*2025-11-30/);
  });
  it('phases and late feedback (working days after the end)', () => {
    const p = { startOn: '2025-09-01', endOn: '2025-09-30', feedbackPublishedOn: null };
    assert.equal(periodPhase(p, '2025-08-31'), 'upcoming');
    assert.equal(periodPhase(p, '2025-09-30'), 'open');
    assert.equal(periodPhase(p, '2025-10-01'), 'closed');
    // 5 working days after 2025-09-30: 10/9, 10/10, 10/11, 10/13, 10/14.
    assert.equal(feedbackDueOn(cal, '2025-09-30', 5), '2025-10-14');
    assert.equal(feedbackLate(cal, p, 5, '2025-10-14'), false);
    assert.equal(feedbackLate(cal, p, 5, '2025-10-15'), true);
    assert.equal(feedbackLate(cal, { ...p, feedbackPublishedOn: '2025-10-13' }, 5, '2026-01-01'), false);
  });
  it('splits a draft into articles', () => {
    const a = splitArticles('总则\n第一条 为了规范管理，制定本办法。\n第二条 本办法适用于本县。\n补充说明。');
    assert.deepEqual(
      a.map((x) => x.heading),
      ['第一条', '第二条'],
    );
    assert.equal(a[1]?.text, '本办法适用于本县。\n补充说明。');
  });
});

describe('message form', () => {
  it('a consultation may be anonymous; a complaint needs name and phone', () => {
    assert.equal(
      validateMessage({ type: 'consult', subject: '办证', content: '怎么办？' }, { nameRequired: false }).errors.length,
      0,
    );
    const codes = validateMessage(
      { type: 'complaint', subject: '噪音', content: '夜间施工' },
      { nameRequired: false },
    ).errors.map((e) => e.code);
    assert.deepEqual(codes, ['name_required', 'phone_required']);
    assert.deepEqual(
      validateMessage({ type: 'consult', subject: 'x', content: 'y' }, { nameRequired: true }).errors.map(
        (e) => e.field,
      ),
      ['name'],
    );
    assert.equal(
      validateMessage({ type: 'consult', subject: 'x', content: 'y', phone: '123' }, { nameRequired: false }).errors[0]
        ?.code,
      'phone_invalid',
    );
  });
});
it('a message 联系地址 and e-mail have their length limits', () => {
  const codes = validateMessage(
    {
      type: 'consult',
      subject: '办证',
      content: '怎么办？',
      address: '长'.repeat(100_000),
      email: `${'a'.repeat(200)}@x.cn`,
    },
    { nameRequired: false },
  ).errors.map((e) => [e.field, e.code]);
  assert.deepEqual(codes, [
    ['email', 'email_too_long'],
    ['address', 'address_too_long'],
  ]);
});
