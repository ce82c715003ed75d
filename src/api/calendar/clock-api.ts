import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { todayInShanghai, isValidIsoDate } from '../../platform/dates.js';
import { invalid } from '../../platform/errors.js';
import { computeClock } from '../../requests/clock/request-clock.rules.js';
import { parseLedger } from '../../requests/clock/clock-input.rules.js';
import { getCalendar } from '../../calendar/get-calendar.js';
import { dayInfo } from '../../calendar/calendar.rules.js';
import { yearSummary } from '../../calendar/calendar-summary.rules.js';

/** Public JSON API: the request clock and the calendar. */
export async function clockApi(app: FastifyInstance, perMinute: number): Promise<void> {
  app.post(
    '/api/v1/clock',
    {
      config: { csrfExempt: true, rateLimit: { max: perMinute, timeWindow: '1 minute' } },
      schema: {
        summary: '期限计算：依申请公开答复期限（公开，限流）',
        description: '输入收到申请日期、渠道和事件（补正、征求意见、收费、延期、答复），返回期限状态和中文说明。',
        tags: ['期限'],
        querystring: Type.Object({ asOf: Type.Optional(Type.String()) }),
        body: Type.Object({ received: Type.Object({ on: Type.String(), channel: Type.String() }), events: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }))) }, { additionalProperties: true }),
      },
    },
    async (req) => {
      const asOf = (req.query as { asOf?: string }).asOf ?? todayInShanghai(req.ctx.now());
      if (!isValidIsoDate(asOf)) throw invalid('date_invalid', `日期无效：${asOf}`, 'asOf');
      const body = req.body as { events?: unknown[] };
      return computeClock(await getCalendar(req.ctx.db), parseLedger({ ...body, events: body.events ?? [] }), asOf);
    },
  );

  app.get(
    '/api/v1/calendar/:year',
    { schema: { summary: '某年法定节假日与调休安排', tags: ['期限'], params: Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }) }) } },
    async (req) => yearSummary(await getCalendar(req.ctx.db), (req.params as { year: number }).year),
  );

  app.get(
    '/api/v1/calendar/days/:date',
    { schema: { summary: '某日是否工作日', tags: ['期限'], params: Type.Object({ date: Type.String() }) } },
    async (req) => {
      const date = (req.params as { date: string }).date;
      if (!isValidIsoDate(date)) throw invalid('date_invalid', `日期无效：${date}`, 'date');
      return dayInfo(await getCalendar(req.ctx.db), date);
    },
  );
}
