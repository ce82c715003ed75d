import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, TextArea, TextField } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Checkbox, Form, Ints, Text, ticked, typed } from '../../platform/http/schemas.js';
import { orgsWithin, can } from '../../orgs/index.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { assertAllowed } from '../guard.js';
import { readInteractionSettings, updateInteractionSettings, type SettingsInput } from '../../interaction/index.js';

function SettingsPage({
  view,
  v,
  orgs,
  errors,
}: {
  view: ViewCtx;
  v: SettingsInput;
  orgs: Array<{ id: number; name: string; depth: number }>;
  errors?: FieldError[];
}) {
  return (
    <ConsoleLayout view={view} title="互动交流设置">
      <ErrorSummary errors={errors} />
      <form method="post" action="/console/messages/settings">
        <CsrfField token={view.csrf} />
        <fieldset>
          <legend>答复期限（工作日，收到当日不计）</legend>
          <TextField name="website" label="网站留言" required inputmode="numeric" value={v.website} errors={errors} />
          <TextField name="phone" label="热线电话转办" required inputmode="numeric" value={v.phone} errors={errors} />
          <TextField name="letter" label="书面转办" required inputmode="numeric" value={v.letter} errors={errors} />
          <TextField
            name="maxExtensionDays"
            label="最长延期"
            required
            inputmode="numeric"
            value={v.maxExtensionDays}
            errors={errors}
          />
        </fieldset>
        <TextArea
          name="sensitiveWords"
          label="敏感词（每行一个）"
          hint="含敏感词的留言须审核通过后才能公开。"
          value={v.sensitiveWords}
          rows={6}
          errors={errors}
        />
        <div class="field">
          <label>
            <input type="checkbox" name="nameRequired" value="1" checked={!!v.nameRequired} />{' '}
            咨询留言也须填写姓名（全部机关）
          </label>
        </div>
        <fieldset>
          <legend>要求咨询留言填写姓名的机关（含下级部门）</legend>
          {orgs.map((o) => (
            <div>
              <label>
                {'　'.repeat(o.depth)}
                <input
                  type="checkbox"
                  name="nameRequiredOrg"
                  value={String(o.id)}
                  checked={(v.nameRequiredOrgIds ?? []).includes(o.id)}
                />{' '}
                {o.name}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>意见征集</legend>
          <TextField
            name="commentMinDays"
            label="征集期最短天数（日）"
            required
            inputmode="numeric"
            hint="《重大行政决策程序暂行条例》第十四条：一般不少于30日。"
            value={v.commentMinDays}
            errors={errors}
          />
          <TextField
            name="feedbackDueDays"
            label="结束后公布采纳情况的期限（工作日）"
            required
            inputmode="numeric"
            value={v.feedbackDueDays}
            errors={errors}
          />
        </fieldset>
        <fieldset>
          <legend>满意度评价</legend>
          <TextField
            name="ratingDaysAfterClose"
            label="办结后仍可评价的期限（日）"
            inputmode="numeric"
            hint="留言办结时尚未评价的，留言人在此期限内仍可评价，避免办结影响满意率统计。"
            value={v.ratingDaysAfterClose}
            errors={errors}
          />
        </fieldset>
        <button type="submit">保存</button>
      </form>
    </ConsoleLayout>
  );
}

/** The settings form: numbers stay text, the use-case checks each against its range (its messages name the setting). */
const SettingsForm = Form({
  website: Text('网站留言'),
  phone: Text('热线电话转办'),
  letter: Text('书面转办'),
  maxExtensionDays: Text('最长延期'),
  sensitiveWords: Text('敏感词'),
  nameRequired: Checkbox('咨询留言也须填写姓名'),
  nameRequiredOrg: Ints('要求咨询留言填写姓名的机关'),
  commentMinDays: Text('征集期最短天数'),
  feedbackDueDays: Text('结束后公布采纳情况的期限'),
  ratingDaysAfterClose: Text('办结后仍可评价的期限'),
});

/** Console: the interaction settings (system administrators). */
export async function interactionSettingsRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/messages/settings', async (req, reply) => {
    assertAllowed(can(req.actor, 'settings.manage'));
    const s = await readInteractionSettings(req.ctx.db);
    const l = s.replyLimits.byChannel;
    const v: SettingsInput = {
      website: String(l.website),
      phone: String(l.phone),
      letter: String(l.letter),
      maxExtensionDays: String(s.replyLimits.maxExtensionDays),
      sensitiveWords: s.sensitiveWords.join('\n'),
      nameRequired: s.nameRequired,
      nameRequiredOrgIds: s.nameRequiredOrgIds,
      commentMinDays: String(s.commentMinDays),
      feedbackDueDays: String(s.feedbackDueDays),
      ratingDaysAfterClose: String(s.ratingDaysAfterClose),
    };
    return reply.page(<SettingsPage view={reply.view()} v={v} orgs={await orgsWithin(req.ctx)} />);
  });

  r.post('/console/messages/settings', { schema: { body: SettingsForm } }, async (req, reply) => {
    const { nameRequired, nameRequiredOrg, ...rest } = req.body;
    const v: SettingsInput = { ...rest, nameRequired: ticked(nameRequired), nameRequiredOrgIds: nameRequiredOrg };
    try {
      await updateInteractionSettings(req.ctx, v);
      return reply.flashRedirect('/console/messages/settings', '设置已保存，新的答复期限适用于此后收到的留言。');
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'invalid') throw e;
      return reply.page(
        <SettingsPage view={reply.view()} v={v} orgs={await orgsWithin(req.ctx)} errors={e.errors} />,
        400,
      );
    }
  });
}
