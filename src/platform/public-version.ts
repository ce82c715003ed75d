import { randomUUID } from 'node:crypto';
import type { Db } from './db/schema.js';
import type { Ctx } from './context.js';
import { elapsedMs } from './clock.js';
import { reusableQuery } from './db/reusable-query.js';
import { dialectOf } from './db/dialect-sql.js';
import { sql } from 'kysely';

const KEY = 'public.changed_at';
const STAMP_KEY = 'public.stamp';
/** PostgreSQL's channel for new stamps (public-version-watch.ts keeps each node's copy). */
export const PUBLIC_CHANNEL = 'gongkai_public';

/**
 * Stamps this process wrote lately on PostgreSQL (stamp → when, elapsedMs): until one has come back through
 * a watcher's listener, that watcher reads the stamp from the database, so this node never serves a page
 * older than a change it has just committed (public-version-watch.ts).
 */
export const pendingStamps = new Map<string, number>();
/** How long a stamp written here is awaited before it is forgotten (its transaction rolled back, or another database). */
export const PENDING_MS = 10_000;

/** Calls of bumpPublicVersion in this process (its own writes: SQLite's data_version does not show them). */
let bumpsHere = 0;
export const publicBumpsHere = (): number => bumpsHere;

/** Notes a stamp as pending, forgetting those past PENDING_MS (a process without a watcher keeps only these). */
function rememberPending(stamp: string): void {
  const now = elapsedMs();
  for (const [old, at] of pendingStamps) {
    if (now - at <= PENDING_MS) break; // insertion order: the rest are newer
    pendingStamps.delete(old);
  }
  pendingStamps.set(stamp, now);
}

/**
 * Records that public content changed (an item published, corrected or withdrawn):
 * public pages then report a new Last-Modified. Call inside the use-case's transaction.
 */
export async function bumpPublicVersion(trx: Db, ctx: Pick<Ctx, 'now'>): Promise<void> {
  const at = ctx.now().toISOString();
  // The time for Last-Modified; a fresh random stamp for the page cache (two changes in one millisecond,
  // or under a frozen clock, must still differ).
  const stamp = randomUUID();
  bumpsHere++;
  if (dialectOf(trx) === 'postgres') {
    rememberPending(stamp);
    // Delivered to every node's listener when the transaction commits (never if it rolls back).
    await sql`select pg_notify(${PUBLIC_CHANNEL}, ${stamp})`.execute(trx);
  }
  for (const [key, value] of [
    [KEY, at],
    [STAMP_KEY, stamp],
  ] as const)
    await trx
      .insertInto('settings')
      .values({ key, value, updated_at: at, updated_by: null })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
      .execute();
}

/** A cached reader of the last public change (refreshed at most every 5 s). */
export function publicVersionReader(db: Db): () => Date | null {
  let value: Date | null = null;
  let at = 0;
  let loading = false;
  const load = async () => {
    loading = true;
    try {
      const r = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
      value = r ? new Date(r.value) : null;
      at = elapsedMs();
    } finally {
      loading = false;
    }
  };
  void load().catch(() => undefined);
  return () => {
    if (!loading && elapsedMs() - at > 5000) void load().catch(() => undefined);
    return value;
  };
}

/** The stamp of the last public change as stored ('' before any), read now (public-version-watch.ts reads it when it cannot be sure of its copy). */
export async function currentPublicVersion(db: Db): Promise<string> {
  return (await readSetting(db, { key: STAMP_KEY }))[0]?.value ?? '';
}

/** Compiled once (read often: on PostgreSQL with GONGKAI_PG_LISTEN=off, on every anonymous page). */
const readSetting = reusableQuery((db, a: { key: string }) =>
  db.selectFrom('settings').select('value').where('key', '=', a.key),
);
