import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { assertAllowed } from '../guard.js';
import { CsrfField, ErrorSummary } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { Checkbox, Form, ticked, typed } from '../../platform/http/schemas.js';
import { rolesAllow } from '../../orgs/index.js';
import { HANDLE_ROLES, type ReminderPrefs, getReminderPrefs, saveReminderPrefs } from '../../requests/index.js';

function PrefsPage({ view, prefs, errors }: { view: ViewCtx; prefs: ReminderPrefs; errors?: FieldError[] }) {
  return (
    <ConsoleLayout view={view} title="到期提醒方式">
      <p>
        每天早上，办理人收到本人3个工作日内到期和已超期的申请提醒，依申请公开负责人收到本机关全部此类申请的提醒。请选择接收方式（可多选，至少一种）。
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/console/requests/reminders" data-testid="reminder-prefs">
        <CsrfField token={view.csrf} />
        <fieldset>
          <legend>提醒方式</legend>
          <div class="field">
            <label>
              <input type="checkbox" id="f-inApp" name="inApp" value="1" checked={prefs.inApp} />{' '}
              站内提醒（工作台“我的提醒”）
            </label>
          </div>
          <div class="field">
            <label>
              <input type="checkbox" name="email" value="1" checked={prefs.email} />{' '}
              电子邮件（发往“我的账号”中的邮箱；未填写邮箱的，仍发站内提醒）
            </label>
          </div>
        </fieldset>
        <button type="submit">保存</button>
      </form>
    </ConsoleLayout>
  );
}

const PrefsForm = Form({ inApp: Checkbox('站内提醒'), email: Checkbox('电子邮件') });

/** Console: each handler and head of office chooses how to hear of due and overdue requests. */
export async function reminderPrefsRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/requests/reminders', async (req, reply) => {
    assertAllowed(rolesAllow(req.actor, HANDLE_ROLES) && !!req.actor.userId);
    return reply.page(<PrefsPage view={reply.view()} prefs={await getReminderPrefs(req.ctx.db, req.actor.userId!)} />);
  });
  r.post('/console/requests/reminders', { schema: { body: PrefsForm } }, async (req, reply) => {
    assertAllowed(rolesAllow(req.actor, HANDLE_ROLES) && !!req.actor.userId);
    const prefs = { inApp: ticked(req.body.inApp), email: ticked(req.body.email) };
    try {
      await saveReminderPrefs(req.ctx, prefs);
      return reply.flashRedirect('/console/requests/reminders', '已保存提醒方式。');
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'invalid') throw e;
      return reply.page(<PrefsPage view={reply.view()} prefs={prefs} errors={e.errors} />, 400);
    }
  });
}
