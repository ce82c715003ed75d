import { sql } from 'kysely';
import type { Db } from '../db/schema.js';
import { lockChain } from '../db/dialect-sql.js';
import type { Ctx } from '../context.js';
import type { Config } from '../config.js';
import { afterCommit } from '../tx.js';
import { purposeKey } from '../secret-key.js';
import { GENESIS_HASH, KEYED_PREFIX, hashEvent, verifyChain, type ChainProblem } from './audit.rules.js';
import { appendAnchor, ensureAnchor, readAnchor } from './audit-anchor.js';

/** The advisory lock that serializes appends to the chain (PostgreSQL). */
export const AUDIT_LOCK_KEY = 7_716_001;
const HEAD_KEY = 'audit.head';

export interface AuditInput {
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  orgId?: number | null;
  /** Human-readable, in Chinese; never personal data in clear (mask it first). */
  summary: string;
}

/**
 * Appends one event to the hash-chained audit log. Call it inside the use-case's
 * transaction so the event and the change commit together.
 */
export async function writeAudit(
  trx: Db,
  ctx: Pick<Ctx, 'actor' | 'now' | 'config'>,
  input: AuditInput,
): Promise<number> {
  await lockChain(trx, AUDIT_LOCK_KEY);
  const last = await trx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const rec = {
    seq: (last?.seq ?? 0) + 1,
    at: ctx.now().toISOString(),
    actor_id: ctx.actor.userId,
    actor_label: ctx.actor.label,
    action: input.action,
    subject_type: input.subjectType,
    subject_id: input.subjectId == null ? null : String(input.subjectId),
    org_id: input.orgId ?? null,
    summary: input.summary,
    ip: ctx.actor.ip,
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const anchorFile = ctx.config.auditAnchorFile;
  ensureAnchor(anchorFile, last, KEYED_PREFIX);
  const hash = hashEvent(rec, purposeKey(ctx.config, 'audit'));
  await trx
    .insertInto('audit_events')
    .values({ ...rec, hash })
    .execute();
  // The head goes to the anchor file once the event is committed (a rolled-back event is never anchored).
  afterCommit(trx, () => appendAnchor(anchorFile, { seq: rec.seq, hash }));
  const head = JSON.stringify({ seq: rec.seq, hash });
  await trx
    .insertInto('settings')
    .values({ key: HEAD_KEY, value: head, updated_at: rec.at, updated_by: null })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: head, updated_at: rec.at }))
    .execute();
  return rec.seq;
}

/** Reads the whole chain in batches and reports every problem, against the key and the anchor file. */
export async function verifyAuditLog(
  db: Db,
  config: Pick<Config, 'secretKeyFile' | 'auditAnchorFile'>,
): Promise<{ checked: number; problems: ChainProblem[] }> {
  const headRow = await db.selectFrom('settings').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
  const head = headRow ? (JSON.parse(headRow.value) as { seq: number; hash: string }) : null;
  async function* rows() {
    let after = 0;
    for (;;) {
      const batch = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(5000)
        .execute();
      if (!batch.length) return;
      yield* batch;
      after = batch[batch.length - 1].seq;
    }
  }
  const all = [];
  for await (const r of rows()) all.push(r);
  return verifyChain(all, head, { key: purposeKey(config, 'audit'), anchor: readAnchor(config.auditAnchorFile) });
}

/** After `gongkai restore`: the anchor file records that the chain now legitimately ends at the restored head. */
export async function anchorRestoredHead(db: Db, config: Pick<Config, 'auditAnchorFile'>): Promise<void> {
  const last = await db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  // A backup from before `audit rekey` brings its unkeyed rows back: the anchor says up to where they may be.
  const legacy = await db
    .selectFrom('audit_events')
    .select('seq')
    .where('hash', 'not like', `${KEYED_PREFIX}%`)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  appendAnchor(config.auditAnchorFile, {
    restore: true,
    legacyUntil: legacy?.seq ?? 0,
    seq: last?.seq ?? 0,
    hash: last?.hash ?? GENESIS_HASH,
  });
}

/** Count of events, for metrics. */
export async function countAuditEvents(db: Db): Promise<number> {
  const r = await db
    .selectFrom('audit_events')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
