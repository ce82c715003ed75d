/**
 * The narrow door through which the dashboard and the public statistics read other capabilities'
 * figures. One implementation per source (requests, catalogue, interaction, annual reports, tasks,
 * website checks), each reading through the owning capability's named read queries
 * (requests/request-figures.ts, catalog/catalog-figures.ts, interaction/interaction-figures.ts,
 * reports/report-figures.ts). A failing query fails the page (logged, the normal error page): a
 * misspelt column or a lost connection is never shown as “暂无数据”.
 */
import type { Db } from '../platform/db/schema.js';
import type { WorkCalendar } from '../calendar/index.js';

/** Additive counts of one org (summed up the tree before figures are derived). */
export type Counts = Record<string, number>;

/** One column of the dashboard. */
export interface FigureColumn {
  key: string;
  label: string;
  format: 'int' | 'pct' | 'days' | 'text' | 'score';
  /** Where the records behind the figure are listed, when such a page exists. */
  link?: (orgId: number, q: { from: string; to: string }) => string;
  /** The roles that may open `link` (any when absent): the figure is shown to others without it. */
  linkRoles?: readonly string[];
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
  /**
   * Counts per org id (the org that owns the records). Null only when the source, by design, has
   * nothing to say for the query (the column then shows “暂无数据”); errors are thrown, never null.
   */
  collect(db: Db, q: FigureQuery): Promise<Map<number, Counts> | null>;
  /** Figures from summed counts. */
  figures(c: Counts): Record<string, number | null>;
  /** Monthly counts (YYYY-MM → n) for the trend chart. */
  monthly?(db: Db, q: { paths: readonly string[]; fromMonth: string; toMonth: string }): Promise<Map<string, number>>;
  /** Label of the monthly series. */
  monthlyLabel?: string;
}

/** Adds `n` to `counts[key]` of an org in the map. */
export function bump(m: Map<number, Counts>, orgId: number, key: string, n: number): void {
  const c = m.get(orgId) ?? {};
  c[key] = (c[key] ?? 0) + n;
  m.set(orgId, c);
}

/** A share in percent with one decimal; null without a base. */
export const share = (n: number | undefined, d: number | undefined): number | null =>
  d ? Math.round(((n ?? 0) / d) * 1000) / 10 : null;
