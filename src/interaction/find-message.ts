/** Finds a message by 留言编号 + 查询码 with one generic error for every failure (no enumeration). */
import type { Db } from '../platform/db/schema.js';
import { notFound } from '../platform/errors.js';
import { queryCodeMatches } from '../requests/index.js';
import { isMessageNo } from './message-input.rules.js';
import { findMessageByNo, type MessageWithOrg } from './messages.store.js';

/** The generic lookup failure. */
export const lookupFailed = () => notFound('message_lookup_failed', '留言编号或查询码不正确，请核对后重试。');

/** The message when both the number and the code match; throws `message_lookup_failed` otherwise. */
export async function findMessageByCode(db: Db, messageNo: string, queryCode: string): Promise<MessageWithOrg> {
  const no = (messageNo ?? '').trim().toUpperCase();
  const m = isMessageNo(no) ? await findMessageByNo(db, no) : undefined;
  const ok = queryCodeMatches(queryCode ?? '', m?.query_code_hash ?? '0'.repeat(64));
  if (!m || !ok) throw lookupFailed();
  return m;
}
