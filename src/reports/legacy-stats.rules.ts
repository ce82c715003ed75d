/**
 * The pre-2019 statistics table 《政府信息公开情况统计表》 (used with the annual reports for 2016 to 2018,
 * under the 2008 条例第三十一、三十二条), as data: its rows verbatim, units, the figures' types, soft
 * checks, and the indicators it shares with the later formats. REFERENCE §2.3.
 *
 * REFERENCE marks §2.3 [R] except its opening rows; the labels below are taken verbatim (in simplified
 * characters) from a complete printed table, the 睢县 2016 report (sample 004, [V2]). Where REFERENCE's
 * recalled wording differs, it is kept as an alias for import. Units the sample does not print are
 * REFERENCE's [R]. Local templates that add rows are read with those rows reported as not recognised.
 */

/** One row of the table: a section or group heading (no figure) or a figure. */
export interface LegacyRow {
  key: string;
  label: string;
  /** 条, 件, 次, 篇, 个, 人, 人次, 万元; '' for headings. */
  unit: string;
  /** 0 = 一、…; 1 = （一）…; 2 = 1.… / 其中：…; 3 = the 其中 of 4.不同意公开. */
  level: 0 | 1 | 2 | 3;
  /** True for headings printed with “——” (no figure). */
  heading?: boolean;
  /** True for amounts in 万元 (up to 4 decimals). */
  decimal?: boolean;
  /** Other wordings seen for the same row (REFERENCE §2.3, [R]). */
  aliases?: readonly string[];
}

const h = (key: string, label: string, level: LegacyRow['level']): LegacyRow => ({
  key,
  label,
  unit: '',
  level,
  heading: true,
});
const n = (
  key: string,
  label: string,
  unit: string,
  level: LegacyRow['level'],
  o: Partial<LegacyRow> = {},
): LegacyRow => ({ key, label, unit, level, ...o });

