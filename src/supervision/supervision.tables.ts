import type { Generated } from 'kysely';
import type { Bool } from '../platform/db/schema.js';

/** One task of the year's work plan (任务分解表), set by the supervising office for an agency. */
export interface SupervisionTasksTable {
  id: Generated<number>;
  /** The supervisor's jurisdiction (the org the plan belongs to). */
  org_id: number;
  year: number;
  /** Serial within (org_id, year), shown as 序号. */
  seq: number;
  category: string;
  content: string;
  responsible_org_id: number;
  department_org_id: number | null;
  /** YYYY-MM-DD. */
  deadline: string;
  evidence_required: string;
  /** open / reported / returned / accepted. */
  state: string;
  accepted_on: string | null;
  created_at: string;
  updated_at: string;
}

/** A progress report by the responsible agency, reviewed by the supervisor. */
export interface SupervisionTaskReportsTable {
  id: Generated<number>;
  task_id: number;
  progress: string;
  /** Evidence links, one per line. */
  links: string;
  /** submitted / accepted / returned. */
  state: string;
  review_comment: string | null;
  reported_by: number | null;
  reported_by_label: string;
  reviewed_by_label: string | null;
  created_at: string;
  reviewed_at: string | null;
}

/** Which daily alerts a user receives. */
export interface SupervisionAlertPrefsTable {
  user_id: number;
  /** JSON array of alert kinds. */
  kinds: string;
  email: Bool;
  updated_at: string;
}

declare module '../platform/db/schema.js' {
  interface DB {
    supervision_tasks: SupervisionTasksTable;
    supervision_task_reports: SupervisionTaskReportsTable;
    supervision_alert_prefs: SupervisionAlertPrefsTable;
  }
}
