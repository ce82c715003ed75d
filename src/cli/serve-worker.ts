import cluster from 'node:cluster';
import { buildApp } from '../app/build-app.js';
import { capabilityJobs } from '../app/module-list.js';
import { systemActor } from '../platform/context.js';
import { clockFor } from '../platform/clock.js';
import { startScheduler } from '../platform/jobs/scheduler.js';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/db/database.js';

/** One HTTP process of `gongkai serve`: the composed app on the port, and the job scheduler when `runJobs`. */
export async function worker(config: Config, database: Database, runJobs: boolean): Promise<void> {
  const ctx = { db: database.db, actor: systemActor('jobs'), now: clockFor(config), config };
  const app = await buildApp(config, database, { now: ctx.now });
  const jobs = capabilityJobs();
  const stop =
    runJobs && config.jobs.enabled
      ? startScheduler(ctx, jobs, config.nodeId, config.jobs.tickSeconds, (e) => app.log.error(e))
      : () => undefined;
  const shutdown = async () => {
    stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  await app.listen({ host: config.host, port: config.port });
  if (cluster.isPrimary) {
    console.log(
      `Gongkai 已启动：http://${config.host}:${config.port}/ （数据库：${config.db === 'sqlite' ? config.sqliteFile : 'PostgreSQL'}）`,
    );
    console.log(`工作台：http://${config.host}:${config.port}/console`);
  }
}
