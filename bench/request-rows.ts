/** Synthetic request rows for the report benchmarks (inserted directly, no personal data). */
import type { Insertable } from 'kysely';
import type { RequestsTable } from '../src/requests/requests.tables.js';
import { OUTCOMES } from '../src/requests/outcomes.rules.js';

/** Case `i` received (and, unless open, answered) on `day`, with one of the 21 outcomes in turn. */
export function benchRequestRow(o: {
  orgId: number;
  i: number;
  day: string;
  open: boolean;
  kind: string | null;
  now: string;
}): Insertable<RequestsTable> {
  const { i, day, open, kind } = o;
  return {
    org_id: o.orgId,
    request_no: `YSQ-${day.slice(0, 4)}-${String(i).padStart(7, '0')}`,
    query_code_hash: `h${i}`,
    applicant_type: kind || i % 3 ? 'citizen' : 'organization',
    applicant_kind: kind,
    applicant_name: '（测试）',
    id_type: 'resident_id',
    id_number: '',
    legal_rep: null,
    contact_name: null,
    phone: null,
    email: null,
    address: null,
    postcode: null,
    info_title: '测试',
    info_ref: null,
    info_description: null,
    info_form: 'electronic',
    delivery: 'pickup',
    channel: 'in_person',
    submitted_at: `${day}T02:00:00Z`,
    received_on: day,
    state: open ? 'processing' : 'answered',
    due_on: null,
    handler_id: null,
    outcome_code: open ? null : OUTCOMES[i % OUTCOMES.length].code,
    outcome_basis: null,
    answer_text: null,
    closed_on: open ? null : day,
    created_at: o.now,
    updated_at: o.now,
  };
}
