import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, TextField } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { Checkbox, Form, OptText, typed } from '../../platform/http/schemas.js';
import { rolesAllow } from '../../orgs/index.js';
import {
  readCheckSettings,
  saveCheckSettings,
  type CheckSettingsForm,
  type CheckSettings,
  type DeductionKey,
} from '../../supervision/index.js';
import { assertAllowed } from '../guard.js';

const THRESHOLD_LABELS: Record<string, string> = {
  newsDays: '动态、要闻类栏目未更新天数',
  noticeMonths: '通知公告、政策文件类栏目未更新月数',
  longUnupdatedMonths: '长期未更新栏目的月数',
  vetoStaleColumns: '未更新栏目达到此数即单项否决',
  vetoLongUnupdated: '长期未更新栏目达到此数即单项否决',
  vetoEmptyColumns: '空白栏目达到此数即单项否决',
  homeDays: '首页未更新天数（单项否决）',
};
const DEDUCTION_LABELS: Record<DeductionKey, string> = {
  stale_news_column: '动态、要闻类栏目未更新（每个）',
  stale_notice_column: '通知公告、政策文件类栏目未更新（每个）',
  empty_column: '空白栏目（每个）',
  undated_item: '未注明发布日期的信息（每条）',
  broken_link_home: '首页不可用链接（每个）',
  broken_link_other: '其他页面不可用链接（每个）',
};

/**
 * Every field of the form as text: the use-case reads the numbers and names each one that is out of
 * range (“请填写 0 至 100 之间的数字。”, save-check-settings.ts).
 */
type TextSchema = ReturnType<typeof OptText>;
const SettingsForm = Form({
  ...Object.fromEntries(
    Object.entries(THRESHOLD_LABELS).map(([k, l]): [string, TextSchema] => [k, OptText(l, { maxLength: 20 })]),
  ),
  ...Object.fromEntries(
    (Object.keys(DEDUCTION_LABELS) as DeductionKey[]).flatMap((k): Array<[string, TextSchema]> => [
      [`d.${k}.points`, OptText(`${DEDUCTION_LABELS[k]}：扣分`, { maxLength: 20 })],
      [`d.${k}.cap`, OptText(`${DEDUCTION_LABELS[k]}：最多扣分`, { maxLength: 20 })],
    ]),
  ),
  'ext.enabled': Checkbox('检查信息正文中的外部链接'),
  'ext.timeoutMs': OptText('超时（毫秒）', { maxLength: 20 }),
  'ext.perHost': OptText('每个网站每次最多检查的链接数', { maxLength: 20 }),
});

function toForm(s: CheckSettings): CheckSettingsForm {
  const f: CheckSettingsForm = {};
  for (const k of Object.keys(THRESHOLD_LABELS)) f[k] = String(s[k as keyof CheckSettings]);
  for (const [k, v] of Object.entries(s.deductions)) {
    f[`d.${k}.points`] = String(v.points);
    f[`d.${k}.cap`] = String(v.cap);
  }
  f['ext.enabled'] = s.externalLinks.enabled ? '1' : '';
  f['ext.timeoutMs'] = String(s.externalLinks.timeoutMs);
  f['ext.perHost'] = String(s.externalLinks.perHost);
  return f;
}

function Page({
  view,
  f,
  errors,
  saved,
}: {
  view: ViewCtx;
  f: CheckSettingsForm;
  errors?: FieldError[];
  saved?: boolean;
}) {
  return (
    <ConsoleLayout view={view} title="网站检查设置">
      <p>
        <a href="/console/supervision/checks">← 网站检查</a>
      </p>
      <p class="muted">阈值依据国办秘函〔2019〕19号；扣分分值在参考资料中多为回忆值，请按本地考核方案调整。</p>
      {saved ? (
        <div class="flash" role="status">
          设置已保存。
        </div>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action="/console/supervision/checks/settings">
        <CsrfField token={view.csrf} />
        <fieldset>
          <legend>单项否决阈值</legend>
          {Object.entries(THRESHOLD_LABELS).map(([k, l]) => (
            <TextField name={k} label={l} inputmode="numeric" value={f[k]} errors={errors} />
          ))}
        </fieldset>
        <fieldset>
          <legend>扣分表（每项扣分 / 该指标最多扣分）</legend>
          {(Object.keys(DEDUCTION_LABELS) as DeductionKey[]).map((k) => (
            <div class="filters">
              <TextField
                name={`d.${k}.points`}
                label={`${DEDUCTION_LABELS[k]}：扣分`}
                inputmode="decimal"
                value={f[`d.${k}.points`]}
                errors={errors}
              />
              <TextField
                name={`d.${k}.cap`}
                label="最多扣分"
                inputmode="decimal"
                value={f[`d.${k}.cap`]}
                errors={errors}
              />
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>外部链接检查</legend>
          <label class="check">
            <input type="checkbox" name="ext.enabled" value="1" checked={f['ext.enabled'] === '1'} />{' '}
            检查信息正文中的外部链接（会访问其他网站）
          </label>
          <TextField
            name="ext.timeoutMs"
            label="超时（毫秒）"
            inputmode="numeric"
            value={f['ext.timeoutMs']}
            errors={errors}
          />
          <TextField
            name="ext.perHost"
            label="每个网站每次最多检查的链接数"
            inputmode="numeric"
            value={f['ext.perHost']}
            errors={errors}
          />
        </fieldset>
        <button type="submit">保存设置</button>
      </form>
    </ConsoleLayout>
  );
}

/** Console: thresholds, deduction table and external-link settings of the website check. */
export async function checkSettingsRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/supervision/checks/settings', async (req, reply) => {
    assertAllowed(rolesAllow(req.actor, ['supervisor']));
    return reply.page(<Page view={reply.view()} f={toForm(await readCheckSettings(req.ctx.db))} />);
  });
  r.post('/console/supervision/checks/settings', { schema: { body: SettingsForm } }, async (req, reply) => {
    const f: CheckSettingsForm = req.body;
    try {
      const s = await saveCheckSettings(req.ctx, f);
      return reply.page(<Page view={reply.view()} f={toForm(s)} saved />);
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'invalid') throw e;
      return reply.page(<Page view={reply.view()} f={f} errors={e.errors} />, 400);
    }
  });
}
