/**
 * The supervision dashboard, pure: which orgs are rows, rolling counts up to them, sorting, CSV,
 * formatting. 条例第三条、第四条: the 政务公开工作主管部门 supervises the agencies of its level;
 * internal sections (内设机构) count with their agency.
 */
import type { Counts, FigureColumn } from './figure-source.js';
import type { Dashboard } from './build-dashboard.js';

/** An org as the dashboard needs it. */
export interface DashOrg {
  id: number;
  name: string;
  path: string;
  kind: string;
}

/** One dashboard row. `null` = no data (source unavailable or no base). */
export interface DashRow {
  orgId: number;
  orgName: string;
  values: Record<string, number | null>;
}

/** Orgs that get a row: everything in scope but internal sections. */
export const rowOrgs = (orgs: readonly DashOrg[]): DashOrg[] => orgs.filter((o) => o.kind !== 'section');

/** The row each org's records count towards: itself when a row, else its nearest row ancestor. */
export function rowOf(orgs: readonly DashOrg[]): Map<number, number> {
  const rows = rowOrgs(orgs);
  const byPath = new Map(rows.map((r) => [r.path, r.id]));
  const out = new Map<number, number>();
  for (const o of orgs) {
    const parts = o.path.split('/').filter(Boolean);
    for (let i = parts.length; i > 0; i--) {
      const id = byPath.get(`/${parts.slice(0, i).join('/')}/`);
      if (id !== undefined) {
        out.set(o.id, id);
        break;
      }
    }
  }
  return out;
}

/** Sums the counts of each org into its row. */
export function rollUp(counts: ReadonlyMap<number, Counts>, rowMap: ReadonlyMap<number, number>): Map<number, Counts> {
  const out = new Map<number, Counts>();
  for (const [orgId, c] of counts) {
    const row = rowMap.get(orgId);
    if (row === undefined) continue;
    const acc = out.get(row) ?? {};
    for (const [k, v] of Object.entries(c)) acc[k] = (acc[k] ?? 0) + v;
    out.set(row, acc);
  }
  return out;
}

/** Sorts rows by a column (nulls last either way), then by name. */
export function sortRows(rows: readonly DashRow[], key: string, dir: 'asc' | 'desc'): DashRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'org') return sign * a.orgName.localeCompare(b.orgName, 'zh');
    const x = a.values[key] ?? null;
    const y = b.values[key] ?? null;
    if (x === null && y === null) return a.orgName.localeCompare(b.orgName, 'zh');
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (x - y) || a.orgName.localeCompare(b.orgName, 'zh');
  });
}

/** Text of a figure: 暂无数据 when unavailable, — without a base, 85.5%, 3.2. */
export function formatFigure(
  col: Pick<FigureColumn, 'format' | 'key'>,
  v: number | null | undefined,
  available: boolean,
): string {
  if (!available) return '暂无数据';
  if (v === null || v === undefined) return '—';
  if (col.format === 'pct') return `${v}%`;
  if (col.format === 'text') return v === 1 ? '已发布' : '未发布';
  if (col.format === 'score') return v < 0 ? '不合格（单项否决）' : `${v} 分`;
  return String(v);
}

/** Header and text rows of a dashboard (the 合计 row last). */
export function dashboardTable(d: Pick<Dashboard, 'columns' | 'rows' | 'total'>): {
  header: string[];
  rows: string[][];
} {
  const header = ['单位', ...d.columns.map((c) => c.label)];
  const rows = [...d.rows, d.total].map((r) => [
    r.orgName,
    ...d.columns.map((c) => formatFigure(c, r.values[c.key], c.available)),
  ]);
  return { header, rows };
}
