import { buildApp } from '../app/build-app.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { systemActor } from '../platform/context.js';
import { startScheduler } from '../platform/jobs/scheduler.js';
import { capabilityModules } from '../app/module-list.js';
import { configOrExit, databaseFor } from './open.js';
import { runInit } from './init.js';

/** `gongkai serve`: migrate, seed a new database, start HTTP and the job scheduler. */
export async function serve(opts: { port?: string }): Promise<void> {
  let config = configOrExit();
  if (opts.port) config = { ...config, port: Number(opts.port) };
  const database = databaseFor(config);
  await migrateToLatest(database.db);
  const ctx = { db: database.db, actor: systemActor('serve'), now: () => new Date(), config };
  await runInit(ctx, {});
  const app = await buildApp(config, database);
  const jobs = capabilityModules.flatMap((m) => m.jobs ?? []);
  const stop = config.jobs.enabled ? startScheduler({ ...ctx, actor: systemActor('jobs') }, jobs, config.nodeId, config.jobs.tickSeconds, (e) => app.log.error(e)) : () => undefined;
  const shutdown = async () => {
    stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  await app.listen({ host: config.host, port: config.port });
  console.log(`Gongkai 已启动：http://${config.host}:${config.port}/ （数据库：${config.db === 'sqlite' ? config.sqliteFile : 'PostgreSQL'}）`);
  console.log(`工作台：http://${config.host}:${config.port}/console`);
}
