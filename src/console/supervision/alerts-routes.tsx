import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { assertAllowed } from '../guard.js';
import { CsrfField, ErrorSummary } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Checkbox, Form, Texts, ticked, typed } from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { rolesAllow } from '../../orgs/index.js';
import { ALERT_KINDS, type AlertKind, alertPrefsOf, DASHBOARD_ROLES, saveAlertPrefs } from '../../supervision/index.js';

function AlertsPage({
  view,
  kinds,
  email,
  errors,
}: {
  view: ViewCtx;
  kinds: readonly string[];
  email: boolean;
  errors?: FieldError[];
}) {
  return (
    <ConsoleLayout view={view} title="每日提醒设置">
      <ErrorSummary errors={errors} />
      <p>每天 7 时汇总一次，在工作台通知中显示；账号登记了电子邮箱时同时发送邮件。</p>
      <form method="post" action="/console/supervision/alerts">
        <CsrfField token={view.csrf} />
        <fieldset id="f-kinds">
          <legend>接收以下提醒</legend>
          {(Object.entries(ALERT_KINDS) as Array<[AlertKind, string]>).map(([k, label]) => (
            <div class="field">
              <label>
                <input type="checkbox" name="kinds" value={k} checked={kinds.includes(k)} /> {label}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="field">
          <label>
            <input type="checkbox" name="email" value="1" checked={email} /> 同时发送电子邮件
          </label>
        </div>
        <button type="submit">保存</button>
      </form>
    </ConsoleLayout>
  );
}

/** The kinds are checked by the use-case (an unknown kind is refused with its message). */
const AlertsForm = Form({ kinds: Texts('接收以下提醒', { maxItems: 20 }), email: Checkbox('同时发送电子邮件') });

/** Console: each supervisor or agency administrator chooses the daily alerts they receive. */
export async function alertsRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/supervision/alerts', async (req, reply) => {
    assertAllowed(rolesAllow(req.actor, DASHBOARD_ROLES));
    const prefs = await alertPrefsOf(req.ctx.db, req.actor.userId ?? 0);
    return reply.page(<AlertsPage view={reply.view()} kinds={prefs.kinds} email={prefs.email} />);
  });
  r.post('/console/supervision/alerts', { schema: { body: AlertsForm } }, async (req, reply) => {
    const { kinds } = req.body;
    const email = ticked(req.body.email);
    try {
      await saveAlertPrefs(req.ctx, { kinds, email });
      return reply.flashRedirect('/console/supervision/alerts', '已保存提醒设置。');
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'invalid') throw e;
      return reply.page(<AlertsPage view={reply.view()} kinds={kinds} email={email} errors={e.errors} />, 400);
    }
  });
}
