import { loadConfig, ConfigError, type Config } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { systemActor, type Ctx } from '../platform/context.js';
import { clockFor } from '../platform/clock.js';
import type { OpenCli } from '../app/modules.js';
import { installCapabilityHooks } from '../app/module-list.js';

/** Loads config or exits with the problems named. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
}

export function databaseFor(config: Config): Database {
  return openDatabase({
    dialect: config.db,
    sqliteFile: config.sqliteFile,
    sqliteCacheMb: config.sqliteCacheMb,
    url: config.databaseUrl,
  });
}

/** Opens the configured database, migrated, with a system actor for CLI use-cases. */
export async function openCli(
  label = 'cli',
): Promise<{ ctx: Ctx; database: Database; config: Config; close(): Promise<void> }> {
  const config = configOrExit();
  const database = databaseFor(config);
  await migrateToLatest(database.db);
  await installCapabilityHooks();
  const ctx: Ctx = { db: database.db, actor: systemActor(label), now: clockFor(config), config };
  return { ctx, database, config, close: () => database.close() };
}

/** Prints a coded error in Chinese and sets a failing exit code. */
export function fail(e: unknown): void {
  const err = e as { errors?: Array<{ code: string; message: string; field?: string }>; message?: string };
  if (err.errors)
    for (const x of err.errors) console.error(`错误 [${x.code}]${x.field ? ` (${x.field})` : ''}: ${x.message}`);
  else console.error(`错误: ${err.message ?? String(e)}`);
  process.exitCode = 1;
}

export type { OpenCli } from '../app/modules.js';

/** Runs a CLI action with an opened context; coded errors are printed in Chinese with exit code 1. */
export async function withCli(open: OpenCli, fn: (ctx: Ctx) => Promise<void>): Promise<void> {
  const c = await open();
  try {
    await fn(c.ctx);
  } catch (e) {
    fail(e);
  } finally {
    await c.close();
  }
}
