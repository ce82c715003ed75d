import type { FastifyInstance, RouteOptions } from 'fastify';

interface ApiRoute {
  method: string;
  url: string;
  schema: Record<string, unknown>;
}

/** Collects `/api/v1` routes with schemas and builds an OpenAPI 3.1 document from them. */
export function collectOpenApi(app: FastifyInstance, info: { title: string; version: string }) {
  const routes: ApiRoute[] = [];
  app.addHook('onRoute', (r: RouteOptions) => {
    if (!r.url.startsWith('/api/v1/') || !r.schema || (r.schema as { hide?: boolean }).hide) return;
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) if (m !== 'HEAD') routes.push({ method: m.toLowerCase(), url: r.url, schema: r.schema as Record<string, unknown> });
  });
  return function document() {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const r of routes) {
      const p = r.url.replace(/:(\w+)/g, '{$1}');
      const s = r.schema as {
        summary?: string;
        description?: string;
        tags?: string[];
        params?: { properties?: Record<string, unknown>; required?: string[] };
        querystring?: { properties?: Record<string, unknown>; required?: string[] };
        body?: unknown;
        response?: Record<string, unknown>;
        security?: unknown;
      };
      const parameters = [
        ...Object.entries(s.params?.properties ?? {}).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
        ...Object.entries(s.querystring?.properties ?? {}).map(([name, schema]) => ({
          name,
          in: 'query',
          required: s.querystring?.required?.includes(name) ?? false,
          schema,
        })),
      ];
      const responses: Record<string, unknown> = {};
      for (const [code, schema] of Object.entries(s.response ?? { 200: {} })) {
        responses[code] = { description: code === '200' || code === '201' ? 'OK' : 'Error', content: { 'application/json': { schema } } };
      }
      responses['4XX'] = { description: '错误：{ errors: [{ code, message, field }] }', content: { 'application/json': { schema: { $ref: '#/components/schemas/Errors' } } } };
      (paths[p] ??= {})[r.method] = {
        summary: s.summary,
        description: s.description,
        tags: s.tags,
        parameters: parameters.length ? parameters : undefined,
        requestBody: s.body ? { required: true, content: { 'application/json': { schema: s.body } } } : undefined,
        responses,
        security: s.security,
      };
    }
    return {
      openapi: '3.1.0',
      info: { ...info, description: 'Gongkai（公开）JSON API。员工接口使用个人 API 令牌：Authorization: Bearer gk_…' },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        schemas: {
          Errors: {
            type: 'object',
            properties: {
              errors: {
                type: 'array',
                items: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } }, required: ['code', 'message'] },
              },
            },
          },
        },
      },
      paths,
    };
  };
}
