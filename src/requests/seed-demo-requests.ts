/**
 * Demo applications for `gongkai init --demo`: about 150 cases from January of last year to today, each
 * played through the use-cases by the demo staff on its days (registration or online submission and
 * confirmation, assignment, 补正, 征求意见, 信息处理费, 延期, 转送, 撤回, answers with every outcome, a few
 * late, 复议 and 诉讼, 依申请转主动). Cases whose next step falls after today stay open on the clock.
 */
import type { Ctx } from '../platform/context.js';
import { publicActor } from '../platform/context.js';
import { addDays, compare, dayOfWeek, fromDayNumber, todayInShanghai, toDayNumber } from '../platform/dates.js';
import { seededRandom, seedOf, type SeededRandom } from '../platform/seeded-random.js';
import { tx } from '../platform/tx.js';
import { demoStaff, type DemoStaff, demoAgencies } from '../orgs/index.js';
import { putLetterSettings } from './letter-numbers.store.js';
import { submitOnline } from './submit-online.js';
import { registerRequest } from './register-request.js';
import { confirmReceipt } from './confirm-receipt.js';
import { assignRequest } from './assign-request.js';
import { withdrawRequest } from './withdraw-request.js';
import { forwardRequest } from './forward-request.js';
import { requestCorrection } from './request-correction.js';
import { receiveCorrection } from './receive-correction.js';
import { closeAbandoned } from './close-abandoned.js';
import { startConsultation } from './start-consultation.js';
import { endConsultation } from './end-consultation.js';
import { sendFeeNotice } from './fee-notice.js';
import { recordPayment } from './record-payment.js';
import { extendDeadline } from './extend-deadline.js';
import { answerRequest } from './answer-request.js';
import { convertToProactive } from './convert-to-proactive.js';
import { recordAppeal } from './record-appeal.js';
import { ANSWER_OUTCOMES, drawOutcome, planCase, type CasePlan } from './demo-cases.rules.js';

/** How many demo applications. */
export const DEMO_REQUESTS = 150;

/** The next working day (Mon–Fri) on or after `d`. */
const workday = (d: string): string => {
  const w = dayOfWeek(d);
  return w === 6 ? addDays(d, 2) : w === 7 || w === 0 ? addDays(d, 1) : d;
};
/** A day between a and b (inclusive; a when b is earlier). */
const between = (r: SeededRandom, a: string, b: string): string =>
  fromDayNumber(toDayNumber(a) + r.int(0, Math.max(0, toDayNumber(b) - toDayNumber(a))));

const letterFor = (outcome: string): { letter: string; withheld?: string } => ({
  letter: outcome === '1' ? '经查，现向您提供所申请的政府信息（示例）。' : '经审查，现答复如下（示例）。',
  withheld: outcome === '2' || outcome.startsWith('3.') ? '涉及第三方合法权益的部分不予公开（示例）。' : undefined,
});

interface Play {
  staff: DemoStaff;
  today: string;
  orgs: number[];
  r: SeededRandom;
  minute: number;
}

