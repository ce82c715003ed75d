import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { assertAllowed } from '../guard.js';
import { CsrfField } from '../../platform/views/components.js';
import { Choice, Form, typed } from '../../platform/http/schemas.js';
import { DIGEST_CHOICES, getDigestChoice, saveDigestChoice, type DigestChoice } from '../../orgs/index.js';

const CHOICES = Object.keys(DIGEST_CHOICES) as DigestChoice[];
const DigestForm = Form({ choice: Choice('接收方式', CHOICES) });

/** Console: each staff member chooses how (or whether) to receive the daily work digest. */
export async function digestPrefsRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/account/digest', async (req, reply) => {
    assertAllowed(req.actor.kind === 'user' && !!req.actor.userId);
    const current = await getDigestChoice(req.ctx.db, req.actor.userId!);
    const view = reply.view();
    return reply.page(
      <ConsoleLayout view={view} title="每日工作摘要">
        <p>
          每天早上 8
          时，系统把“我的工作”中有待办的各项（即将到期和已超期的申请、待答复的留言、待审核的信息、退回的年度报告等）汇总发给您，每项附有打开相应列表的链接。没有待办的日子不发送。
        </p>
        <form method="post" action="/console/account/digest" data-testid="digest-prefs">
          <CsrfField token={view.csrf} />
          <fieldset id="f-choice">
            <legend>接收方式</legend>
            {CHOICES.map((c) => (
              <div class="field">
                <label>
                  <input type="radio" name="choice" value={c} checked={c === current} /> {DIGEST_CHOICES[c]}
                </label>
              </div>
            ))}
          </fieldset>
          <p class="muted">
            依申请公开的到期提醒（逐件列出3个工作日内到期和已超期的申请）另行发送，在“到期提醒方式”中设置，不能全部关闭。
          </p>
          <button type="submit">保存</button> <a href="/console/account">返回我的账号</a>
        </form>
      </ConsoleLayout>,
    );
  });
  r.post('/console/account/digest', { schema: { body: DigestForm } }, async (req, reply) => {
    assertAllowed(req.actor.kind === 'user' && !!req.actor.userId);
    await saveDigestChoice(req.ctx, req.body.choice);
    return reply.flashRedirect('/console/account/digest', `已保存：每日工作摘要${DIGEST_CHOICES[req.body.choice]}。`);
  });
}
