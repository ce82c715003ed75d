/**
 * The composed app on a benchmark corpus, in its own process so the load generator does not share its
 * event loop: `node --import tsx bench/portal-server.ts sqlite FILE` or `… postgres URL`. Prints
 * `{"port":N}` once listening; stops on SIGTERM.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/db/database.js';
import { buildApp } from '../src/app/build-app.js';

const [dialect, where] = process.argv.slice(2) as ['sqlite' | 'postgres', string];
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'gk-bench-server-'));
const config = loadConfig({ GONGKAI_ENV: 'production', GONGKAI_DATA_DIR: dataDir, GONGKAI_LOG_LEVEL: 'silent', GONGKAI_JOBS: 'off', ...(dialect === 'postgres' ? { GONGKAI_DB: 'postgres', GONGKAI_DATABASE_URL: where } : {}) });
const database = dialect === 'postgres' ? openDatabase({ dialect, url: where, poolSize: 10 }) : openDatabase({ dialect, sqliteFile: where });
const app = await buildApp(config, database);
await app.listen({ host: '127.0.0.1', port: 0 });
const addr = app.server.address();
console.log(JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0 }));
process.on('SIGTERM', () => {
  void app.close().then(() => database.close()).then(() => process.exit(0));
});
