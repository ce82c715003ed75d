import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet, type Kysely } from 'kysely';
import type { DB } from './schema.js';
import { CODE_DIR } from '../package-root.js';

const MIGRATION_FILE = /^\d{12}_[a-z0-9_-]+\.(ts|js)$/;
// dist/platform/db/migrations/*.js in a build, src/platform/db/migrations/*.ts from the sources.
const DIR = path.join(CODE_DIR, 'platform/db/migrations');

/** Loads `migrations/YYYYMMDDHHmm_slug.ts` files (CONVENTIONS §11). */
class FolderProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const f of readdirSync(DIR)
      .filter((f) => MIGRATION_FILE.test(f))
      .sort()) {
      const mod = (await import(pathToFileURL(path.join(DIR, f)).href)) as Migration;
      out[f.replace(/\.(ts|js)$/, '')] = mod;
    }
    return out;
  }
}

/** Migrates to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FolderProvider(), allowUnorderedMigrations: true });
  const res: MigrationResultSet = await migrator.migrateToLatest();
  if (res.error) {
    const failed = res.results?.find((r) => r.status === 'Error');
    const e = res.error instanceof Error ? res.error : new Error(String(res.error));
    e.message = `migration ${failed?.migrationName ?? '?'} failed: ${e.message}`;
    throw e;
  }
  return (res.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations not yet applied. */
export async function pendingMigrations(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FolderProvider(), allowUnorderedMigrations: true });
  const all = await migrator.getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
