/**
 * Editable templates of the answer letter (答复书/告知书, 条例第三十六条), one per outcome code
 * (the 21 leaf rows of annual-report table 三), pure.
 *
 * The remedies paragraph (第五十一条: 行政复议 within 60 days, 行政诉讼 within 6 months) is not part of
 * the editable text: it is a fixed constant that the renderer puts where `{救济途径}` stands, or appends
 * as the last paragraph when the template leaves the placeholder out. Editing can move it, never
 * remove or reword it.
 */
import type { FieldError } from '../platform/errors.js';
import { OUTCOMES, outcomeByCode } from './outcomes.rules.js';

/** 第五十一条: the applicant's remedies, stated in every answer letter. */
export const REMEDIES =
  '如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，或者自收到本答复之日起6个月内依法向人民法院提起行政诉讼。';

/** The remedies paragraph naming the agency's 复议机关 and court when its letter settings give them, else `REMEDIES`. */
export function remediesText(s: { reviewBody: string; court: string }): string {
  if (!s.reviewBody && !s.court) return REMEDIES;
  const review = s.reviewBody ? `向${s.reviewBody}申请行政复议` : '依法申请行政复议';
  const court = s.court ? `向${s.court}提起行政诉讼` : '向人民法院提起行政诉讼';
  return `如对本答复不服，可以自收到本答复之日起60日内${review}，或者自收到本答复之日起6个月内依法${court}。`;
}

/** The placeholders a template may use, with what they stand for. */
export const PLACEHOLDERS = {
  申请人: '申请人的姓名或者名称',
  申请编号: '申请编号，如 YSQ-2025-000001',
  收到日期: '收到申请之日，如 2025年9月26日',
  信息名称: '申请获取的政府信息名称',
  办理结果: '办理结果（年度报告表三的名称）',
  法律依据: '答复所依据的条款（办理人可在答复时修改）',
  答复正文: '办理人填写的答复书正文及不予公开的理由（必须保留）',
  答复日期: '答复日期，如 2025年10月30日',
  机关名称: '答复机关名称',
  救济途径: '救济途径（固定内容，不可删改；模板中不写时自动附在末尾）',
} as const;

/** A placeholder name. */
export type Placeholder = keyof typeof PLACEHOLDERS;
/** Values of the placeholders (救济途径 is always the constant). */
export type PlaceholderValues = Record<Exclude<Placeholder, '救济途径'>, string>;

/** A template: the letter title and its body (one paragraph per line). */
export interface LetterTemplate {
  title: string;
  body: string;
}

/** Limits of the editable fields. */
export const TEMPLATE_LIMITS = { title: 40, body: 5000 } as const;

const INTRO = '本机关于{收到日期}收到您提出的政府信息公开申请（申请编号：{申请编号}），申请获取“{信息名称}”。';

/** The decision sentence of each outcome, after 第三十六条 to 第三十九条 and 第四十二条. */
const DECISIONS: Readonly<Record<string, string>> = {
  '1': '经审查，您申请获取的政府信息属于公开范围，本机关决定予以公开。',
  '2': '经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，本机关决定公开可以公开的部分，不予公开的部分说明理由如下。',
  '3.1': '经审查，您申请获取的政府信息属于国家秘密，本机关决定不予公开。',
  '3.2': '经审查，您申请获取的政府信息属于法律、行政法规禁止公开的政府信息，本机关决定不予公开。',
  '3.3': '经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开。',
  '3.4': '经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，本机关决定不予公开。',
  '3.5': '经审查，您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等方面的内部事务信息，本机关决定不予公开。',
  '3.6': '经审查，您申请获取的政府信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，本机关决定不予公开。',
  '3.7': '经审查，您申请获取的政府信息属于行政执法案卷信息，本机关决定不予公开。',
  '3.8': '经审查，您申请获取的信息属于行政查询事项，请依照有关法律、行政法规的规定办理。',
  '4.1': '经检索，本机关不掌握您申请公开的政府信息。',
  '4.2': '经审查，您申请获取的信息需要本机关对现有政府信息进行加工、分析方能形成，本机关不予提供。',
  '4.3': '您的申请经补正后内容仍不明确，本机关无法确定您所需的政府信息。',
  '5.1':
    '您的申请属于以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。',
  '5.2': '本机关已就您提出的相同政府信息公开申请作出答复，对您的重复申请不予重复处理。',
  '5.3': '您申请获取的是政府公报、报刊、书籍等公开出版物，您可以通过相应途径获取。',
  '5.4': '您的申请数量、频次明显超过合理范围，且说明的理由不合理，本机关不予处理。',
  '5.5': '您的申请内容为要求本机关确认或者重新出具已获取的信息，本机关不作为政府信息公开申请处理。',
  '6.1': '您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。',
  '6.2': '您逾期未按收费通知要求缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。',
  '6.3': '现将您的申请的办理情况告知如下。',
};

const titleFor = (code: string): string =>
  outcomeByCode(code)?.provides ? '政府信息公开申请答复书' : '政府信息公开申请告知书';

