// The peer of bench/portal-http.bench.ts: a bare Fastify route sending the same HTML Gongkai rendered
// (GONGKAI_BENCH_PAGES: a JSON file { "url": "html" }) with the same content type, in GONGKAI_WORKERS
// processes sharing the port (node:cluster, as `gongkai serve` does), port GONGKAI_PORT. Nothing but
// routing and sending: the framework's limit for these pages on this machine.
import cluster from 'node:cluster';
import { setTimeout } from 'node:timers';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const workers = Number(process.env.GONGKAI_WORKERS ?? 1);
if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  // As `gongkai serve` does: exit once the workers have closed (a worker closing its server tells the
  // primary; with the primary gone first, that write fails with EPIPE).
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    cluster.on('exit', () => {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
    });
    setTimeout(() => process.exit(0), 5000).unref();
  });
} else {
  const pages = new Map(Object.entries(JSON.parse(readFileSync(String(process.env.GONGKAI_BENCH_PAGES), 'utf8'))));
  const app = Fastify();
  app.get('/readyz', async () => ({ status: 'ok' }));
  app.get('/*', async (req, reply) => {
    const html = pages.get(req.url);
    if (html === undefined) return reply.code(404).send('not found');
    return reply.type('text/html; charset=utf-8').send(html);
  });
  await app.listen({ host: '127.0.0.1', port: Number(process.env.GONGKAI_PORT) });
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
