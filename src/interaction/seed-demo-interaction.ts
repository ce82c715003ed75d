import type { Ctx } from '../platform/context.js';
import { publicActor } from '../platform/context.js';
import { addDays, compare, dayOfWeek, fromDayNumber, todayInShanghai, toDayNumber } from '../platform/dates.js';
import { seededRandom, seedOf } from '../platform/seeded-random.js';
import { demoStaff, demoAgencies } from '../orgs/index.js';
import { submitMessage } from './submit-message.js';
import { registerMessage } from './register-message.js';
import { acceptMessage } from './accept-message.js';
import { replyMessage } from './reply-message.js';
import { rateMessage } from './rate-message.js';
import { closeMessage } from './close-message.js';
import { transferMessage } from './transfer-message.js';
import { publishQa } from './publish-qa.js';
import { openCommentPeriod } from './open-comment-period.js';
import { submitComment } from './submit-comment.js';
import { moderateComment } from './moderate-comment.js';
import { publishFeedback } from './publish-feedback.js';

/** How many demo messages. */
export const DEMO_MESSAGES = 60;

const TOPICS: Record<'consult' | 'complaint' | 'suggestion', string[]> = {
  consult: [
    '办理居住证需要哪些材料',
    '新生儿医保如何参保',
    '小学入学报名时间',
    '公租房申请条件',
    '个体户办理营业执照流程',
  ],
  complaint: ['小区夜间施工噪音扰民', '农贸市场占道经营', '路灯长期不亮', '餐馆油烟直排', '公交车不按站停靠'],
  suggestion: [
    '建议增设公交站点',
    '建议延长图书馆开放时间',
    '建议老旧小区加装电梯',
    '建议增加社区健身设施',
    '建议公布停车场空位信息',
  ],
};
const NAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄'];
const workday = (d: string): string => {
  const w = dayOfWeek(d);
  return w === 6 ? addDays(d, 2) : w === 7 || w === 0 ? addDays(d, 1) : d;
};

/**
 * Demo interaction: messages of every type over the demo period, signed for, answered, rated (满意,
 * 基本满意, 不满意), closed, a few transferred out, the latest still waiting, consultations published as
 * Q&A; a comment period that ended with its feedback published and one that is open. All marked 示例.
 */
export async function seedDemoInteraction(ctx: Ctx, demo: { countyId: number; seed: number }): Promise<string> {
  const r = seededRandom(seedOf(demo.seed, 'interaction'));
  const staff = await demoStaff(ctx);
  const orgs = (await demoAgencies(ctx.db)).map((o) => o.id);
  if (!orgs.length) return '互动交流：没有示例单位。';
  const today = todayInShanghai(ctx.now());
  const start = `${Number(today.slice(0, 4)) - 1}-01-05`;
  const span = toDayNumber(today) - toDayNumber(start);
  const days = Array.from({ length: DEMO_MESSAGES }, () =>
    workday(fromDayNumber(toDayNumber(start) + r.int(0, span))),
  ).sort(compare);
  let minute = 0;
  const at = (a: Parameters<typeof staff.at>[0], d: string) => staff.at(a, d, minute++ % 480);
  const pub = (d: string) => at(publicActor(null), d);
  const late = (d: string) => compare(d, today) > 0;
  let replied = 0;
  let published = 0;
  for (const [n, received] of days.entries()) {
    const type = (['consult', 'complaint', 'suggestion'] as const)[n % 3];
    const orgId = n % 4 === 0 ? orgs[0] : r.pick(orgs);
    const consent = r.chance(0.6);
    const fields = {
      orgId,
      type,
      subject: `（示例）${r.pick(TOPICS[type])}`,
      content: `您好，${r.pick(TOPICS[type])}，请予答复。（示例数据）`,
      name: `${r.pick(NAMES)}示例`,
      phone: type === 'consult' ? undefined : '13800000000',
      publishConsent: consent,
    };
    const handler = await staff.actor(orgId, 'message_handler');
    // Most arrive on the website; some by the hotline or by letter, registered by the handler.
    const m =
      n % 6 === 5
        ? await registerMessage(at(handler, received), {
            ...fields,
            channel: r.pick(['phone', 'letter']),
            receivedOn: received,
          })
        : await submitMessage(pub(received), fields);
    const signed = workday(addDays(received, r.int(0, 1)));
    if (late(signed) || n === DEMO_MESSAGES - 1) continue; // waiting to be signed for
    await acceptMessage(at(handler, signed), { messageId: m.id });
    if (type === 'complaint' && r.chance(0.1)) {
      await transferMessage(at(handler, signed), {
        messageId: m.id,
        targetName: '示例县12345热线（示例）',
        reason: '属于热线办理范围（示例）',
      });
      continue;
    }
    // Mostly within the 5 working days, sometimes a day or two late.
    const answer = workday(addDays(signed, r.chance(0.9) ? r.int(1, 5) : r.int(8, 10)));
    if (late(answer)) continue;
    await replyMessage(at(handler, answer), {
      messageId: m.id,
      replyPublic: `您好：您反映的“${m.messageNo}”事项已办理，具体情况如下……（示例答复）`,
    });
    replied++;
    if (type === 'consult' && consent && r.chance(0.8)) {
      await publishQa(at(handler, answer), { messageId: m.id, publish: true });
      published++;
    }
    const rateOn = addDays(answer, r.int(0, 3));
    if (late(rateOn)) continue;
    const x = r.next();
    if (x < 0.75) {
      const rating = x < 0.5 ? 'satisfied' : x < 0.65 ? 'basically' : 'unsatisfied';
      await rateMessage(pub(rateOn), {
        messageNo: m.messageNo,
        queryCode: m.queryCode,
        rating,
        reason: rating === 'unsatisfied' ? '问题尚未彻底解决（示例）' : undefined,
      });
    }
    const closeOn = workday(addDays(rateOn, r.int(1, 5)));
    if (!late(closeOn) && r.chance(0.7)) await closeMessage(at(handler, closeOn), { messageId: m.id });
  }
  const periods = await seedDemoPeriods(ctx, orgs[0], today);
  return `互动交流：${DEMO_MESSAGES} 条示例留言（${replied} 条已答复，${published} 条公开为问答），${periods}。`;
}

