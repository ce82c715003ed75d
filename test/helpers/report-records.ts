/** Synthetic records for annual-report tests: cases, appeals and catalogue items inserted directly (no workflow). */
import type { Db } from '../../src/platform/db/schema.js';
import type { OrgRow } from '../../src/orgs/orgs.store.js';

let n = 0;
const NOW = '2026-01-05T02:00:00.000Z';

/** A case received on `received` (null: submitted online, not yet confirmed); closed on `closed` with `outcome` (or withdrawn / still open). */
export async function addCase(
  db: Db,
  org: Pick<OrgRow, 'id'>,
  r: {
    received: string | null;
    /** The submission day when not received (default: the receipt day). */
    submitted?: string;
    closed?: string;
    outcome?: string;
    state?: string;
    type?: 'citizen' | 'organization';
    kind?: string | null;
    name?: string;
  },
): Promise<number> {
  n++;
  const row = await db
    .insertInto('requests')
    .values({
      org_id: org.id,
      request_no: `YSQ-T${String(n).padStart(5, '0')}`,
      query_code_hash: `q${n}`,
      applicant_type: r.type ?? 'citizen',
      applicant_kind: r.kind ?? null,
      applicant_name: r.name ?? '张三丰',
      id_type: 'resident_id',
      id_number: '110101199001011234',
      legal_rep: null,
      contact_name: null,
      phone: '13800138000',
      email: null,
      address: null,
      postcode: null,
      info_title: '测试信息',
      info_ref: null,
      info_description: null,
      info_form: 'electronic',
      delivery: 'pickup',
      channel: 'online',
      submitted_at: `${r.submitted ?? r.received}T01:00:00.000Z`,
      received_on: r.received,
      state: r.state ?? (r.closed ? 'answered' : 'processing'),
      due_on: null,
      handler_id: null,
      outcome_code: r.outcome ?? null,
      outcome_basis: null,
      answer_text: null,
      closed_on: r.closed ?? null,
      created_at: NOW,
      updated_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An event in a case's history (`request_events`) on `on`, recorded directly; returns its id. */
export async function addCaseEvent(
  db: Db,
  requestId: number,
  type: string,
  on: string,
  payload: object,
  isPublic: 0 | 1 = 1,
): Promise<number> {
  const row = await db
    .insertInto('request_events')
    .values({
      request_id: requestId,
      type,
      event_on: on,
      payload: JSON.stringify(payload),
      public: isPublic,
      actor_id: null,
      actor_label: '测试',
      created_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An appeal about a case (行政复议 or 行政诉讼), optionally with a later result; returns the appeal event id. */
export async function addAppeal(
  db: Db,
  requestId: number,
  a: {
    kind: 'reconsideration' | 'litigation';
    filedOn: string;
    result: string;
    afterReconsideration?: boolean;
    laterResult?: string;
  },
): Promise<number> {
  const ev = (type: string, payload: object) => addCaseEvent(db, requestId, type, a.filedOn, payload, 0);
  const id = await ev('appeal', {
    kind: a.kind,
    body: '某复议机关',
    filedOn: a.filedOn,
    afterReconsideration: a.afterReconsideration === true,
    result: a.result,
    decidedOn: null,
  });
  if (a.laterResult) await ev('appeal_result', { appealId: id, result: a.laterResult, decidedOn: null });
  return id;
}

/** A published 主动公开 item, a 规章 or 行政规范性文件 when asked. */
export async function addItem(
  db: Db,
  org: OrgRow,
  i: {
    title: string;
    written?: string | null;
    published: string;
    rule?: boolean;
    normative?: boolean;
    validity?: string;
    validityOn?: string | null;
    status?: string;
  },
): Promise<number> {
  n++;
  const row = await db
    .insertInto('items')
    .values({
      org_id: org.id,
      index_no: `IDX-T-${String(n).padStart(5, '0')}`,
      title: i.title,
      summary: null,
      body_html: '<p>正文</p>',
      doc_no: null,
      doc_agency: null,
      doc_year: null,
      doc_seq: null,
      doc_no_norm: null,
      topic: null,
      genre: '通知',
      category_id: null,
      keywords: null,
      validity: i.validity ?? '有效',
      validity_on: i.validityOn ?? null,
      replaced_by_id: null,
      disclosure_mode: '主动公开',
      nondisclosure_ground: null,
      article20_item: i.rule || i.normative ? 1 : null,
      is_rule: i.rule ? 1 : 0,
      is_normative: i.normative ? 1 : 0,
      legality_required: 0,
      written_on: i.written ?? null,
      created_on: i.published,
      published_on: i.published,
      status: i.status ?? 'published',
      author_id: null,
      secrecy_reviewer: null,
      legality_reviewer: null,
      approver: null,
      withdrawn_reason: null,
      version: 1,
      created_at: NOW,
      updated_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
