/**
 * The narrow door through which the dashboard and the public statistics read other capabilities'
 * figures. One implementation per source (requests, catalogue, interaction, annual reports, tasks),
 * each guarded: when the source's tables are not there, `collect` returns null and the page shows
 * “暂无数据” instead of failing.
 */
import type { Db } from '../platform/db/schema.js';
import type { WorkCalendar } from '../calendar/calendar.rules.js';

/** Additive counts of one org (summed up the tree before figures are derived). */
export type Counts = Record<string, number>;

/** One column of the dashboard. */
export interface FigureColumn {
  key: string;
  label: string;
  format: 'int' | 'pct' | 'days' | 'text' | 'score';
  /** Where the records behind the figure are listed, when such a page exists. */
  link?: (orgId: number, q: { from: string; to: string }) => string;
  /** Shown on the public statistics page (aggregates only). */
  public?: boolean;
}

/** What a source is asked for. */
export interface FigureQuery {
  /** Subtrees to count in (materialised paths). */
  paths: readonly string[];
  from: string;
  to: string;
  today: string;
  cal: WorkCalendar;
}

/** A source of per-agency figures. */
export interface FigureSource {
  key: string;
  label: string;
  columns: readonly FigureColumn[];
  /** Counts per org id (the org that owns the records), or null when the source is unavailable. */
  collect(db: Db, q: FigureQuery): Promise<Map<number, Counts> | null>;
  /** Figures from summed counts. */
  figures(c: Counts): Record<string, number | null>;
  /** Monthly counts (YYYY-MM → n) for the trend chart, or null when unavailable. */
  monthly?(db: Db, q: { paths: readonly string[]; fromMonth: string; toMonth: string }): Promise<Map<string, number> | null>;
  /** Label of the monthly series. */
  monthlyLabel?: string;
}

/** Runs a query and turns any error (a missing table, a missing column) into null. */
export async function guarded<T>(fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch {
    return null;
  }
}

/** Adds `n` to `counts[key]` of an org in the map. */
export function bump(m: Map<number, Counts>, orgId: number, key: string, n: number): void {
  const c = m.get(orgId) ?? {};
  c[key] = (c[key] ?? 0) + n;
  m.set(orgId, c);
}

/** A share in percent with one decimal; null without a base. */
export const share = (n: number | undefined, d: number | undefined): number | null => (d ? Math.round(((n ?? 0) / d) * 1000) / 10 : null);
