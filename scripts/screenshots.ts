/**
 * Takes the README's pictures: the demo county on a fresh SQLite database, public pages at 375 px and
 * 1280 px, saved to docs/screenshots/. Run: `node --import tsx scripts/screenshots.ts` (needs Chromium).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { buildApp } from '../src/app/build-app.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { systemActor } from '../src/platform/context.js';
import { runInit } from '../src/cli/init.js';
import { launch, listen } from '../test/browser/browser.js';

const dir = '.tmp/screenshot-db';
rmSync(dir, { recursive: true, force: true });
const config = loadConfig({ GONGKAI_DATA_DIR: dir, GONGKAI_LOG_LEVEL: 'silent', GONGKAI_JOBS: 'off' });
const database = openDatabase({ dialect: 'sqlite', sqliteFile: config.sqliteFile });
await migrateToLatest(database.db);
await runInit(
  { db: database.db, actor: systemActor('screenshots'), now: () => new Date(), config },
  { demo: true, log: () => undefined },
);
const app = await buildApp(config, database);
const base = await listen(app);
const item = await database.db
  .selectFrom('items')
  .select(['id', 'org_id'])
  .where('status', '=', 'published')
  .orderBy('id')
  .limit(1)
  .executeTakeFirst();
const pages: Array<[string, string]> = [
  ['home', '/'],
  ['catalogue', item ? `/gk/${item.org_id}` : '/gk'],
  ['agency', item ? `/jg/${item.org_id}` : '/'],
  ['item', item ? `/gk/items/${item.id}` : '/gk'],
  ['search', '/search?q=%E5%85%AC%E5%BC%80'],
  ['request-form', '/ysqgk'],
  ['deadline', '/tools/deadline?received=2025-09-26&channel=online&asOf=2025-10-09'],
];
mkdirSync('docs/screenshots', { recursive: true });
const { browser, close } = await launch();
for (const width of [375, 1280]) {
  const context = await browser.newContext({ viewport: { width, height: width === 375 ? 800 : 900 } });
  const page = await context.newPage();
  for (const [name, path] of pages) {
    await page.goto(base + path);
    await page.screenshot({ path: `docs/screenshots/${name}-${width}.png`, fullPage: false });
  }
  await context.close();
}
await close();
await app.close();
await database.close();
console.log('screenshots written to docs/screenshots/');
