/**
 * Shapes of the statutory calendar data (one record per year's State Council arrangement).
 */
import type { IsoDate } from '../platform/dates.js';

/** A State Council notice that fixes (part of) a year's arrangement. */
export interface NoticeRef {
  /** Full title, e.g. 《国务院办公厅关于2025年部分节假日安排的通知》. */
  title: string;
  /** 发文字号 when known, e.g. `国办发明电〔2024〕12号`. */
  number?: string;
  /** Date of issue (成文日期) when known. */
  issuedOn?: IsoDate;
  /** Where the text was published (gov.cn). */
  url?: string;
}

/** One holiday arrangement: the days off (放假) and its make-up working days (调休上班). */
export interface HolidayArrangement {
  /** 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节, or a combined name such as `国庆节、中秋节`. */
  name: string;
  /** Every day off of this arrangement (weekends inside the break included), sorted, no duplicates. */
  offDays: IsoDate[];
  /** Weekend days declared working days for this arrangement, sorted. */
  makeupWorkdays: IsoDate[];
}

/** A deliberate difference between our data and the `chinese-days` package, checked by a test. */
export interface DataExplanation {
  date: IsoDate;
  /** Whether the date is a working day in our data. */
  working: boolean;
  reason: string;
}

/**
 * A year's official arrangement, keyed by the *notice* year: the 2023 元旦 break that starts on
 * 2022-12-31 belongs to `year: 2023`. The calendar indexes every day by its own date, so a lookup of
 * 2022-12-31 finds it.
 */
export interface YearData {
  year: number;
  holidays: HolidayArrangement[];
  notices: NoticeRef[];
  /** Intentional differences from the `chinese-days` package (empty when there are none). */
  explanations: DataExplanation[];
  /**
   * True for a year whose notice is not yet published: derived from the law alone
   * (provisional-year.rules.ts), never stored, replaced when the notice is imported.
   */
  provisional?: boolean;
}

/** Result of an import: the complete years found, and remarks (Chinese) about what was left aside. */
export interface CalendarImportResult {
  years: YearData[];
  notes: string[];
}
