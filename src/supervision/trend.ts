/** Monthly series of every source that has them, for the 12 months ending with the period (read only). */
import type { Db } from '../platform/db/schema.js';
import { FIGURE_SOURCES } from './sources/index.js';
import { monthsEnding, trendSvg, type Series } from './trend-chart.js';

/** The trend chart SVG for the paths, 12 months up to `toDate`. */
export async function trendChart(
  db: Db,
  paths: readonly string[],
  toDate: string,
  title = '近12个月趋势',
): Promise<{ svg: string; months: string[]; series: Series[] }> {
  const months = monthsEnding(toDate.slice(0, 7));
  const series: Series[] = [];
  for (const s of FIGURE_SOURCES) {
    if (!s.monthly) continue;
    const m = await s.monthly(db, { paths, fromMonth: months[0], toMonth: months[months.length - 1] });
    series.push({ label: s.monthlyLabel ?? s.label, values: months.map((k) => m.get(k) ?? 0) });
  }
  return { svg: trendSvg(title, months, series), months, series };
}