/** Plays one case from `day`; returns the outcome if it closed, null if it is still open. */
async function playCase(
  ctx: Ctx,
  p: Play,
  plan: CasePlan,
  orgId: number,
  day: string,
  outcome: string,
): Promise<string | null> {
  const { staff, today, r } = p;
  const late = (d: string) => compare(d, today) > 0;
  let org = orgId;
  const as = async (role: string, d: string) => staff.at(await staff.actor(org, role), d, p.minute++ % 480);
  const pub = (d: string) => ({ ...staff.at(publicActor(null), d, p.minute++ % 480) });
  const dueOf = async (id: number) =>
    (await ctx.db.selectFrom('requests').select('due_on').where('id', '=', id).executeTakeFirstOrThrow()).due_on ??
    today;
  let id: number;
  if (plan.channel === 'online') {
    const s = await submitOnline(pub(day), { ...plan.applicant, orgId: org });
    id = s.id;
    if (plan.withdraw) {
      await withdrawRequest(pub(day), {
        requestNo: s.requestNo,
        queryCode: s.queryCode,
        reason: '已通过其他途径获取（示例）',
      });
      return 'withdrawn';
    }
    const confirm = workday(addDays(day, r.int(0, 1)));
    if (late(confirm) || compare(day, addDays(today, -1)) >= 0) return null; // still waiting for confirmation
    day = confirm;
    await confirmReceipt(await as('request_handler', day), { requestId: id, on: day });
  } else {
    id = (
      await registerRequest(await as('request_handler', day), {
        ...plan.applicant,
        orgId: org,
        channel: plan.channel,
        receivedOn: day,
      })
    ).id;
  }
  const assign = async (d: string) =>
    assignRequest(await as('request_admin', d), {
      requestId: id,
      handlerId: (await staff.actor(org, 'request_handler')).userId ?? undefined,
    });
  await assign(day);
  let cur = day;
  const step = (min: number, max: number) => workday(addDays(cur, r.int(min, max)));
  if (plan.forward) {
    const to = p.orgs.find((o) => o !== org && r.chance(0.3)) ?? p.orgs.find((o) => o !== org)!;
    cur = step(1, 2);
    if (late(cur)) return null;
    await forwardRequest(await as('request_handler', cur), {
      requestId: id,
      toOrgId: to,
      reason: '申请的信息由该机关负责公开（示例）',
    });
    org = to;
    await assign(cur);
  }
  if (plan.correction !== 'none') {
    cur = step(1, 3);
    const until = addDays(cur, 15);
    if (late(cur)) return null;
    await requestCorrection(await as('request_handler', cur), {
      requestId: id,
      until,
      items: '请明确所需信息的名称、文号或者便于查询的其他特征性描述（示例）。',
    });
    if (plan.correction === 'lapsed') {
      const close = workday(addDays(until, 3));
      if (late(close)) return null;
      await closeAbandoned(await as('request_handler', close), { requestId: id });
      return '6.1';
    }
    cur = step(4, 12);
    if (late(cur)) return null;
    await receiveCorrection(await as('request_handler', cur), { requestId: id, note: '申请人已补正（示例）' });
  }
  if (plan.consultation !== 'none') {
    cur = step(1, 3);
    if (late(cur)) return null;
    await startConsultation(await as('request_handler', cur), {
      requestId: id,
      party: 'third_party',
      respondent: '示例建设工程有限公司（示例）',
    });
    cur = step(3, 12);
    if (late(cur)) return null;
    await endConsultation(await as('request_handler', cur), {
      requestId: id,
      reply: plan.consultation,
      reasons: plan.consultation === 'objection' ? '涉及商业秘密（示例）' : undefined,
    });
  }
  if (plan.fee !== 'none') {
    cur = step(1, 3);
    if (late(cur)) return null;
    await sendFeeNotice(await as('request_handler', cur), {
      requestId: id,
      method: 'per_page',
      pages: r.int(120, 320),
      waive: plan.fee === 'waived',
      waiverReason: plan.fee === 'waived' ? '申请人为低保对象（示例）' : undefined,
    });
    if (plan.fee === 'unpaid') {
      const close = workday(addDays(cur, 45));
      if (late(close)) return null;
      await closeAbandoned(await as('request_handler', close), { requestId: id });
      return '6.2';
    }
    if (plan.fee === 'paid') {
      cur = step(2, 10);
      if (late(cur)) return null;
      await recordPayment(await as('request_handler', cur), { requestId: id });
    }
  }
  let due = await dueOf(id);
  if (plan.extension) {
    const on = workday(addDays(due, -r.int(4, 8)));
    if (compare(on, cur) > 0) {
      if (late(on)) return null;
      cur = on;
      await extendDeadline(await as('request_admin', cur), {
        requestId: id,
        days: r.pick([10, 15, 20]),
        reason: '需要调取档案、区分处理（示例）',
      });
      due = await dueOf(id);
    }
  }
  if (plan.stalled) return null;
  const answerOn = plan.late
    ? workday(addDays(due, r.int(1, 8)))
    : workday(between(r, addDays(cur, 2), addDays(due, -1)));
  const on = compare(answerOn, cur) < 0 ? cur : answerOn;
  if (late(on)) return null;
  await answerRequest(await as('request_handler', on), { requestId: id, on, outcome, ...letterFor(outcome) });
  if (plan.toProactive && outcome === '1') {
    const d = workday(addDays(on, 1));
    if (!late(d)) await convertToProactive(await as('request_handler', d), { requestId: id });
  }
  if (plan.appeal !== 'none') {
    const filed = addDays(on, r.int(10, 50));
    if (late(filed)) return outcome;
    const decided = addDays(filed, r.int(40, 80));
    const result = late(decided) ? 'pending' : r.pick(['upheld', 'upheld', 'corrected', 'other'] as const);
    const recorded = late(decided) ? filed : decided;
    if (plan.appeal !== 'litigation')
      await recordAppeal(await as('request_handler', recorded), {
        requestId: id,
        kind: 'reconsideration',
        body: '示例县人民政府（示例）',
        filedOn: filed,
        result,
        decidedOn: result === 'pending' ? undefined : decided,
      });
    if (plan.appeal !== 'reconsideration') {
      const sued = plan.appeal === 'both' ? addDays(decided, 10) : filed;
      if (!late(sued))
        await recordAppeal(await as('request_handler', sued), {
          requestId: id,
          kind: 'litigation',
          body: '示例县人民法院（示例）',
          filedOn: sued,
          afterReconsideration: plan.appeal === 'both',
          result: 'pending',
        });
    }
  }
  return outcome;
}