/** The built-in template of an outcome code (used when the agency has not edited its own). */
export function defaultTemplate(code: string): LetterTemplate {
  return {
    title: titleFor(code),
    body: [INTRO, DECISIONS[code] ?? '', '{答复正文}', '依据：{法律依据}。', '{救济途径}'].filter(Boolean).join('\n'),
  };
}

/** The layout of letters answered before templates existed (kept so those letters read as sent). */
export function legacyTemplate(code: string): LetterTemplate {
  return { title: titleFor(code), body: [INTRO, '{答复正文}', '依据：{法律依据}。', '{救济途径}'].join('\n') };
}

/** Outcome codes that have a template: every leaf row of table 三. */
export const TEMPLATE_CODES: readonly string[] = OUTCOMES.map((o) => o.code);

const PLACEHOLDER = /\{([^{}\n]*)\}/g;
const isPlaceholder = (s: string): s is Placeholder => Object.hasOwn(PLACEHOLDERS, s);

/** Full-width braces typed with a Chinese input method count as braces. */
const normalise = (s: string): string => s.replace(/｛/g, '{').replace(/｝/g, '}').replace(/\r\n?/g, '\n');

/** Validates an edited template; returns the cleaned template or all problems at once (fields `title`, `body`). */
export function validateTemplate(input: { title?: string; body?: string }): {
  template: LetterTemplate;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const title = normalise(input.title ?? '').trim();
  const body = normalise(input.body ?? '')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!title) errors.push({ code: 'template_title_required', message: '请填写文书标题。', field: 'title' });
  else if (title.length > TEMPLATE_LIMITS.title)
    errors.push({
      code: 'template_title_too_long',
      message: `文书标题不能超过${TEMPLATE_LIMITS.title}个字。`,
      field: 'title',
    });
  else if (/[{}]/.test(title))
    errors.push({ code: 'template_title_placeholder', message: '文书标题中不能使用占位符。', field: 'title' });
  if (!body) errors.push({ code: 'template_body_required', message: '请填写文书正文模板。', field: 'body' });
  else if (body.length > TEMPLATE_LIMITS.body)
    errors.push({
      code: 'template_body_too_long',
      message: `文书正文模板不能超过${TEMPLATE_LIMITS.body}个字。`,
      field: 'body',
    });
  const names = [...body.matchAll(PLACEHOLDER)].map((m) => m[1]);
  const unknown = [...new Set(names.filter((n) => !isPlaceholder(n)))];
  if (unknown.length) {
    errors.push({
      code: 'template_placeholder_unknown',
      message: `模板中有未知的占位符：${unknown.map((n) => `{${n}}`).join('、')}。可用的占位符：${Object.keys(
        PLACEHOLDERS,
      )
        .map((n) => `{${n}}`)
        .join('、')}。`,
      field: 'body',
    });
  }
  if (/[{}]/.test(body.replace(PLACEHOLDER, '')))
    errors.push({
      code: 'template_brace_unbalanced',
      message: '模板中的花括号不成对：占位符应写成 {申请人} 这样的形式。',
      field: 'body',
    });
  if (body && !names.includes('答复正文'))
    errors.push({
      code: 'template_answer_text_required',
      message: '模板必须保留 {答复正文}：办理人填写的答复内容和不予公开的理由（第三十六条第（三）项）不能省略。',
      field: 'body',
    });
  if (names.filter((n) => n === '救济途径').length > 1)
    errors.push({ code: 'template_remedies_twice', message: '{救济途径} 只能出现一次。', field: 'body' });
  return { template: { title, body }, errors };
}

/**
 * Renders a template into paragraphs. Substitution is one pass, so text typed by the handler
 * (e.g. “{申请人}” inside the answer) is never substituted again. The remedies paragraph is always
 * present exactly where `{救济途径}` stands, or last.
 */
export function renderTemplate(t: LetterTemplate, v: PlaceholderValues, remedies: string = REMEDIES): string[] {
  const body = normalise(t.body);
  const withRemedies = body.includes('{救济途径}') ? body : `${body}\n{救济途径}`;
  const text = withRemedies.replace(PLACEHOLDER, (whole, name: string) =>
    name === '救济途径' ? remedies : isPlaceholder(name) ? v[name as Exclude<Placeholder, '救济途径'>] : whole,
  );
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Sample values for the preview of a template. */
export const SAMPLE_VALUES: PlaceholderValues = {
  申请人: '张三',
  申请编号: 'YSQ-2025-000001',
  收到日期: '2025年9月26日',
  信息名称: '某项目环境影响评价报告',
  办理结果: '（一）予以公开',
  法律依据: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
  答复正文: '（此处为办理人在答复时填写的正文。）',
  答复日期: '2025年10月30日',
  机关名称: '某县某局',
};

/** Parses a template stored in an event payload (null when absent or malformed). */
export function storedTemplate(v: unknown): LetterTemplate | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  return typeof o.title === 'string' && typeof o.body === 'string' ? { title: o.title, body: o.body } : null;
}
