// The baseline of bench/startup.bench.ts: a bare Fastify server with a /readyz route, started the way
// `gongkai serve` is (a node process; port in GONGKAI_PORT).
import Fastify from 'fastify';

const app = Fastify();
app.get('/readyz', async () => ({ status: 'ok' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.GONGKAI_PORT) });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
