/** The agency's letter settings on the templates page: 发文字号 pattern and 抄送 of answer letters. */
import { CsrfField, TextArea, TextField } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import type { FieldError } from '../../platform/errors.js';
import type { OrgRow } from '../../orgs/index.js';
import { LETTER_SETTING_LIMITS, formatLetterNumber, type LetterSettings } from '../../requests/index.js';

/** The form (posts to /console/requests/letter-settings). */
export function LetterSettingsForm({
  view,
  org,
  settings,
  errors,
}: {
  view: ViewCtx;
  org: OrgRow;
  settings: LetterSettings;
  errors?: FieldError[];
}) {
  const example =
    settings.numberPattern && !errors?.length ? formatLetterNumber(settings.numberPattern, 2025, 12) : null;
  return (
    <>
      <h2>文书编号与抄送（{org.name}）</h2>
      <p>
        告知书、答复书和征求意见函按《党政机关公文格式》（GB/T
        9704-2012）排版。发文字号由发文机关代字、年份和顺序号组成，年份用六角括号〔〕，顺序号不编虚位、不加“第”字；顺序号按本机关每年从1起连续编排，文书发出时取号，已发出的文书不因修改设置而改变。
      </p>
      <form method="post" action="/console/requests/letter-settings" data-testid="letter-settings">
        <CsrfField token={view.csrf} />
        <input type="hidden" name="orgId" value={String(org.id)} />
        <TextField
          name="numberPattern"
          label="发文字号格式"
          value={settings.numberPattern}
          maxLength={LETTER_SETTING_LIMITS.pattern + 10}
          hint={`如 示政公开〔{year}〕{n}号：{year} 为年份，{n} 为顺序号。留空则文书不编发文字号。${example ? `当前格式示例：${example}` : ''}`}
          errors={errors}
        />
        <TextArea
          name="cc"
          label="答复书、告知书的抄送机关（可选）"
          rows={2}
          value={settings.cc.join('、')}
          hint={`多个机关用顿号或换行分隔，最多${LETTER_SETTING_LIMITS.ccNames}个，如 县政府办公室（县政务公开办）。`}
          errors={errors}
        />
        <TextField
          name="reviewBody"
          label="行政复议机关（答复书救济途径中写明）"
          value={settings.reviewBody}
          maxLength={LETTER_SETTING_LIMITS.remedyBody + 10}
          hint="如 示例县人民政府。未设置时，答复书只写“依法申请行政复议”，案件页面会提示。"
          errors={errors}
        />
        <TextField
          name="court"
          label="管辖的人民法院（答复书救济途径中写明）"
          value={settings.court}
          maxLength={LETTER_SETTING_LIMITS.remedyBody + 10}
          hint="如 示例县人民法院。"
          errors={errors}
        />
        <button type="submit">保存</button>
      </form>
    </>
  );
}
