import type { Generated } from 'kysely';

/** A department (科室) of the agency on a case: the lead (主办) or a co-handling one (协办). */
export interface RequestDepartmentsTable {
  id: Generated<number>;
  request_id: number;
  org_id: number;
  /** 'lead' | 'co'. */
  role: string;
  /** Internal due date of a co-handling department (`YYYY-MM-DD`). */
  internal_due_on: string | null;
  reply_text: string | null;
  reply_on: string | null;
  /** Who replied for the department (name as recorded). */
  reply_by: string | null;
  /** The user who recorded the reply. */
  recorded_by: number | null;
  created_at: string;
  updated_at: string;
}

/** An agency's own answer-letter template for one outcome code (table 三 leaf row). */
export interface RequestLetterTemplatesTable {
  id: Generated<number>;
  org_id: number;
  outcome_code: string;
  title: string;
  body: string;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

declare module '../platform/db/schema.js' {
  interface DB {
    request_departments: RequestDepartmentsTable;
    request_letter_templates: RequestLetterTemplatesTable;
  }
}
