import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { DB } from '../schema.js';
import type { Database } from '../database.js';

// count(*) and bigint come back as strings by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** PostgreSQL through a `pg` pool. */
export function openPostgres(url: string, poolSize: number): Database & { pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    /* idle client errors are reported by the next query */
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
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
  };
}

const exec = promisify(execFile);

async function run(cmd: string, args: string[]): Promise<void> {
  try {
    await exec(cmd, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as { code?: string; stderr?: string; message: string };
    if (err.code === 'ENOENT') throw new Error(`找不到 ${cmd}：请安装 PostgreSQL 客户端工具（Debian: apt-get install postgresql-client）。`);
    throw new Error(`${cmd} 失败：${err.stderr || err.message}`);
  }
}

/** Restores a pg_dump custom-format backup, replacing existing objects. */
export async function restorePostgres(file: string, url: string): Promise<void> {
  await run('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${url}`, file]);
}