/** The rows of the 统计表, in printed order. */
export const LEGACY_ROWS: readonly LegacyRow[] = [
  h('p', '一、主动公开情况', 0),
  n('p_items', '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', 1),
  n('p_normative', '其中：主动公开规范性文件数', '条', 2),
  n('p_normative_made', '制发规范性文件总数', '件', 2),
  h('p_channels', '（二）通过不同渠道和方式公开政府信息的情况', 1),
  n('p_gazette', '1.政府公报公开政府信息数', '条', 2),
  n('p_website', '2.政府网站公开政府信息数', '条', 2),
  n('p_weibo', '3.政务微博公开政府信息数', '条', 2),
  n('p_wechat', '4.政务微信公开政府信息数', '条', 2),
  n('p_other', '5.其他方式公开政府信息数', '条', 2),
  h('r', '二、回应解读情况', 0),
  n('r_hotspots', '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', '次', 1),
  h('r_channels', '（二）通过不同渠道和方式回应解读的情况', 1),
  n('r_press', '1.参加或举办新闻发布会总次数', '次', 2),
  n('r_press_leader', '其中：主要负责同志参加新闻发布会次数', '次', 3),
  n('r_interviews', '2.政府网站在线访谈次数', '次', 2),
  n('r_interviews_leader', '其中：主要负责同志参加政府网站在线访谈次数', '次', 3),
  n('r_explanations', '3.政策解读稿件发布数', '篇', 2),
  n('r_weibo', '4.微博微信回应事件数', '次', 2),
  n('r_other', '5.其他方式回应事件数', '次', 2),
  h('a', '三、依申请公开情况', 0),
  n('a_received', '（一）收到申请数', '件', 1),
  n('a_in_person', '1.当面申请数', '件', 2),
  n('a_fax', '2.传真申请数', '件', 2),
  n('a_online', '3.网络申请数', '件', 2),
  n('a_letter', '4.信函申请数', '件', 2),
  n('a_closed', '（二）申请办结数', '件', 1),
  n('a_on_time', '1.按时办结数', '件', 2),
  n('a_extended', '2.延期办结数', '件', 2),
  n('a_answered', '（三）申请答复数', '件', 1),
  n('a_already_public', '1.属于已主动公开范围数', '件', 2),
  n('a_disclosed', '2.同意公开答复数', '件', 2),
  n('a_partly', '3.同意部分公开答复数', '件', 2),
  n('a_refused', '4.不同意公开答复数', '件', 2),
  n('a_refused_secret', '其中：涉及国家秘密', '件', 3, { aliases: ['涉及国家秘密'] }),
  n('a_refused_commercial', '涉及商业秘密', '件', 3),
  n('a_refused_privacy', '涉及个人隐私', '件', 3),
  n('a_refused_security', '危及国家安全、公共安全、经济安全和社会稳定', '件', 3),
  n('a_refused_not_info', '不是《条例》所指政府信息', '件', 3),
  n('a_refused_other', '法律、法规规定的其他情形', '件', 3, { aliases: ['法律法规规定的其他情形'] }),
  n('a_not_ours', '5.不属于本行政机关公开数', '件', 2, { aliases: ['5.不属于本行政机关公开'] }),
  n('a_not_exist', '6.申请信息不存在数', '件', 2, { aliases: ['6.申请信息不存在'] }),
  n('a_clarify', '7.告知作出更改补充数', '件', 2, { aliases: ['7.告知作出更改补充'] }),
  n('a_other_channel', '8.告知通过其他途径办理数', '件', 2, { aliases: ['8.告知通过其他途径办理'] }),
  n('reconsideration', '四、行政复议数量', '件', 0),
  n('rc_upheld', '（一）维持具体行政行为数', '件', 1),
  n('rc_corrected', '（二）被依法纠错数', '件', 1),
  n('rc_other', '（三）其他情形数', '件', 1),
  n('litigation', '五、行政诉讼数量', '件', 0),
  n('lt_upheld', '（一）维持具体行政行为或者驳回原告诉讼请求数', '件', 1),
  n('lt_corrected', '（二）被依法纠错数', '件', 1),
  n('lt_other', '（三）其他情形数', '件', 1),
  n('complaints', '六、举报投诉数量', '件', 0),
  n('fees_wan', '七、依申请公开信息收取的费用', '万元', 0, { decimal: true }),
  h('o', '八、机构建设和保障经费情况', 0),
  n('o_bodies', '（一）政府信息公开工作专门机构数', '个', 1),
  n('o_reading_points', '（二）设置政府信息公开查阅点数', '个', 1),
  n('o_staff', '（三）从事政府信息公开工作人员数', '人', 1),
  n('o_staff_full', '1.专职人员数（不包括政府公报及政府网站工作人员数）', '人', 2),
  n('o_staff_part', '2.兼职人员数', '人', 2),
  n(
    'o_budget_wan',
    '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）',
    '万元',
    1,
    { decimal: true },
  ),
  h('m', '九、政府信息公开会议和培训情况', 0),
  n('m_meetings', '（一）召开政府信息公开工作会议或专题会议数', '次', 1),
  n('m_trainings', '（二）举办各类培训班数', '次', 1),
  n('m_trained', '（三）接受培训人员数', '人次', 1),
];

/** The title of the table. */
export const LEGACY_TITLE = '政府信息公开情况统计表';
/** Name shown for the format. */
export const LEGACY_FORMAT_NAME = '2019年以前的《政府信息公开情况统计表》';
/** Years the table may be entered for: the 2008 条例 took effect on 2008-05-01; the 2019 format replaced the table. */
export const LEGACY_FIRST_YEAR = 2008;
export const LEGACY_LAST_YEAR = 2018;

/** The rows that carry a figure. */
export const LEGACY_FIGURES: readonly LegacyRow[] = LEGACY_ROWS.filter((r) => !r.heading);

/** Figures by row key; null = left blank. */
export type LegacyValues = Record<string, number | null>;

