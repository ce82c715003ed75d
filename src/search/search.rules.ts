/**
 * Rules of the search capability (issue 5; 《政府信息公开条例》第二十三条: 行政机关应当建立健全政府信息
 * 发布机制 … 便于公众检索). Pure: validation of what enters the index and of a search request.
 */
import type { Actor } from '../platform/context.js';
import type { FieldError } from '../platform/errors.js';
import { isValidIsoDate } from '../platform/dates.js';
import { rolesAllow } from '../orgs/index.js';
import type { PageRequest, SearchDoc, SearchFilters, SearchSort } from './search.types.js';

/** Roles whose use-cases publish, correct or withdraw documents and so update the index. */
export const INDEXING_ROLES = ['sysadmin', 'agency_admin', 'editor', 'approver'] as const;

/** Whether the actor may change the index (the calling capability has already checked its own policy). */
export const mayIndex = (actor: Actor): boolean => actor.kind === 'system' || rolesAllow(actor, INDEXING_ROLES);

/** Whether the actor may rebuild the whole index. */
export const mayReindex = (actor: Actor): boolean => actor.kind === 'system' || rolesAllow(actor, ['sysadmin']);

/** Problems with a document handed to the index (empty when it is fine). */
export function validateSearchDoc(doc: SearchDoc): FieldError[] {
  const errors: FieldError[] = [];
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(doc.docType ?? ''))
    errors.push({ code: 'search_doc_type_invalid', message: '文档类型无效。', field: 'docType' });
  if (doc.docId === undefined || doc.docId === null || String(doc.docId).trim() === '')
    errors.push({ code: 'search_doc_id_missing', message: '缺少文档编号。', field: 'docId' });
  if (!doc.title?.trim()) errors.push({ code: 'search_title_missing', message: '缺少标题。', field: 'title' });
  if (typeof doc.body !== 'string') errors.push({ code: 'search_body_missing', message: '缺少正文。', field: 'body' });
  if (!doc.url?.startsWith('/'))
    errors.push({ code: 'search_url_invalid', message: '链接必须是站内路径。', field: 'url' });
  if (doc.publishedOn && !isValidIsoDate(doc.publishedOn))
    errors.push({ code: 'search_date_invalid', message: '发布日期无效。', field: 'publishedOn' });
  return errors;
}

/** A search request as the portal and the API receive it. */
export interface SearchRequest {
  q: string;
  filters: SearchFilters;
  sort: SearchSort;
  page: PageRequest;
}

const int = (v: string | undefined): number | undefined => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

/** Reads query-string parameters (q, org, category, topic, genre, validity, year, from, to, sort, page). */
export function parseSearchParams(
  p: Record<string, string | undefined>,
  perPage = 20,
): { request: SearchRequest; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const filters: SearchFilters = {};
  const put = <K extends keyof SearchFilters>(k: K, v: SearchFilters[K] | undefined) => {
    if (v !== undefined && v !== '') filters[k] = v;
  };
  for (const [key, field, label] of [
    ['org', 'orgId', '机构'],
    ['category', 'categoryId', '信息分类'],
    ['year', 'year', '年份'],
  ] as const) {
    const raw = p[key]?.trim();
    if (!raw) continue;
    const n = int(raw);
    if (n === undefined)
      errors.push({ code: 'search_param_invalid', message: `筛选条件“${label}”无效：应为数字编号。`, field: key });
    else put(field, n);
  }
  put('topic', p.topic?.trim().slice(0, 50));
  put('genre', p.genre?.trim().slice(0, 50));
  put('validity', p.validity?.trim().slice(0, 20));
  for (const key of ['from', 'to'] as const) {
    const raw = p[key]?.trim();
    if (!raw) continue;
    if (!isValidIsoDate(raw))
      errors.push({
        code: 'search_date_invalid',
        message: `日期“${raw}”无效，请按 年-月-日 填写，如 2024-03-01。`,
        field: key,
      });
    else put(key, raw);
  }
  if (filters.from && filters.to && filters.from > filters.to)
    errors.push({ code: 'search_range_invalid', message: '开始日期不能晚于结束日期。', field: 'from' });
  const sort: SearchSort = p.sort === 'date' ? 'date' : 'relevance';
  const page = Math.max(1, Math.min(100, int(p.page) ?? 1));
  return { request: { q: (p.q ?? '').trim().slice(0, 200), filters, sort, page: { page, perPage } }, errors };
}
