/** The public Q&A knowledge base (reading: no audit): names masked, personal data in text masked. */
import type { Db } from '../platform/db/schema.js';
import { maskName, maskPersonalData } from './sensitive-words.rules.js';
import { findMessageByNo, listPublishedQa, type MessageWithOrg } from './messages.store.js';

/** One published Q&A item as shown publicly. */
export interface PublicQaItem {
  messageNo: string;
  orgName: string;
  type: string;
  subject: string;
  content: string;
  askerMasked: string;
  receivedOn: string;
  reply: string;
  repliedOn: string | null;
}

const toItem = (m: MessageWithOrg): PublicQaItem => ({
  messageNo: m.message_no,
  orgName: m.org_name,
  type: m.type,
  subject: maskPersonalData(m.subject),
  content: maskPersonalData(m.content),
  askerMasked: maskName(m.name),
  receivedOn: m.received_on,
  reply: maskPersonalData(m.reply_public ?? ''),
  repliedOn: m.replied_on,
});

/** One published Q&A by its 留言编号 (the page a search hit opens), or undefined. */
export async function publicQaByNo(db: Db, messageNo: string): Promise<PublicQaItem | undefined> {
  const m = await findMessageByNo(db, messageNo.trim().toUpperCase());
  return m && m.published === 1 && m.reply_public ? toItem(m) : undefined;
}

/** Published Q&A matching `q` (subject, content or reply), newest answer first. */
export async function listPublicQa(
  db: Db,
  f: { q: string; limit: number; offset: number },
): Promise<{ items: PublicQaItem[]; total: number }> {
  const { rows, total } = await listPublishedQa(db, f);
  return { total, items: rows.map(toItem) };
}

/** 留言编号 and answer dates of every published Q&A (for the sitemap). */
export async function publishedQaPages(db: Db): Promise<Array<{ messageNo: string; repliedOn: string | null }>> {
  const rows = await db
    .selectFrom('messages')
    .select(['message_no', 'replied_on'])
    .where('published', '=', 1)
    .where('reply_public', 'is not', null)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ messageNo: r.message_no, repliedOn: r.replied_on }));
}
