/**
 * One catalogue import in its own process (so its peak memory is its own): `gongkai catalog import`'s
 * use-case over the streamed file, on a fresh SQLite database. Prints one JSON line.
 */
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { systemActor } from '../src/platform/context.js';
import { loadConfig } from '../src/platform/config.js';
import { insertOrg } from '../src/orgs/orgs.store.js';
import { emptyOrgFields } from '../src/orgs/orgs.rules.js';
import { importItems, importRows } from '../src/catalog/index.js';

const [dbFile, csv] = process.argv.slice(2) as [string, string];
const config = loadConfig();
// As `gongkai catalog import` opens it (the application's SQLite page cache).
const database = openDatabase({ dialect: 'sqlite', sqliteFile: dbFile, sqliteCacheMb: config.sqliteCacheMb });
await migrateToLatest(database.db);
const now = new Date().toISOString();
const county = await insertOrg(database.db, null, emptyOrgFields('county', '某县人民政府'), now);
const org = await insertOrg(database.db, county, emptyOrgFields('agency', '某县档案馆'), now);
const ctx = { db: database.db, actor: systemActor('bench'), now: () => new Date(), config };
const t = performance.now();
const cpu0 = process.cpuUsage();
let batches = 0;
const r = await importItems(ctx, { orgId: org.id, table: importRows(csv), dryRun: false, onProgress: () => batches++ });
const ms = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
await database.close();
console.log(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    created: r.created,
    errors: r.errors.length,
    firstError: r.errors[0]?.message,
    batches,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