const LATEST: ReadonlyArray<Partial<CasePlan>> = [
  { channel: 'online' },
  { channel: 'in_person', correction: 'received', consultation: 'none', fee: 'none' },
  { channel: 'email', correction: 'none', consultation: 'objection', fee: 'none' },
  { channel: 'fax', correction: 'none', consultation: 'none', fee: 'paid' },
];

/** Seeds the demo applications in the demo agencies and the government office's 发文字号 pattern. */
export async function seedDemoRequests(ctx: Ctx, demo: { countyId: number; seed: number }): Promise<string> {
  const agencies = await demoAgencies(ctx.db);
  const office = agencies[0];
  if (!office) return '依申请公开：没有示例单位。';
  if ((await ctx.db.selectFrom('requests').select('id').where('org_id', '=', office.id).limit(1).execute()).length)
    return '依申请公开：示例申请已存在。';
  // The demo office numbers its letters (GB/T 9704-2012 发文字号), as an agency sets on the templates page.
  await tx(ctx, (trx) =>
    putLetterSettings(
      trx,
      office.id,
      {
        numberPattern: '示政办公开〔{year}〕{n}号',
        cc: [],
        reviewBody: '示例县人民政府（示例）',
        court: '示例县人民法院（示例）',
      },
      ctx.now().toISOString(),
      null,
    ),
  );
  const r = seededRandom(seedOf(demo.seed, 'requests'));
  const today = todayInShanghai(ctx.now());
  const year = Number(today.slice(0, 4));
  const start = `${year - 1}-01-05`;
  const span = toDayNumber(today) - toDayNumber(start);
  const days = Array.from({ length: DEMO_REQUESTS }, () => workday(fromDayNumber(toDayNumber(start) + r.int(0, span))))
    .map((d) => (compare(d, today) > 0 ? today : d))
    .sort(compare);
  const p: Play = { staff: await demoStaff(ctx), today, orgs: agencies.map((a) => a.id), r, minute: 0 };
  // The government office and the agencies with their own staff receive most applications.
  const weighted = [agencies[0], agencies[0], agencies[2], agencies[3], agencies[3], ...agencies].filter(Boolean);
  let cycle = 0;
  const tally = new Map<string, number>();
  for (const [n, received] of days.entries()) {
    let day = received;
    const plan = planCase(r, n, Number(day.slice(0, 4)));
    // A few cases lie forgotten: overdue on today's clock.
    if (compare(day, addDays(today, -60)) >= 0 && compare(day, addDays(today, -35)) <= 0 && r.chance(0.4)) {
      Object.assign(plan, { stalled: true, withdraw: false, correction: 'none', fee: 'none' });
    }
    // The latest cases wait in each state: unconfirmed online, 补正, 征求意见, 缴费.
    const last = DEMO_REQUESTS - 1 - n;
    if (last < 4) {
      day = addDays(today, -last);
      Object.assign(plan, LATEST[last], { withdraw: false, stalled: false, forward: false });
    }
    // Every answer outcome occurs at least once (the oldest answers go through the list), then the usual mix.
    const outcome = cycle < ANSWER_OUTCOMES.length ? ANSWER_OUTCOMES[cycle] : drawOutcome(r);
    const got = await playCase(ctx, p, plan, r.pick(weighted).id, day, outcome);
    if (got === outcome) cycle++;
    const key = got ?? 'open';
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const open = tally.get('open') ?? 0;
  return `依申请公开：载入 ${DEMO_REQUESTS} 件示例申请（${open} 件办理中，${DEMO_REQUESTS - open} 件已办结或撤回）。`;
}
