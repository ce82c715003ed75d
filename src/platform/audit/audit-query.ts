import type { Db } from '../db/schema.js';

export interface AuditFilter {
  /** Subtrees the reader may see; undefined = everything (system administrators). */
  orgPaths?: string[];
  action?: string;
  actor?: string;
  subjectType?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Audit events, newest first, limited to the reader's organisations. */
export async function queryAudit(db: Db, f: AuditFilter) {
  let q = db.selectFrom('audit_events').leftJoin('orgs', 'orgs.id', 'audit_events.org_id');
  if (f.orgPaths) {
    const paths = f.orgPaths;
    if (!paths.length) return { rows: [], total: 0 };
    q = q.where((eb) => eb.or(paths.map((p) => eb('orgs.path', 'like', `${p}%`))));
  }
  if (f.action) q = q.where('audit_events.action', 'like', `${f.action}%`);
  if (f.actor) q = q.where('audit_events.actor_label', 'like', `%${f.actor}%`);
  if (f.subjectType) q = q.where('audit_events.subject_type', '=', f.subjectType);
  if (f.from) q = q.where('audit_events.at', '>=', `${f.from}T00:00:00`);
  if (f.to) q = q.where('audit_events.at', '<=', `${f.to}T23:59:59.999Z`);
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q
    .select([
      'audit_events.seq',
      'audit_events.at',
      'audit_events.actor_label',
      'audit_events.action',
      'audit_events.subject_type',
      'audit_events.subject_id',
      'audit_events.summary',
      'audit_events.ip',
      'orgs.name as org_name',
    ])
    .orderBy('audit_events.seq', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { rows, total };
}
