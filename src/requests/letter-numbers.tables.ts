import type { Generated } from 'kysely';

/** A letter issued on a case: its 发文字号 (unique per agency and year) and 抄送 list as sent. */
export interface RequestLetterIssuesTable {
  id: Generated<number>;
  request_id: number;
  /** The ledger event that issued the letter. */
  event_id: number;
  org_id: number;
  /** Year of the 成文日期 (the serial counts per agency and year). */
  year: number;
  serial: number | null;
  doc_no: string | null;
  /** JSON array of names, or null. */
  cc: string | null;
  created_at: string;
}

declare module '../platform/db/schema.js' {
  interface DB {
    request_letter_issues: RequestLetterIssuesTable;
  }
}
