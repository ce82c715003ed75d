/**
 * Validation of an item's fields (条例第十二条: 目录 = 索引、名称、内容概述、生成日期; REFERENCE §5.2–5.5).
 * 成文日期, 生成日期 and 发布日期 are kept apart; a 成文日期 after the 发布日期 is refused.
 */
import { createRequire } from 'node:module';
import type SanitizeHtml from 'sanitize-html';
import type { FieldError } from '../platform/errors.js';
import { isValidIsoDate } from '../platform/dates.js';
import {
  DISCLOSURE_MODES,
  GENRES,
  NONDISCLOSURE_GROUNDS,
  VALIDITIES,
  ARTICLE20_ITEMS,
} from './catalog-labels.rules.js';
import { parseDocNumber } from './doc-number.rules.js';
import { isPlausibleIndexNo } from './index-number.rules.js';

/** What an editor enters. Empty strings mean “not given”. */
export interface ItemInput {
  title: string;
  summary?: string;
  bodyHtml: string;
  docNo?: string;
  topic?: string;
  genre: string;
  categoryId?: number | null;
  keywords?: string;
  disclosureMode: string;
  nondisclosureGround?: string;
  article20Item?: number | null;
  isRule?: boolean;
  isNormative?: boolean;
  legalityRequired?: boolean;
  writtenOn?: string;
  createdOn: string;
  /** An imported item keeps its own 索引号. */
  indexNo?: string;
}

/** Validated, normalized columns. */
export interface ItemFields {
  title: string;
  summary: string | null;
  body_html: string;
  doc_no: string | null;
  doc_agency: string | null;
  doc_year: number | null;
  doc_seq: number | null;
  doc_no_norm: string | null;
  topic: string | null;
  genre: string;
  category_id: number | null;
  keywords: string | null;
  disclosure_mode: string;
  nondisclosure_ground: string | null;
  article20_item: number | null;
  is_rule: number;
  is_normative: number;
  legality_required: number;
  written_on: string | null;
  created_on: string;
}

// sanitize-html (with postcss) is CommonJS and costs ~0.3 s to load: required when a body is first saved.
let sanitizer: typeof SanitizeHtml | undefined;
const loadSanitizer = (): typeof SanitizeHtml =>
  (sanitizer ??= createRequire(import.meta.url)('sanitize-html') as typeof SanitizeHtml);

