import client from 'prom-client';

/** Prometheus registry with process metrics and HTTP counters. */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'gongkai_' });

export const httpRequests = new client.Counter({
  name: 'gongkai_http_requests_total',
  help: 'HTTP requests by method, route and status',
  labelNames: ['method', 'route', 'status'] as const,
  registers: [registry],
});

export const httpDuration = new client.Histogram({
  name: 'gongkai_http_request_duration_seconds',
  help: 'HTTP request duration',
  labelNames: ['method', 'route'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});
