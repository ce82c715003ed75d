/**
 * Run by access-log.test.ts in a process of its own (the application logs to its stdout): builds the app
 * on a fresh in-memory database with the log level `info` and the environment's GONGKAI_ACCESS_LOG, then
 * asks for a page, a missing page and a route that throws.
 */
import { buildApp } from '../../src/app/build-app.js';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

const config = loadConfig({ ...process.env, GONGKAI_LOG_LEVEL: 'info', GONGKAI_JOBS: 'off' });
const database = openDatabase({ dialect: 'sqlite', sqliteFile: ':memory:' });
await migrateToLatest(database.db);
const app = await buildApp(config, database);
app.get('/probe-throws', async () => {
  throw new Error('probe failure');
});
for (const url of ['/', '/no-such-page', '/probe-throws']) await app.inject({ method: 'GET', url });
await app.close();
await database.close();
