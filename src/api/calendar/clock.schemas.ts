/** The request clock over the API: the ledger it reads (`POST /api/v1/clock`) and the result it gives (also part of a case). */
import { Type } from '../../platform/http/schemas.js';
import { CHANNELS, EVENT_LABELS, PARTIES, MAX_EXTENSION_DAYS } from '../../requests/index.js';
import { Errors, Nullable } from '../api-schemas.js';

const list = (o: Readonly<Record<string, unknown>>, label: (k: string) => string) =>
  Object.keys(o)
    .map((k) => `${k}（${label(k)}）`)
    .join('、');
const Day = (description: string) => Type.String({ description: `${description}（YYYY-MM-DD）`, format: 'date' });

/**
 * One dated event of the ledger. The fields each type needs are listed here; they are checked by the
 * clock itself (clock-input.rules.ts), which reports every problem at once with its field (`events[2].on`).
 */
export const ClockEventInput = Type.Object(
  {
    type: Type.String({
      description:
        `事件类型：${list(EVENT_LABELS, (k) => EVENT_LABELS[k as keyof typeof EVENT_LABELS])}。各类型的字段：` +
        'correction_requested：on、until；correction_received：on；consultation_started：on、party；consultation_ended：on（party 可选）；' +
        'fee_notice_sent：on；fee_paid：on；extended：on、days；deadline_set：dueOn、reason（on 可选）；answered：on。',
      enum: Object.keys(EVENT_LABELS),
    }),
    on: Type.Optional(Day('事件日期')),
    until: Type.Optional(Day('补正期限（correction_requested）')),
    party: Type.Optional(
      Type.String({
        description: `征求意见对象（consultation_started、consultation_ended）：${list(PARTIES, (k) => PARTIES[k as keyof typeof PARTIES].label)}`,
        enum: Object.keys(PARTIES),
      }),
    ),
    days: Type.Optional(
      Type.Integer({
        description: `延长的工作日数（extended），1 至 ${MAX_EXTENSION_DAYS}`,
        minimum: 1,
        maximum: MAX_EXTENSION_DAYS,
      }),
    ),
    dueOn: Type.Optional(Day('依第三十五条确定的答复期限（deadline_set）')),
    reason: Type.Optional(Type.String({ description: '确定答复期限的理由（deadline_set，必填）' })),
    id: Type.Optional(Type.String({ description: '调用方自己的事件编号（计时不使用）' })),
    note: Type.Optional(Type.String({ description: '备注（计时不使用）' })),
  },
  { additionalProperties: false, description: '办理过程中的一个事件，按日期先后排列' },
);

/**
 * The ledger as the document describes it: when and how the application arrived, and the dated events
 * since. The clock's own checks (clock-input.rules.ts) enforce exactly this, with a Chinese message and
 * the field path for every problem at once, so the route validates only the outline (`ClockLedgerBody`)
 * and documents this schema (route config `documentedBody`).
 */
export const ClockLedgerInput = Type.Object(
  {
    received: Type.Object(
      {
        on: Day('收到申请日期'),
        channel: Type.String({
          description: `申请渠道：${list(CHANNELS, (k) => CHANNELS[k as keyof typeof CHANNELS].label)}`,
          enum: Object.keys(CHANNELS),
        }),
      },
      { additionalProperties: false },
    ),
    events: Type.Optional(
      Type.Array(ClockEventInput, {
        description: '事件列表（补正、征求意见、收费、延期、依第三十五条确定期限、答复），按日期先后排列；可省略',
      }),
    ),
  },
  { additionalProperties: false },
);

/** What the route's schema validates before the clock's own checks. */
export const ClockLedgerBody = Type.Object(
  {
    received: Type.Object({ on: Type.String(), channel: Type.String() }),
    events: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }))),
  },
  { additionalProperties: true },
);

const Problem = Errors.properties.errors.items;

/** The clock's state and its explanation (computeClock). */
export const ClockResult = Type.Object({
  state: Type.Union(
    ['running', 'paused', 'awaiting_correction', 'answered', 'abandoned'].map((s) => Type.Literal(s)),
    { description: '状态' },
  ),
  stateLabel: Type.String(),
  asOf: Type.String({ description: '计算所依据的日期' }),
  receivedOn: Type.String(),
  channel: Type.String(),
  dayZero: Type.String({ description: '起算日：收到申请之日，或收到补正之日' }),
  dueOn: Nullable(Type.String(), { description: '答复期限；等待补正或已视为放弃时为 null' }),
  dueOnProvisional: Type.Boolean({ description: '计时中止中：期限按今日恢复计算，会变动' }),
  calendarProvisional: Type.Boolean({ description: '期限落在节假日安排尚未公布的年度（暂定）' }),
  provisionalDates: Type.Array(Type.String()),
  baseDueOn: Nullable(Type.String()),
  deadlineSet: Nullable(Type.Object({ dueOn: Type.String(), reason: Type.String() })),
  extendedDays: Type.Integer(),
  pausedWorkingDays: Type.Integer(),
  workingDaysUsed: Type.Integer(),
  workingDaysLeft: Nullable(Type.Integer()),
  overdue: Type.Boolean(),
  overdueWorkingDays: Type.Integer(),
  answeredOn: Nullable(Type.String()),
  outcome: Type.Optional(Type.Union([Type.Literal('六.1'), Type.Literal('六.2')])),
  abandonedOn: Type.Optional(Type.String()),
  correctionNoticeDueOn: Type.String(),
  correctionDueOn: Nullable(Type.String()),
  consultations: Type.Array(
    Type.Object({
      party: Type.String(),
      startedOn: Type.String(),
      replyDueOn: Type.String(),
      endedOn: Nullable(Type.String()),
    }),
  ),
  feeNotices: Type.Array(
    Type.Object({ sentOn: Type.String(), paymentDueOn: Type.String(), paidOn: Nullable(Type.String()) }),
  ),
  warnings: Type.Array(Problem),
  steps: Type.Array(Type.String(), { description: '中文计算说明，每步一行' }),
});
