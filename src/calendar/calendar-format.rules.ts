/**
 * Chinese wording of dates and day ranges for calendar explanations (pure).
 */
import { formatChinese, formatChineseShort, type IsoDate } from '../platform/dates.js';

/**
 * A day range in the style of the State Council notices: `10月1日`, `10月1日至8日`,
 * `1月28日至2月4日`, or with years when it crosses a year end: `2022年12月31日至2023年1月2日`.
 */
export function formatDayRange(from: IsoDate, to: IsoDate): string {
  if (from === to) return formatChineseShort(from);
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${formatChinese(from)}至${formatChinese(to)}`;
  if (from.slice(5, 7) === to.slice(5, 7)) return `${formatChineseShort(from)}至${Number(to.slice(8, 10))}日`;
  return `${formatChineseShort(from)}至${formatChineseShort(to)}`;
}

/** `9月28日、10月11日`; with years when the dates are not all in the same year. */
export function joinDates(dates: readonly IsoDate[]): string {
  const first = dates[0];
  const sameYear = first === undefined || dates.every((d) => d.slice(0, 4) === first.slice(0, 4));
  return dates.map((d) => (sameYear ? formatChineseShort(d) : formatChinese(d))).join('、');
}
