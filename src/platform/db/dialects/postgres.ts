import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import type pg from 'pg';
import { Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type { DB } from '../schema.js';
import type { Database, ListenHandlers } from '../database.js';
import { KEEP_PLAN } from '../dialect-sql.js';

// pg (CommonJS) is required when a PostgreSQL database is first opened: an SQLite installation never loads it.
let pgModule: typeof pg | undefined;
function loadPg(): typeof pg {
  if (pgModule) return pgModule;
  pgModule = createRequire(import.meta.url)('pg') as typeof pg;
  // count(*) and bigint come back as strings by default; our counts fit in a double.
  pgModule.types.setTypeParser(20, (v) => Number(v));
  pgModule.types.setTypeParser(1700, (v) => Number(v));
  return pgModule;
}

/** Named (server-side prepared) statements per connection; past this, new texts run unnamed. */
const PREPARED_PER_CONNECTION = 300;
/**
 * Of which KEEP_PLAN statements (a search results page's plan holds ~0.8 MB of the server's memory): the
 * first shapes asked on a connection — the usual ones — stay prepared, rarer ones are planned each time.
 */
const KEPT_PLANS_PER_CONNECTION = 8;
const KEPT = 'gkp_';

/**
 * Whether a statement is kept prepared on its connection (parsed and planned once, like the SQLite
 * statement cache): plain reads and writes (up to 4,000 characters, see statementName). Search statements are not: their cost
 * depends on the words searched, so PostgreSQL plans them for their parameters each time — unless the
 * statement ends with KEEP_PLAN (up to 16,000 characters, at most KEPT_PLANS_PER_CONNECTION of them).
 */
function preparable(text: string): boolean {
  return (
    /^\s*(select|insert|update|delete|with)\b/i.test(text) &&
    (text.endsWith(KEEP_PLAN) || !/search_texts|tsquery/i.test(text))
  );
}

const hashName = (prefix: string, text: string) =>
  `${prefix}${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;

/**
 * Statement text → its name, or null when it is not kept prepared (bounded; hashing every query cost 2 % of
 * a page). KEEP_PLAN texts (5–7 KB, one per shape of search) are hashed each time instead of held.
 */
const names = new Map<string, string | null>();
function statementName(text: string): string | null {
  if (text.endsWith(KEEP_PLAN)) return text.length <= 16_000 && preparable(text) ? hashName(KEPT, text) : null;
  if (text.length > 4000) return null;
  let name = names.get(text);
  if (name === undefined) {
    name = preparable(text) ? hashName('gk_', text) : null;
    if (names.size >= 5000) names.clear();
    names.set(text, name);
  }
  return name;
}

/** Whether a connection holding `names` has no room left for another statement like `name`. */
function full(names: string[], name: string): boolean {
  if (names.length >= PREPARED_PER_CONNECTION) return true;
  return name.startsWith(KEPT) && names.filter((n) => n.startsWith(KEPT)).length >= KEPT_PLANS_PER_CONNECTION;
}

type Client = pg.PoolClient & { connection?: { parsedStatements?: Record<string, string> } };

/** A pool whose clients run preparable statements as named statements (Kysely sees a plain pool). */
function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    end: () => pool.end(),
    async connect() {
      const client = (await pool.connect()) as Client;
      const wrapped = {
        release: (destroy?: boolean) => client.release(destroy),
        async query(text: string, values: unknown[]) {
          const parsed = client.connection?.parsedStatements;
          const name = parsed ? statementName(text) : null;
          if (!parsed || !name) return client.query(text, values);
          if (!(name in parsed) && full(Object.keys(parsed), name)) return client.query(text, values);
          try {
            return await client.query({ name, text, values });
          } catch (e) {
            // A table changed shape under a prepared statement ("cached plan must not change result type"):
            // forget it and run the text afresh.
            if ((e as { code?: string }).code !== '0A000') throw e;
            await client.query(`deallocate ${name}`).catch(() => undefined);
            delete parsed[name];
            return client.query(text, values);
          }
        },
      };
      return wrapped as unknown as PostgresPoolClient;
    },
  };
}

/** PostgreSQL through a `pg` pool. */
export function openPostgres(url: string, poolSize: number): Database & { pool: pg.Pool } {
  const pool = new (loadPg().Pool)({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    /* idle client errors are reported by the next query */
  });
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool: process.env.GONGKAI_PG_PREPARE === '0' ? pool : preparingPool(pool) }),
  });
  return {
    db,
    dialect: 'postgres',
    pool,
    async close() {
      await db.destroy();
    },
    async backup(target: string) {
      await run('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, url]);
    },
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    listen: (channel, h) => listen(url, channel, h),
  };
}

/** A client outside the pool that LISTENs on one channel (TCP keep-alive finds a connection gone quiet). */
async function listen(url: string, channel: string, h: ListenHandlers): Promise<{ close(): Promise<void> }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name: ${channel}`);
  const client = new (loadPg().Client)({ connectionString: url, keepAlive: true });
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    h.onEnd();
    client.end().catch(() => undefined);
  };
  client.on('notification', (m) => {
    if (m.channel === channel) h.onNotify(m.payload ?? '');
  });
  client.on('error', end);
  client.on('end', end);
  try {
    await client.connect();
    await client.query(`listen ${channel}`);
  } catch (e) {
    ended = true;
    await client.end().catch(() => undefined);
    throw e;
  }
  return {
    async close() {
      ended = true;
      await client.end().catch(() => undefined);
    },
  };
}

const exec = promisify(execFile);

async function run(cmd: string, args: string[]): Promise<void> {
  try {
    await exec(cmd, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as { code?: string; stderr?: string; message: string };
    if (err.code === 'ENOENT')
      throw new Error(`找不到 ${cmd}：请安装 PostgreSQL 客户端工具（Debian: apt-get install postgresql-client）。`);
    throw new Error(`${cmd} 失败：${err.stderr || err.message}`);
  }
}

/** Restores a pg_dump custom-format backup, replacing existing objects. */
export async function restorePostgres(file: string, url: string): Promise<void> {
  await run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${url}`, file]);
}
