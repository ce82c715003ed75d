import type { Generated } from 'kysely';

export interface CalendarYearsTable {
  year: number;
  /** JSON of YearData. */
  data: string;
  version: number;
  /** 'official' (shipped data), 'import', 'edit'. */
  source: string;
  updated_at: string;
  updated_by: number | null;
}

export interface CalendarChangesTable {
  id: Generated<number>;
  year: number;
  version: number;
  before_data: string | null;
  after_data: string;
  summary: string;
  changed_by: string;
  changed_at: string;
}

declare module '../platform/db/schema.js' {
  interface DB {
    calendar_years: CalendarYearsTable;
    calendar_changes: CalendarChangesTable;
  }
}