/** One comment period ended with its feedback published, one open now. */
async function seedDemoPeriods(ctx: Ctx, orgId: number, today: string): Promise<string> {
  const staff = await demoStaff(ctx);
  const handler = await staff.actor(orgId, 'message_handler');
  const pub = (d: string) => staff.at(publicActor(null), d);
  const draftText =
    '第一条 为了规范城区养犬行为，制定本办法。（示例）\n第二条 本办法适用于本县城区。\n第三条 养犬人应当为犬只办理登记。';
  const startOn = addDays(today, -90);
  const endOn = addDays(startOn, 30);
  const { id } = await openCommentPeriod(staff.at(handler, startOn), {
    orgId,
    title: '（示例）示例县城区养犬管理办法（征求意见稿）',
    draftText,
    startOn,
    endOn,
  });
  const comments = [
    ['建议明确犬只登记的办理地点和费用。', 'approved'],
    ['建议禁止在公园内遛犬。', 'approved'],
    ['建议对烈性犬实行更严格的管理。', 'approved'],
    ['广告内容', 'rejected'],
    ['建议设置犬只便溺清理设施。', 'approved'],
  ] as const;
  const ids: number[] = [];
  for (const [i, [content, decision]] of comments.entries()) {
    const c = await submitComment(pub(addDays(startOn, 2 + i * 5)), {
      periodId: id,
      articleNo: (i % 3) + 1,
      name: '市民（示例）',
      content: `${content}（示例）`,
    });
    await moderateComment(staff.at(handler, addDays(startOn, 3 + i * 5)), { commentId: c.id, decision });
    if (decision === 'approved') ids.push(c.id);
  }
  const adoptions = ['adopted', 'partly', 'not_adopted', 'adopted'];
  await publishFeedback(staff.at(handler, addDays(endOn, 10)), {
    periodId: id,
    feedbackText: '征集期间共收到意见5条，经审核显示4条。采纳情况如下。（示例）',
    decisions: ids.map((commentId, i) => ({
      commentId,
      adoption: adoptions[i % adoptions.length],
      reason: adoptions[i % adoptions.length] === 'adopted' ? undefined : '与上位法规定不一致（示例）',
    })),
  });
  const open = await openCommentPeriod(staff.at(handler, addDays(today, -5)), {
    orgId,
    title: '（示例）示例县公共停车场管理办法（征求意见稿）',
    draftText: '第一条 为了规范公共停车场管理，制定本办法。（示例）\n第二条 本办法适用于本县公共停车场。',
    startOn: addDays(today, -5),
    endOn: addDays(today, 25),
  });
  const c = await submitComment(pub(addDays(today, -2)), {
    periodId: open.id,
    articleNo: 1,
    name: '市民（示例）',
    content: '建议夜间免费停车。（示例）',
  });
  await moderateComment(staff.at(handler, addDays(today, -1)), { commentId: c.id, decision: 'approved' });
  return '1 个已公布采纳情况的意见征集和 1 个正在进行的意见征集';
}
