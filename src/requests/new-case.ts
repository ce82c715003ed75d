/** Creates the request row shared by online submission and staff registration. */
import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import type { Db } from '../platform/db/schema.js';
import { nextCounter } from '../platform/tx.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { getOrg, type OrgRow } from '../orgs/index.js';
import type { ApplicationFields } from './applicant.rules.js';
import type { Channel } from './clock/clock.types.js';
import { formatRequestNo, hashQueryCode, newQueryCode } from './query-code.js';
import { insertRequest, requestByFormKey } from './requests.store.js';

/**
 * The agency asked: an enabled org that is not an internal section. Chosen in a form (`field`), any other
 * id is that field's error, so the form comes back with what was typed; named by a link, it is not found.
 */
export async function requestableOrg(db: Db, orgId: number | undefined, field?: string): Promise<OrgRow> {
  const org = orgId ? await getOrg(db, orgId) : undefined;
  if (org && !org.disabled && org.kind !== 'section') return org;
  throw field
    ? invalid('org_not_found', '请从列表中选择受理申请的行政机关。', field)
    : notFound('org_not_found', '该机关不存在，或不受理依申请公开。');
}

/** The refusal of a form sent again: the application it already is. */
export const duplicateSubmission = (requestNo: string) =>
  conflict('duplicate_submission', `该申请已经提交，申请编号 ${requestNo}。重复提交的表单没有再次登记。`);

/**
 * Inserts a new case; returns its id, 申请编号 and the one-time 查询码. A form already sent (`formKey`
 * known) is refused: the same application is never recorded twice.
 */
export async function insertCase(
  trx: Db,
  ctx: Pick<Ctx, 'now'>,
  f: ApplicationFields,
  o: { orgId: number; channel: Channel; receivedOn: string | null; state: string; formKey?: string },
): Promise<{ id: number; requestNo: string; queryCode: string }> {
  const sent = o.formKey ? await requestByFormKey(trx, o.formKey) : undefined;
  if (sent) throw duplicateSubmission(sent.request_no);
  const now = ctx.now().toISOString();
  const year = Number(today(ctx).slice(0, 4));
  const requestNo = formatRequestNo(year, await nextCounter(trx, `requests.no.${year}`));
  const queryCode = newQueryCode();
  const id = await insertRequest(trx, {
    org_id: o.orgId,
    request_no: requestNo,
    query_code_hash: hashQueryCode(queryCode),
    applicant_type: f.applicantType,
    applicant_kind: f.orgKind,
    applicant_name: f.name,
    id_type: f.idType,
    id_number: f.idNumber,
    legal_rep: f.legalRep,
    contact_name: f.contactName,
    phone: f.phone,
    email: f.email,
    address: f.address,
    postcode: f.postcode,
    info_title: f.infoTitle,
    info_ref: f.infoRef,
    info_description: f.infoDescription,
    info_form: f.form,
    delivery: f.delivery,
    channel: o.channel,
    submitted_at: now,
    received_on: o.receivedOn,
    state: o.state,
    due_on: null,
    handler_id: null,
    outcome_code: null,
    outcome_basis: null,
    answer_text: null,
    closed_on: null,
    form_key: o.formKey ?? null,
    created_at: now,
    updated_at: now,
  });
  return { id, requestNo, queryCode };
}
