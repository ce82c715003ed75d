import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { publicActor } from '../platform/context.js';
import { addDays } from '../platform/dates.js';
import { actorForUser } from '../orgs/index.js';
import { submitMessage } from './submit-message.js';
import { acceptMessage } from './accept-message.js';
import { replyMessage } from './reply-message.js';
import { rateMessage } from './rate-message.js';
import { publishQa } from './publish-qa.js';
import { openCommentPeriod } from './open-comment-period.js';

/** Demo data: messages in several states, one published Q&A, an open comment period — all marked 示例 in their text. */
export async function seedDemoInteraction(ctx: Ctx): Promise<string> {
  const grant = await ctx.db
    .selectFrom('role_grants')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .innerJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .select(['users.id as user_id', 'orgs.id as org_id'])
    .where('role_grants.role', '=', 'message_handler')
    .where('users.is_demo', '=', 1)
    .orderBy('orgs.id')
    .executeTakeFirst();
  if (!grant) return '互动交流：没有示例留言办理人，未载入示例留言。';
  const staff = await actorForUser(ctx.db, grant.user_id, null);
  if (!staff) return '互动交流：示例留言办理人不可用。';
  const pub = { ...ctx, actor: publicActor(null) };
  const asStaff = { ...ctx, actor: staff };
  const answered = await submitMessage(pub, {
    orgId: grant.org_id,
    type: 'consult',
    subject: '（示例）办理居住证需要哪些材料？',
    content: '您好，我在本县工作，想办理居住证，请问需要准备哪些材料？（示例数据）',
    name: '张示例',
    publishConsent: true,
  });
  await acceptMessage(asStaff, { messageId: answered.id });
  await replyMessage(asStaff, {
    messageId: answered.id,
    replyPublic: '您好：请携带居民身份证、居住证明和近期照片到户籍窗口办理。（示例答复）',
  });
  await rateMessage(pub, { messageNo: answered.messageNo, queryCode: answered.queryCode, rating: 'satisfied' });
  await publishQa(asStaff, { messageId: answered.id, publish: true });
  await submitMessage(pub, {
    orgId: grant.org_id,
    type: 'suggestion',
    subject: '（示例）建议增设公交站点',
    content: '建议在新建小区门口增设公交站点。（示例数据）',
    name: '李示例',
    phone: '13800000000',
    publishConsent: false,
  });
  const t = today(ctx);
  await openCommentPeriod(asStaff, {
    orgId: grant.org_id,
    title: '（示例）某县城区养犬管理办法（征求意见稿）',
    draftText:
      '第一条 为了规范城区养犬行为，制定本办法。（示例）\n第二条 本办法适用于本县城区。\n第三条 养犬人应当为犬只办理登记。',
    startOn: t,
    endOn: addDays(t, 29),
  });
  return '互动交流：2 条示例留言（1 条已答复并公开），1 个正在进行的示例意见征集。';
}
