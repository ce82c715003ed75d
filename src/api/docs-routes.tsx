import type { FastifyInstance } from 'fastify';
import { PortalLayout } from '../platform/views/portal-layout.js';

interface OpenApiDoc {
  paths: Record<string, Record<string, { summary?: string; tags?: string[]; security?: unknown }>>;
}

/** `/api/v1/openapi.json` and a readable docs page generated from it. */
export async function docsRoutes(app: FastifyInstance, openapi: () => unknown): Promise<void> {
  app.get('/api/v1/openapi.json', async () => openapi());
  app.get('/api/v1/docs', async (_req, reply) => {
    const doc = openapi() as OpenApiDoc;
    const rows = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => ({ p, m: m.toUpperCase(), ...op })));
    const tags = [...new Set(rows.map((r) => r.tags?.[0] ?? '其他'))];
    return reply.page(
      <PortalLayout view={reply.view()} title="开放接口文档">
        <h1>开放接口（API v1）</h1>
        <p>
          机器可读的 OpenAPI 文档：<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>。员工接口需在请求头中携带个人 API 令牌：
          <code>Authorization: Bearer gk_…</code>（在工作台“我的账号”中创建）。错误统一返回 <code>{'{ "errors": [{ "code", "message", "field" }] }'}</code>。
        </p>
        {tags.map((t) => (
          <section>
            <h2>{t}</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">方法</th>
                  <th scope="col">路径</th>
                  <th scope="col">说明</th>
                  <th scope="col">认证</th>
                </tr>
              </thead>
              <tbody>
                {rows
                  .filter((r) => (r.tags?.[0] ?? '其他') === t)
                  .map((r) => (
                    <tr>
                      <td>
                        <code>{r.m}</code>
                      </td>
                      <td>
                        <code>{r.p}</code>
                      </td>
                      <td>{r.summary}</td>
                      <td>{r.security ? '令牌' : '公开'}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
        ))}
      </PortalLayout>,
    );
  });
}
