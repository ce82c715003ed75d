import type { Generated } from 'kysely';

/** One annual report of an organisation for a year. */
export interface AnnualReportsTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  /** '2021' or '2019' (REFERENCE §2.1, §2.2). */
  format: string;
  /** draft, submitted, returned, accepted, published, archived (an earlier year entered as history). */
  status: string;
  /** computed (from the records), entered (typed in), imported (read from a file). */
  source: string;
  /** JSON of ReportTables. */
  tables_json: string;
  overview: string;
  problems: string;
  other: string;
  review_comment: string | null;
  submitted_at: string | null;
  reviewed_at: string | null;
  reviewed_by: number | null;
  published_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A pre-2019 《政府信息公开情况统计表》 of an earlier year (legacy-stats.rules.ts). */
export interface LegacyReportStatsTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  /** entered (typed in) or imported (read from a file). */
  source: string;
  /** JSON of LegacyValues: row key → figure or null. */
  values_json: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

declare module '../platform/db/schema.js' {
  interface DB {
    annual_reports: AnnualReportsTable;
    legacy_report_stats: LegacyReportStatsTable;
  }
}
