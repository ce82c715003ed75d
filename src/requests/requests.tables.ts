import type { Generated, GeneratedAlways } from 'kysely';
import type { Bool } from '../platform/db/schema.js';

/** One application (依申请公开). Dates the law counts are `YYYY-MM-DD`; instants ISO-8601 UTC. */
export interface RequestsTable {
  id: Generated<number>;
  org_id: number;
  request_no: string;
  query_code_hash: string;
  applicant_type: string;
  applicant_kind: string | null;
  applicant_name: string;
  id_type: string;
  id_number: string;
  legal_rep: string | null;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  postcode: string | null;
  info_title: string | null;
  info_ref: string | null;
  info_description: string | null;
  info_form: string;
  delivery: string;
  channel: string;
  submitted_at: string;
  received_on: string | null;
  state: string;
  due_on: string | null;
  handler_id: number | null;
  outcome_code: string | null;
  outcome_basis: string | null;
  answer_text: string | null;
  closed_on: string | null;
  created_at: string;
  updated_at: string;
  /** The form page it was sent from (migration 202612072300): one application per form sent. */
  form_key: string | null;
  /** `type|kind|state|outcome`, computed by the database (migration 202612061300): what the year's tally groups on. */
  tally_key: GeneratedAlways<string>;
}

/** The request's ledger: clock events and public history. */
export interface RequestEventsTable {
  id: Generated<number>;
  request_id: number;
  type: string;
  event_on: string;
  /** JSON object. */
  payload: string;
  public: Bool;
  actor_id: number | null;
  actor_label: string;
  created_at: string;
}

/** An identity proof (身份证明) of a request: metadata here, the bytes in the blob store (`requests/` area). */
export interface RequestIdProofsTable {
  id: Generated<number>;
  request_id: number;
  sha256: string;
  filename: string;
  mime: string;
  size: number;
  created_at: string;
  created_by: number | null;
}

/**
 * Table 三's counts, kept by triggers on `requests` (migration 202612062000): `n` cases of an org with a
 * `tally_key`, received and closed in those years (null: not received / still open). Rows are only added
 * (+1, -1 per change) and summed by `compactTallyCounts`; a group's count is the sum of its rows.
 */
export interface RequestTallyCountsTable {
  id: Generated<number>;
  org_id: number;
  tally_key: string;
  received_year: number | null;
  closed_year: number | null;
  n: number;
}

/**
 * 信息处理费 paid, one row per `fee_paid` event, kept by triggers (migration 202612062100): the case's org
 * (moved with the case), the payment's year and the amount of the case's latest fee notice before it.
 */
export interface RequestFeesPaidTable {
  event_id: number;
  request_id: number;
  org_id: number;
  paid_year: number;
  amount: number | string | null;
}

declare module '../platform/db/schema.js' {
  interface DB {
    requests: RequestsTable;
    request_tally_counts: RequestTallyCountsTable;
    request_fees_paid: RequestFeesPaidTable;
    request_events: RequestEventsTable;
    request_id_proofs: RequestIdProofsTable;
  }
}
