import { sql } from 'kysely';
import type { Db } from '../db/schema.js';

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/**
 * A store for @fastify/rate-limit that keeps the counts in the database, so that a limit holds across
 * workers (GONGKAI_WORKERS) and nodes. Fixed windows: one atomic upsert per request counts the request in
 * the window that contains `now` (the injected clock) and starts a new count when the window has moved on.
 */
export function databaseRateLimitStore(db: Db, now: () => Date) {
  let calls = 0;
  return class DatabaseRateLimitStore {
    /** Each limited route counts apart (as @fastify/rate-limit's own per-route stores do). */
    private readonly prefix: string;
    constructor(prefix: unknown = '') {
      this.prefix = typeof prefix === 'string' ? prefix : ''; // @fastify/rate-limit passes its options to the root store
    }

    incr(ip: string, cb: Callback, timeWindow: number): void {
      const key = this.prefix + ip;
      const at = now().getTime();
      const windowStart = Math.floor(at / timeWindow) * timeWindow;
      db.insertInto('rate_limits')
        .values({ key, window_start: windowStart, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`case when rate_limits.window_start = excluded.window_start then rate_limits.count + 1 else 1 end`,
            window_start: sql<number>`excluded.window_start`,
          }),
        )
        .returning('count')
        .executeTakeFirstOrThrow()
        .then(async (row) => {
          // Now and then, forget windows that ended more than a day ago.
          if (++calls % 500 === 0)
            await db
              .deleteFrom('rate_limits')
              .where('window_start', '<', at - 86_400_000)
              .execute();
          cb(null, { current: Number(row.count), ttl: windowStart + timeWindow - at });
        })
        .catch((e: Error) => cb(e));
    }

    read(ip: string, cb: Callback, timeWindow: number): void {
      const key = this.prefix + ip;
      const at = now().getTime();
      const windowStart = Math.floor(at / timeWindow) * timeWindow;
      db.selectFrom('rate_limits')
        .select(['count', 'window_start'])
        .where('key', '=', key)
        .executeTakeFirst()
        .then((row) =>
          cb(
            null,
            row && Number(row.window_start) === windowStart
              ? { current: Number(row.count), ttl: windowStart + timeWindow - at }
              : { current: 0, ttl: 0 },
          ),
        )
        .catch((e: Error) => cb(e));
    }

    child(params: {
      routeInfo?: { method?: string | string[]; url?: string };
      groupId?: string;
    }): DatabaseRateLimitStore {
      const r = params.routeInfo;
      return new DatabaseRateLimitStore(`${params.groupId ?? `${String(r?.method ?? '')} ${r?.url ?? ''}`}|`);
    }
  };
}