/** Form field name of a row. */
export const legacyField = (key: string): string => `l_${key}`;

/** A figure problem, in Chinese, with its field. */
export interface LegacyError {
  code: string;
  field: string;
  message: string;
}

/** Reads one typed figure: blank → null; counts are non-negative integers, 万元 amounts up to 4 decimals. */
export function readLegacyFigure(row: LegacyRow, raw: string | number | null | undefined): number | null | 'bad' {
  if (raw === null || raw === undefined) return null;
  const t = String(raw).normalize('NFKC').replace(/[\s,]/g, '');
  if (t === '' || /^[-—–/]+$/.test(t)) return null;
  const re = row.decimal ? /^\d{1,9}(\.\d{1,4})?$/ : /^\d{1,9}$/;
  return re.test(t) ? Number(t) : 'bad';
}

/** Validates all figures (unknown keys refused); errors name the row in Chinese. */
export function parseLegacyValues(input: Record<string, string | number | null | undefined>): {
  values: LegacyValues | null;
  errors: LegacyError[];
} {
  const errors: LegacyError[] = [];
  const values: LegacyValues = {};
  const known = new Set(LEGACY_FIGURES.map((r) => r.key));
  for (const k of Object.keys(input))
    if (!known.has(k))
      errors.push({ code: 'legacy_row_unknown', field: legacyField(k), message: `统计表中没有“${k}”这一行。` });
  for (const r of LEGACY_FIGURES) {
    const v = readLegacyFigure(r, input[r.key]);
    if (v === 'bad')
      errors.push({
        code: 'legacy_figure_invalid',
        field: legacyField(r.key),
        message: `“${r.label}”应为${r.decimal ? '不小于 0 的数（单位万元，最多 4 位小数）' : '不小于 0 的整数'}。`,
      });
    else values[r.key] = v;
  }
  return errors.length ? { values: null, errors } : { values, errors };
}

/**
 * Soft checks [D] (published tables often break them, so they warn and do not block): channels add up to
 * 收到申请数, 按时 + 延期 = 办结, 复议 and 诉讼 totals = their parts, 专职 + 兼职 = 人员数.
 */
export function legacyWarnings(v: LegacyValues): LegacyError[] {
  const sums: Array<[string, string[]]> = [
    ['a_received', ['a_in_person', 'a_fax', 'a_online', 'a_letter']],
    ['a_closed', ['a_on_time', 'a_extended']],
    ['reconsideration', ['rc_upheld', 'rc_corrected', 'rc_other']],
    ['litigation', ['lt_upheld', 'lt_corrected', 'lt_other']],
    ['o_staff', ['o_staff_full', 'o_staff_part']],
  ];
  const label = (k: string): string => LEGACY_ROWS.find((r) => r.key === k)!.label;
  const out: LegacyError[] = [];
  for (const [total, parts] of sums) {
    if (v[total] === null || v[total] === undefined || parts.every((p) => v[p] === null || v[p] === undefined))
      continue;
    const s = parts.reduce((a, p) => a + (v[p] ?? 0), 0);
    if (s !== v[total])
      out.push({
        code: 'legacy_sum',
        field: legacyField(total),
        message: `“${label(total)}”为 ${v[total]}，而其分项之和为 ${s}。`,
      });
  }
  return out;
}

/**
 * The history chart's indicators (INDICATORS in indicators.rules.ts) from the 统计表, where comparable:
 * 本年新收申请 ← 三（一）收到申请数; 本年办结 ← 三（二）申请办结数; 结转下年度 — not in the table (null);
 * 行政复议 ← 四、行政复议数量; 行政诉讼 ← 五、行政诉讼数量. [D]: the old table counts 复议/诉讼 by result
 * without 尚未审结, and 收到 / 办结 without the applicant columns.
 */
export function legacyIndicators(v: LegacyValues): Array<number | null> {
  return [v.a_received ?? null, v.a_closed ?? null, null, v.reconsideration ?? null, v.litigation ?? null];
}
