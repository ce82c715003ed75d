import type { FastifyInstance } from 'fastify';
import { typed, Type } from '../../platform/http/schemas.js';
import { todayInShanghai, isValidIsoDate } from '../../platform/dates.js';
import { invalid } from '../../platform/errors.js';
import { computeClock, parseLedger } from '../../requests/index.js';
import { getCalendar, dayInfo, yearSummary } from '../../calendar/index.js';
import { answers, PUBLIC } from '../api-schemas.js';
import { ClockLedgerBody, ClockLedgerInput, ClockResult } from './clock.schemas.js';

const Dates = Type.Array(Type.String());
const YearSummary = Type.Object({
  year: Type.Integer(),
  provisional: Type.Boolean({ description: '该年安排尚未公布，按法律推算（暂定）' }),
  holidays: Type.Array(
    Type.Object({
      name: Type.String(),
      from: Type.String(),
      to: Type.String(),
      offDays: Dates,
      offDayCount: Type.Integer(),
      makeupWorkdays: Dates,
      text: Type.String(),
    }),
  ),
  workingWeekends: Dates,
  workingDays: Type.Integer(),
  notices: Type.Array(
    Type.Object({
      title: Type.String(),
      number: Type.Optional(Type.String()),
      issuedOn: Type.Optional(Type.String()),
      url: Type.Optional(Type.String()),
    }),
  ),
  lines: Type.Array(Type.String()),
});
const DayInfo = Type.Object({
  date: Type.String(),
  working: Type.Boolean(),
  kind: Type.Union(['workday', 'weekend', 'holiday', 'makeup_workday'].map((k) => Type.Literal(k))),
  holidayName: Type.Optional(Type.String()),
  provisional: Type.Boolean(),
});

/** Public JSON API: the request clock and the calendar. */
export async function clockApi(app: FastifyInstance, perMinute: number): Promise<void> {
  const r = typed(app);
  r.post(
    '/api/v1/clock',
    {
      config: {
        csrfExempt: true,
        rateLimit: { max: perMinute, timeWindow: '1 minute' },
        documentedBody: ClockLedgerInput,
      },
      schema: {
        summary: '期限计算：依申请公开答复期限（公开，限流）',
        description: '输入收到申请日期、渠道和事件（补正、征求意见、收费、延期、答复），返回期限状态和中文说明。',
        tags: ['期限'],
        operationId: 'computeClock',
        security: PUBLIC,
        querystring: Type.Object({
          asOf: Type.Optional(Type.String({ description: '按哪一天计算（YYYY-MM-DD），默认今天' })),
        }),
        body: ClockLedgerBody,
        response: answers({ 200: ClockResult }),
      },
    },
    async (req) => {
      const asOf = req.query.asOf ?? todayInShanghai(req.ctx.now());
      if (!isValidIsoDate(asOf)) throw invalid('date_invalid', `日期无效：${asOf}`, 'asOf');
      return computeClock(
        await getCalendar(req.ctx.db),
        parseLedger({ ...req.body, events: req.body.events ?? [] }),
        asOf,
      );
    },
  );

  r.get(
    '/api/v1/calendar/:year',
    {
      schema: {
        summary: '某年法定节假日与调休安排',
        tags: ['期限'],
        operationId: 'getCalendarYear',
        security: PUBLIC,
        params: Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }) }),
        response: answers({ 200: YearSummary }),
      },
    },
    async (req) => yearSummary(await getCalendar(req.ctx.db), req.params.year),
  );

  r.get(
    '/api/v1/calendar/days/:date',
    {
      schema: {
        summary: '某日是否工作日',
        tags: ['期限'],
        operationId: 'getCalendarDay',
        security: PUBLIC,
        params: Type.Object({ date: Type.String({ description: 'YYYY-MM-DD' }) }),
        response: answers({ 200: DayInfo }),
      },
    },
    async (req) => {
      const date = req.params.date;
      if (!isValidIsoDate(date)) throw invalid('date_invalid', `日期无效：${date}`, 'date');
      return dayInfo(await getCalendar(req.ctx.db), date);
    },
  );
}