/** Tags and attributes kept in a body (everything else, scripts and event handlers included, is removed). */
export function sanitizeBody(html: string): string {
  return loadSanitizer()(html, {
    allowedTags: [
      'p',
      'br',
      'strong',
      'b',
      'em',
      'i',
      'u',
      'h2',
      'h3',
      'h4',
      'ul',
      'ol',
      'li',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
      'a',
      'blockquote',
      'span',
      'div',
      'sup',
      'sub',
      'img',
    ],
    allowedAttributes: {
      a: ['href', 'title'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      img: ['src', 'alt'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['https', 'data'] },
  }).trim();
}

const text = (s: string | undefined): string | null => {
  const t = (s ?? '').trim();
  return t ? t : null;
};

/** The 文号 error message. */
export const docNoMessage = (raw: string): string =>
  `发文字号“${raw}”无法识别。应为“机关代字〔年份〕序号号”（如 示政发〔2026〕5号）或“××令第N号”。`;

/**
 * Plausible dates of a catalogue item (成文、生成、发布日期): not before the founding of the People's Republic
 * and not in the next century. 1900-01-01 or 9999-12-31 are typing errors, not dates.
 */
export const ITEM_DATE_RANGE = { min: '1949-10-01', max: '2099-12-31' } as const;
const plausible = (d: string) => d >= ITEM_DATE_RANGE.min && d <= ITEM_DATE_RANGE.max;
const rangeText = `应在 ${ITEM_DATE_RANGE.min} 至 ${ITEM_DATE_RANGE.max} 之间`;

/**
 * Validates an item; returns the columns or the field errors (in Chinese). `today` (Beijing): a document is
 * written and made before anyone records it, so 成文日期 and 生成日期 are never later (a 生成日期 in 2099
 * would also start a 2099 索引号 series).
 */
export function validateItem(input: ItemInput, today: string): { fields: ItemFields | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const err = (code: string, message: string, field: string) => errors.push({ code, message, field });
  const title = (input.title ?? '').trim();
  if (!title) err('item_title_required', '请填写名称。', 'title');
  else if (title.length > 300) err('item_title_too_long', '名称不能超过 300 个字。', 'title');
  const body = sanitizeBody(input.bodyHtml ?? '');
  if (!body) err('item_body_required', '请填写正文。', 'bodyHtml');

  const docRaw = text(input.docNo);
  const doc = docRaw ? parseDocNumber(docRaw) : null;
  if (docRaw && !doc) err('doc_no_unparseable', docNoMessage(docRaw), 'docNo');

  if (!GENRES.includes(input.genre)) err('item_genre_invalid', '请选择体裁（公文种类）。', 'genre');
  if (!DISCLOSURE_MODES.includes(input.disclosureMode)) err('item_mode_invalid', '请选择公开方式。', 'disclosureMode');
  const ground = text(input.nondisclosureGround);
  if (input.disclosureMode === '不予公开' && !NONDISCLOSURE_GROUNDS.some(([k]) => k === ground)) {
    err('item_ground_required', '不予公开的信息须选择依据（条例第十四条至第十六条）。', 'nondisclosureGround');
  }
  const a20 = input.article20Item ?? null;
  if (a20 != null && !(Number.isInteger(a20) && a20 >= 1 && a20 <= ARTICLE20_ITEMS.length))
    err('item_article20_invalid', '第二十条事项应为（一）至（十五）之一。', 'article20Item');

  const writtenOn = text(input.writtenOn);
  if (writtenOn && !isValidIsoDate(writtenOn))
    err('item_written_on_invalid', '成文日期无效，应为“年-月-日”，例如 2026-11-20。', 'writtenOn');
  else if (writtenOn && !plausible(writtenOn))
    err('item_written_on_out_of_range', `成文日期${rangeText}。`, 'writtenOn');
  else if (writtenOn && writtenOn > today)
    err('item_written_on_future', `成文日期 ${writtenOn} 晚于今天（${today}）。`, 'writtenOn');
  const createdOn = text(input.createdOn);
  if (!createdOn) err('item_created_on_required', '请填写生成日期。', 'createdOn');
  else if (!isValidIsoDate(createdOn))
    err('item_created_on_invalid', '生成日期无效，应为“年-月-日”，例如 2026-11-20。', 'createdOn');
  else if (!plausible(createdOn)) err('item_created_on_out_of_range', `生成日期${rangeText}。`, 'createdOn');
  else if (createdOn > today)
    err('item_created_on_future', `生成日期 ${createdOn} 晚于今天（${today}）。`, 'createdOn');

  const indexNo = text(input.indexNo);
  if (indexNo && !isPlausibleIndexNo(indexNo))
    err(
      'index_no_invalid',
      `索引号“${indexNo}”格式不正确，应为“前段码/年份-流水号”，例如 000014349/2026-00001。`,
      'indexNo',
    );

  if (errors.length) return { fields: null, errors };
  return {
    fields: {
      title,
      summary: text(input.summary),
      body_html: body,
      doc_no: docRaw,
      doc_agency: doc?.agency ?? null,
      doc_year: doc?.year ?? null,
      doc_seq: doc?.seq ?? null,
      doc_no_norm: doc?.normalized ?? null,
      topic: text(input.topic),
      genre: input.genre,
      category_id: input.categoryId ?? null,
      keywords: text(input.keywords),
      disclosure_mode: input.disclosureMode,
      nondisclosure_ground: input.disclosureMode === '不予公开' ? ground : null,
      article20_item: a20,
      is_rule: input.isRule ? 1 : 0,
      is_normative: input.isNormative ? 1 : 0,
      legality_required: input.legalityRequired ? 1 : 0,
      written_on: writtenOn,
      created_on: createdOn as string,
    },
    errors,
  };
}

/** 成文日期 must not be after the 发布日期. */
export function checkPublicationDate(writtenOn: string | null, publishOn: string): FieldError[] {
  if (!isValidIsoDate(publishOn))
    return [{ code: 'item_publish_on_invalid', message: '发布日期无效，应为“年-月-日”。', field: 'publishOn' }];
  if (!plausible(publishOn))
    return [{ code: 'item_publish_on_out_of_range', message: `发布日期${rangeText}。`, field: 'publishOn' }];
  if (writtenOn && writtenOn > publishOn) {
    return [
      {
        code: 'item_written_after_published',
        message: `成文日期（${writtenOn}）不能晚于发布日期（${publishOn}）。`,
        field: 'publishOn',
      },
    ];
  }
  return [];
}

/** Validates a 有效性 change. */
export function validateValidity(validity: string, validityOn: string | null): FieldError[] {
  const errors: FieldError[] = [];
  if (!VALIDITIES.includes(validity))
    errors.push({
      code: 'item_validity_invalid',
      message: '请选择有效性：有效、失效、废止或已修订。',
      field: 'validity',
    });
  if (validityOn && !isValidIsoDate(validityOn))
    errors.push({
      code: 'item_validity_on_invalid',
      message: '有效性变更日期无效，应为“年-月-日”。',
      field: 'validityOn',
    });
  return errors;
}
