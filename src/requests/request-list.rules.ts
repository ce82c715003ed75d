/**
 * The staff request list's query (search, filters, sorting), pure: read from a query string with Chinese
 * errors for what cannot be used (the list then ignores that filter), and written back for links,
 * pagination and exports. The 查询码 is never searchable (it is stored only as a hash).
 */
import type { FieldError } from '../platform/errors.js';
import { isValidIsoDate } from '../platform/dates.js';
import { REQUEST_STATES } from './request-states.rules.js';
import { isOutcomeCode } from './outcomes.rules.js';
import { CHANNELS } from './clock/clock-explain.rules.js';

/** Queues of the console list (tabs). */
export const REQUEST_QUEUES = {
  mine: '我的待办',
  due_soon: '3个工作日内到期',
  overdue: '已超期',
  waiting: '等待补正、征求意见或缴费',
  unconfirmed: '网上申请待确认',
  all: '全部',
} as const;
/** A queue key. */
export type RequestQueue = keyof typeof REQUEST_QUEUES;
export const isRequestQueue = (s: string): s is RequestQueue => Object.hasOwn(REQUEST_QUEUES, s);

/** Sort orders. */
export const REQUEST_SORTS = {
  received_desc: '收到日期（新→旧）',
  received_asc: '收到日期（旧→新）',
  due_asc: '答复期限（近→远）',
  due_desc: '答复期限（远→近）',
  no_asc: '申请编号（小→大）',
  no_desc: '申请编号（大→小）',
} as const;
/** A sort key. */
export type RequestSort = keyof typeof REQUEST_SORTS;

/** The list's query as typed (strings kept for re-display). */
export interface RequestListQuery {
  queue: RequestQueue;
  /** Words of the 申请编号, the subject, or the applicant's name (matched only where the reader may see names). */
  q: string;
  state: string;
  channel: string;
  /** '' (anyone), 'me', 'none' (unassigned) or a user id. */
  handler: string;
  /** Lead department (主办科室) org id, or ''. */
  department: string;
  outcome: string;
  receivedFrom: string;
  receivedTo: string;
  dueFrom: string;
  dueTo: string;
  /** Only cases whose answer date is provisional (a year without the official holiday arrangements). */
  provisional: boolean;
  sort: RequestSort;
}

const KEYS = [
  'q',
  'state',
  'channel',
  'handler',
  'department',
  'outcome',
  'receivedFrom',
  'receivedTo',
  'dueFrom',
  'dueTo',
] as const;

const one = (query: unknown, key: string): string => {
  if (!query || typeof query !== 'object') return '';
  const v = (query as Record<string, unknown>)[key];
  return (Array.isArray(v) ? String(v[0] ?? '') : v == null ? '' : String(v)).trim();
};

/** Reads the list query; unusable values are dropped with an error each. */
export function parseRequestListQuery(
  query: unknown,
  defaultQueue: RequestQueue = 'mine',
): { query: RequestListQuery; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const queue = one(query, 'queue');
  const sort = one(query, 'sort');
  const out: RequestListQuery = {
    queue: isRequestQueue(queue) ? queue : defaultQueue,
    q: one(query, 'q').slice(0, 100),
    state: '',
    channel: '',
    handler: '',
    department: '',
    outcome: '',
    receivedFrom: '',
    receivedTo: '',
    dueFrom: '',
    dueTo: '',
    provisional: one(query, 'provisional') === '1',
    sort: Object.hasOwn(REQUEST_SORTS, sort) ? (sort as RequestSort) : 'received_desc',
  };
  const take = (key: (typeof KEYS)[number], ok: (v: string) => boolean, message: string) => {
    const v = one(query, key);
    if (!v) return;
    if (ok(v)) out[key] = v;
    else errors.push({ code: 'filter_invalid', message, field: key });
  };
  take('state', (v) => Object.hasOwn(REQUEST_STATES, v), '所选状态不存在，已忽略。');
  take('channel', (v) => Object.hasOwn(CHANNELS, v), '所选申请渠道不存在，已忽略。');
  take('handler', (v) => v === 'me' || v === 'none' || /^\d{1,9}$/.test(v), '所选办理人不存在，已忽略。');
  take('department', (v) => /^\d{1,9}$/.test(v), '所选主办科室不存在，已忽略。');
  take('outcome', isOutcomeCode, '所选办理结果不存在，已忽略。');
  for (const [key, label] of [
    ['receivedFrom', '收到日期（起）'],
    ['receivedTo', '收到日期（止）'],
    ['dueFrom', '答复期限（起）'],
    ['dueTo', '答复期限（止）'],
  ] as const) {
    take(key, isValidIsoDate, `${label}应为“年-月-日”格式的日期，如 2026-01-05，已忽略。`);
  }
  for (const [from, to, label] of [
    ['receivedFrom', 'receivedTo', '收到日期'],
    ['dueFrom', 'dueTo', '答复期限'],
  ] as const) {
    if (out[from] && out[to] && out[from] > out[to]) {
      errors.push({ code: 'filter_range', message: `${label}的起始日期晚于截止日期，已忽略该范围。`, field: from });
      out[from] = '';
      out[to] = '';
    }
  }
  return { query: out, errors };
}

/** The query string of a list query (without the page), defaults left out; `over` replaces fields. */
export function requestListQs(q: RequestListQuery, over: Partial<RequestListQuery> = {}): string {
  const all = { ...q, ...over };
  const p = new URLSearchParams({ queue: all.queue });
  for (const k of KEYS) if (all[k]) p.set(k, all[k]);
  if (all.provisional) p.set('provisional', '1');
  if (all.sort !== 'received_desc') p.set('sort', all.sort);
  return p.toString();
}

/** True when any filter beyond the queue is set. */
export const hasFilters = (q: RequestListQuery): boolean => KEYS.some((k) => q[k] !== '') || q.provisional;
