/**
 * Website checks on Gongkai's own public site, per agency, pure. 国办秘函〔2019〕19号 (REFERENCE §4):
 * 单项否决 — 首页 not updated for 2 weeks; 动态/要闻 columns not updated for 2 weeks and 通知公告/政策文件
 * columns not updated for 6 months, ≥ 5 such columns; ≥ 10 long-unupdated columns; ≥ 5 empty columns;
 * no valid consultation channel, or a valid message unanswered for more than 3 months within the year.
 * Any veto → 不合格 and nothing else is scored; otherwise 100 minus deductions, below 60 → 不合格.
 * Deduction amounts are marked [R] in the reference, so they are settings (a table) with defaults.
 */
import { addDays } from '../platform/dates.js';

/** How a catalogue category counts for the check (set per category). */
export type ColumnKind = 'news' | 'notice' | 'other';

/** What the check knows about one column (栏目 = catalogue category) on the check day. */
export interface ColumnFacts {
  id: number;
  name: string;
  kind: ColumnKind;
  /** Latest publication date of a dated item; items without a date count as not updated (2015 普查 note). */
  lastUpdated: string | null;
  items: number;
  undatedItems: number;
}

/** Facts of one agency's site on the check day. */
export interface SiteFacts {
  today: string;
  homeLastUpdated: string | null;
  columns: readonly ColumnFacts[];
  /** Null when the site has no message capability to look at (not assessed). */
  hasMessageChannel: boolean | null;
  /** Valid messages received within the year before the check left unanswered for more than 3 months. */
  messagesOver3Months: number;
  brokenLinksHome: number;
  brokenLinksOther: number;
}

/** Thresholds (19号, V2 numbers) and the deduction table (settings; defaults from the self-check samples). */
export interface CheckSettings {
  newsDays: number;
  noticeMonths: number;
  longUnupdatedMonths: number;
  vetoStaleColumns: number;
  vetoLongUnupdated: number;
  vetoEmptyColumns: number;
  homeDays: number;
  /** Points per finding and the cap of each indicator. */
  deductions: Readonly<Record<DeductionKey, { points: number; cap: number }>>;
  /** External links are checked only when enabled (timeout in ms, at most `perHost` links per host). */
  externalLinks: { enabled: boolean; timeoutMs: number; perHost: number };
}

export type DeductionKey =
  | 'stale_news_column'
  | 'stale_notice_column'
  | 'empty_column'
  | 'undated_item'
  | 'broken_link_home'
  | 'broken_link_other';

/** Default settings: thresholds from REFERENCE §4.2; deductions §4.3 (indicative, [V2]/[R]). */
export const DEFAULT_CHECK_SETTINGS: CheckSettings = {
  newsDays: 14,
  noticeMonths: 6,
  longUnupdatedMonths: 6,
  vetoStaleColumns: 5,
  vetoLongUnupdated: 10,
  vetoEmptyColumns: 5,
  homeDays: 14,
  deductions: {
    stale_news_column: { points: 2, cap: 10 },
    stale_notice_column: { points: 5, cap: 15 },
    empty_column: { points: 2, cap: 10 },
    undated_item: { points: 0.1, cap: 5 },
    broken_link_home: { points: 1, cap: 5 },
    broken_link_other: { points: 0.1, cap: 5 },
  },
  externalLinks: { enabled: false, timeoutMs: 5000, perHost: 5 },
};

/** A veto or a deduction, in Chinese. */
export interface Finding {
  code: string;
  text: string;
  veto: boolean;
  points: number;
}

/** The result of a check. */
export interface CheckResult {
  findings: Finding[];
  veto: boolean;
  score: number | null;
  verdict: '合格' | '不合格';
}

/** `date` minus `n` calendar months, clamped (2026-08-31 − 6 → 2026-02-28). */
export function minusMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const idx = y * 12 + (m - 1) - n;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const notSince = (last: string | null, since: string): boolean => last === null || last < since;

