/** Finds a case by 申请编号 + 查询码 with one generic error for every failure (no enumeration). */
import type { Db } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import { isRequestNo, queryCodeMatches } from './query-code.js';
import { findRequestByNo, type RequestWithOrg } from './requests.store.js';

/** The generic lookup failure: says nothing about which part was wrong. */
export const lookupFailed = () => notFound('request_lookup_failed', '申请编号或查询码不正确，请核对后重试。');

/** The case when both the number and the code match; throws `request_lookup_failed` otherwise. */
export async function findByCode(db: Db, requestNo: string, queryCode: string): Promise<RequestWithOrg> {
  const no = (requestNo ?? '').trim().toUpperCase();
  const r = isRequestNo(no) ? await findRequestByNo(db, no) : undefined;
  // Compare against a dummy hash when the number is unknown, so both paths cost the same.
  const ok = queryCodeMatches(queryCode ?? '', r?.query_code_hash ?? '0'.repeat(64));
  if (!r || !ok) throw lookupFailed();
  return r;
}
