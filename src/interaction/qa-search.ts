/**
 * The public Q&A in the site search (docType `public_qa`): a published, answered message is a search
 * document (names never, phones and ID numbers masked, as on /hd/qa), kept in step by publishQa and
 * rebuilt by `gongkai search reindex` through the registered source.
 */
import type { Db } from '../platform/db/schema.js';
import type { Ctx } from '../platform/context.js';
import { type SearchDoc, type SearchSource, syncSearchDocument } from '../search/index.js';
import { bumpPublicVersion } from '../platform/public-version.js';
import { maskPersonalData } from './sensitive-words.rules.js';
import { getMessage, type MessageWithOrg } from './messages.store.js';

export const QA_DOC_TYPE = 'public_qa';

/** The search document of a published Q&A. */
export function qaSearchDoc(m: MessageWithOrg): SearchDoc {
  return {
    docType: QA_DOC_TYPE,
    docId: m.id,
    orgId: m.org_id,
    orgName: m.org_name,
    categoryId: null,
    categoryName: null,
    topic: null,
    genre: '公开问答',
    validity: null,
    publishedOn: m.replied_on,
    title: maskPersonalData(m.subject),
    body: `${maskPersonalData(m.content)}\n答复：${maskPersonalData(m.reply_public ?? '')}`,
    docNo: null,
    indexNo: null,
    url: `/hd/qa/${m.message_no}`,
  };
}

/** Whether the public sees this message in the Q&A (what /hd/qa lists: published, with a public reply). */
export const isPublicQa = (m: MessageWithOrg): boolean => m.published === 1 && !!m.reply_public;

/** Indexes or removes one message after a change (inside the caller's transaction); cached search pages are renewed. */
export async function syncQaIndex(db: Db, ctx: Pick<Ctx, 'now'>, messageId: number): Promise<void> {
  const m = await getMessage(db, messageId);
  await syncSearchDocument(
    db,
    QA_DOC_TYPE,
    messageId,
    m && isPublicQa(m) ? qaSearchDoc(m) : null,
    ctx.now().toISOString(),
  );
  await bumpPublicVersion(db, ctx); // search result pages are cached
}

async function* published(db: Db): AsyncIterable<SearchDoc> {
  const rows = await db.selectFrom('messages').select('id').where('published', '=', 1).orderBy('id').execute();
  for (const r of rows) {
    const m = await getMessage(db, r.id);
    if (m && isPublicQa(m)) yield qaSearchDoc(m);
  }
}

/** The Q&A as a search source (for `gongkai search reindex`). */
export const qaSearchSource: SearchSource = {
  docType: QA_DOC_TYPE,
  count: async (db) =>
    Number(
      (
        await db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('published', '=', 1)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  documents: (db) => published(db),
};
