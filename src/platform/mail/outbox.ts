/** Read query of the outbox page: what was (or would have been) emailed. */
import type { Db } from '../db/schema.js';
import './mail.tables.js';

export interface OutboxLine {
  id: number;
  to_addr: string;
  subject: string;
  status: string;
  created_at: string;
  sent_at: string | null;
  last_error: string | null;
  org_name: string | null;
}

/** One page of the outbox, newest first: all mail (`orgPaths` null), or the mail of the orgs under `orgPaths`. */
export async function outboxPage(
  db: Db,
  f: { orgPaths: string[] | null; limit: number; offset: number },
): Promise<{ rows: OutboxLine[]; total: number }> {
  if (f.orgPaths && !f.orgPaths.length) return { rows: [], total: 0 };
  let q = db.selectFrom('outbox').leftJoin('orgs', 'orgs.id', 'outbox.org_id');
  const paths = f.orgPaths;
  if (paths) q = q.where((eb) => eb.or(paths.map((p) => eb('orgs.path', 'like', `${p}%`))));
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .select([
      'outbox.id',
      'outbox.to_addr',
      'outbox.subject',
      'outbox.status',
      'outbox.created_at',
      'outbox.sent_at',
      'outbox.last_error',
      'orgs.name as org_name',
    ])
    .orderBy('outbox.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total };
}