/** Runs every rule on the facts. */
export function checkSite(f: SiteFacts, s: CheckSettings = DEFAULT_CHECK_SETTINGS): CheckResult {
  const findings: Finding[] = [];
  const newsSince = addDays(f.today, -s.newsDays);
  const noticeSince = minusMonths(f.today, s.noticeMonths);
  const longSince = minusMonths(f.today, s.longUnupdatedMonths);
  const staleNews = f.columns.filter((c) => c.kind === 'news' && notSince(c.lastUpdated, newsSince));
  const staleNotice = f.columns.filter((c) => c.kind === 'notice' && notSince(c.lastUpdated, noticeSince));
  const longStale = f.columns.filter((c) => c.items > 0 && notSince(c.lastUpdated, longSince));
  const empty = f.columns.filter((c) => c.items === 0);
  const names = (cs: readonly ColumnFacts[]) => cs.map((c) => `“${c.name}”`).join('、');

  if (notSince(f.homeLastUpdated, addDays(f.today, -s.homeDays)))
    findings.push({ code: 'home_not_updated', text: `首页 ${s.homeDays} 天内无信息更新。`, veto: true, points: 0 });
  if (staleNews.length + staleNotice.length >= s.vetoStaleColumns) {
    findings.push({
      code: 'columns_not_updated',
      text: `动态、要闻类栏目 2 周内或通知公告、政策文件类栏目 6 个月内未更新的共 ${staleNews.length + staleNotice.length} 个（≥ ${s.vetoStaleColumns} 个）：${names([...staleNews, ...staleNotice])}。`,
      veto: true,
      points: 0,
    });
  }
  if (longStale.length >= s.vetoLongUnupdated)
    findings.push({
      code: 'long_unupdated',
      text: `长期未更新栏目 ${longStale.length} 个（≥ ${s.vetoLongUnupdated} 个）。`,
      veto: true,
      points: 0,
    });
  if (empty.length >= s.vetoEmptyColumns)
    findings.push({
      code: 'empty_columns',
      text: `空白栏目 ${empty.length} 个（≥ ${s.vetoEmptyColumns} 个）：${names(empty)}。`,
      veto: true,
      points: 0,
    });
  if (f.hasMessageChannel === false)
    findings.push({ code: 'no_message_channel', text: '未提供网上有效咨询建言渠道。', veto: true, points: 0 });
  if (f.messagesOver3Months > 0)
    findings.push({
      code: 'messages_unanswered',
      text: `近 1 年内有 ${f.messagesOver3Months} 条有效留言超过 3 个月未回应。`,
      veto: true,
      points: 0,
    });

  const deduct = (key: DeductionKey, n: number, text: string) => {
    if (!n) return;
    const d = s.deductions[key];
    findings.push({ code: key, text, veto: false, points: Math.round(Math.min(d.cap, n * d.points) * 10) / 10 });
  };
  deduct(
    'stale_news_column',
    staleNews.length,
    `动态、要闻类栏目 2 周内未更新 ${staleNews.length} 个${staleNews.length ? `：${names(staleNews)}` : ''}。`,
  );
  deduct(
    'stale_notice_column',
    staleNotice.length,
    `通知公告、政策文件类栏目 6 个月内未更新 ${staleNotice.length} 个${staleNotice.length ? `：${names(staleNotice)}` : ''}。`,
  );
  deduct('empty_column', empty.length, `空白栏目 ${empty.length} 个。`);
  const undated = f.columns.reduce((a, c) => a + c.undatedItems, 0);
  deduct('undated_item', undated, `${undated} 条信息未注明发布时间（视为不更新）。`);
  deduct('broken_link_home', f.brokenLinksHome, `首页不可用链接 ${f.brokenLinksHome} 个。`);
  deduct('broken_link_other', f.brokenLinksOther, `其他页面不可用链接 ${f.brokenLinksOther} 个。`);

  const veto = findings.some((x) => x.veto);
  if (veto) return { findings, veto, score: null, verdict: '不合格' };
  const score = Math.round((100 - findings.reduce((a, x) => a + x.points, 0)) * 10) / 10;
  return { findings, veto, score, verdict: score < 60 ? '不合格' : '合格' };
}

/** What changed since the previous check: findings that appeared and those resolved (by code). */
export function diffChecks(prev: CheckResult | null, cur: CheckResult): { added: Finding[]; resolved: Finding[] } {
  if (!prev) return { added: cur.findings, resolved: [] };
  const had = new Set(prev.findings.map((f) => f.code));
  const has = new Set(cur.findings.map((f) => f.code));
  return {
    added: cur.findings.filter((f) => !had.has(f.code)),
    resolved: prev.findings.filter((f) => !has.has(f.code)),
  };
}
