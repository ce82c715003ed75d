/**
 * The public stamp as the page cache needs it on every anonymous request (page-cache.ts).
 *
 * SQLite: kept in memory while nothing could have changed it — the connection's `data_version` is the same
 * (another process would have changed it by committing; asked at most once per SQLITE_RECHECK_MS) and this
 * process has not written a stamp since (its own commits do not change `data_version`; counted on every
 * call); otherwise read from the database. The read was ~14 % of a cached page's CPU.
 * PostgreSQL: a round trip per page would cost more than the cache saves, so each node keeps the stamp in
 * memory, told of every new one by a LISTEN connection of its own: `bumpPublicVersion` sends the stamp with
 * `pg_notify` in the writing transaction, which PostgreSQL delivers to every node when it commits. The stamp
 * is read from the database instead —
 * - until the listener is connected (and again as soon as its connection is lost, while it reconnects),
 * - while a stamp this process wrote has not come back through the listener (so a node never serves a page
 *   older than a change it has just committed; a stamp whose transaction rolled back is forgotten after
 *   PENDING_MS).
 * Another node shows a change once the notification reaches it: milliseconds after the commit.
 * Behind a pooler in transaction mode, which cannot carry LISTEN, set GONGKAI_PG_LISTEN=off: then every
 * request reads the stamp.
 */
import type { Database } from './db/database.js';
import { elapsedMs } from './clock.js';
import { currentPublicVersion, pendingStamps, PENDING_MS, publicBumpsHere, PUBLIC_CHANNEL } from './public-version.js';

/** Delay before listening again after the connection was lost or could not be made. */
const RETRY_MS = 1_000;
/**
 * SQLite: how long a process answers with the stamp it has checked before asking `data_version` again (ms).
 * Another process's commit shows in pages requested from this long after it on — as close to "at once" as
 * a request arriving during the commit, which may be answered from either side of it anyway.
 */
export const SQLITE_RECHECK_MS = 1;

export interface PublicVersionSource {
  /** The current stamp ('' before any change). */
  version(): Promise<string>;
  /** Whether the stamp is served from memory now (the listener is up and nothing written here is pending). */
  fromMemory(): boolean;
  close(): Promise<void>;
}

/**
 * The stamp's source for `database`; `listen: false` (GONGKAI_PG_LISTEN=off) reads it every time on PostgreSQL
 * too. `elapsed`: the monotonic clock SQLite's rechecks are timed by (tests move it by hand).
 */
export function watchPublicVersion(
  database: Database,
  o: { listen: boolean; elapsed?: () => number },
): PublicVersionSource {
  const read = () => currentPublicVersion(database.db);
  if (database.dataVersion) return sqliteSource(database.dataVersion, read, o.elapsed ?? elapsedMs);
  if (!database.listen || !o.listen) return { version: read, fromMemory: () => false, close: async () => undefined };
  const listen = database.listen.bind(database);
  let known: string | null = null; // null: not listening, read from the database
  let generation = 0; // notifications received: a read started before one must not overwrite it
  let closed = false;
  let listener: { close(): Promise<void> } | undefined;
  let retry: NodeJS.Timeout | undefined;
  let attempt = 0; // a lost connection only counts if it is the latest

  const seen = new Set<string>(); // stamps of pendingStamps this listener has been told of
  /** Whether every stamp this process wrote lately has reached this listener. */
  const settled = () => {
    const now = elapsedMs();
    let ok = true;
    for (const [stamp, at] of pendingStamps)
      if (now - at > PENDING_MS) pendingStamps.delete(stamp);
      else if (!seen.has(stamp)) ok = false;
    for (const stamp of seen) if (!pendingStamps.has(stamp)) seen.delete(stamp);
    return ok;
  };
  const lost = () => {
    known = null;
    listener = undefined;
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, RETRY_MS);
    retry.unref();
  };
  const connect = async () => {
    const id = ++attempt;
    try {
      const l = await listen(PUBLIC_CHANNEL, {
        onNotify: (stamp) => {
          generation++;
          if (pendingStamps.has(stamp)) seen.add(stamp);
          if (!closed) known = stamp;
        },
        onEnd: () => id === attempt && lost(),
      });
      if (closed) return void (await l.close());
      listener = l;
      // Read after LISTEN: a change committed in between is either in this read or notified after it (the
      // notification, the later of the two, then wins).
      const g = generation;
      const stamp = await read();
      if (listener === l && generation === g) known = stamp;
    } catch {
      if (id === attempt) lost();
    }
  };
  void connect();

  return {
    async version() {
      return known !== null && settled() ? known : read();
    },
    fromMemory: () => known !== null && settled(),
    async close() {
      closed = true;
      clearTimeout(retry);
      known = null;
      await listener?.close();
      listener = undefined;
    },
  };
}

/**
 * SQLite: the stamp last read, kept while `data_version` and this process's own bumps are unchanged.
 * `data_version` is asked at most once per SQLITE_RECHECK_MS (asking on every page took a quarter of a cached
 * page's throughput); this process's own bumps are compared on every call.
 */
function sqliteSource(
  dataVersion: () => number,
  read: () => Promise<string>,
  elapsed: () => number,
): PublicVersionSource {
  let known: { stamp: string; version: number; bumps: number } | null = null;
  let checkedAt = -Infinity; // when data_version was last asked
  const recent = (t: number) => t - checkedAt < SQLITE_RECHECK_MS;
  return {
    async version() {
      const bumps = publicBumpsHere();
      const t = elapsed();
      if (known !== null && known.bumps === bumps && recent(t)) return known.stamp;
      // Both taken before any read: a change committed after them shows in the next check.
      const version = dataVersion();
      checkedAt = t;
      if (known !== null && known.version === version && known.bumps === bumps) return known.stamp;
      known = { stamp: await read(), version, bumps };
      return known.stamp;
    },
    fromMemory: () =>
      known !== null && known.bumps === publicBumpsHere() && (recent(elapsed()) || known.version === dataVersion()),
    async close() {
      known = null;
    },
  };
}
