import cluster from 'node:cluster';
import { migrateToLatest } from '../platform/db/migrate.js';
import { systemActor } from '../platform/context.js';
import { clockFor } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import { configOrExit, databaseFor } from './open.js';
import { runInit } from './init.js';

/**
 * `gongkai serve`: migrate, seed a new database, start HTTP and the job scheduler. With
 * GONGKAI_WORKERS=N the first process migrates and seeds, then N worker processes share the port
 * (node:cluster; each is an application node like another machine: sessions, jobs and the search
 * index live in the database); the jobs run in the first worker only. A worker that dies is restarted.
 * The primary of a cluster only migrates, seeds and forks: the HTTP application (serve-worker.ts) is
 * imported by the processes that serve.
 */
export async function serve(opts: { port?: string }): Promise<void> {
  // As GONGKAI_PORT: checked like it, and the node id and default public URL follow it (workers inherit it).
  if (opts.port !== undefined) {
    if (!/^\d{1,5}$/.test(opts.port) || Number(opts.port) > 65535) {
      console.error(`--port 应为 0 到 65535 的整数，收到“${opts.port}”。`);
      process.exit(2);
    }
    process.env.GONGKAI_PORT = opts.port;
  }
  const config = configOrExit();
  if (cluster.isPrimary) {
    const database = databaseFor(config);
    await migrateToLatest(database.db);
    await runInit({ db: database.db, actor: systemActor('serve'), now: clockFor(config), config }, {});
    if (config.workers > 1) {
      await database.close();
      return primary(config);
    }
    return (await import('./serve-worker.js')).worker(config, database, true);
  }
  return (await import('./serve-worker.js')).worker(
    config,
    databaseFor(config),
    process.env.GONGKAI_WORKER_INDEX === '1',
  );
}

function primary(config: Config): void {
  let stopping = false;
  const start = (index: number) =>
    cluster.fork({ GONGKAI_WORKER_INDEX: String(index) }).on('exit', (code) => {
      if (stopping) return;
      console.error(`工作进程 ${index} 已退出（${code}），正在重启。`);
      start(index);
    });
  for (let i = 1; i <= config.workers; i++) start(i);
  const shutdown = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
    setTimeout(() => process.exit(0), 5000).unref();
    cluster.on('exit', () => {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  console.log(
    `Gongkai 已启动：http://${config.host}:${config.port}/ （${config.workers} 个工作进程；数据库：${config.db === 'sqlite' ? config.sqliteFile : 'PostgreSQL'}）`,
  );
  console.log(`工作台：http://${config.host}:${config.port}/console`);
}
