import type { FastifyInstance } from 'fastify';
import { PortalLayout } from './layout.js';
import { listOrgs } from '../orgs/orgs.store.js';
import { ORG_KINDS, buildTree } from '../orgs/orgs.rules.js';

/** The jurisdiction home page and the agency directory. */
export async function portalHomeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/', async (req, reply) => {
    const orgs = await listOrgs(req.ctx.db);
    const agencies = orgs.filter((o) => o.kind !== 'section');
    const view = reply.view();
    return reply.page(
      <PortalLayout view={view} title="首页">
        <h1>{view.siteName}</h1>
        <section aria-labelledby="doors">
          <h2 id="doors">办事入口</h2>
          <div class="cards">
            <a class="card" href="/gk">
              <strong>政府信息公开</strong>
              <br />
              公开指南、公开目录、法定主动公开内容
            </a>
            <a class="card" href="/ysqgk">
              <strong>依申请公开</strong>
              <br />
              在线提交申请，查询办理进度
            </a>
            <a class="card" href="/hd">
              <strong>互动交流</strong>
              <br />
              咨询、投诉、建议，意见征集
            </a>
            <a class="card" href="/nb">
              <strong>年度报告</strong>
              <br />
              政府信息公开工作年度报告
            </a>
          </div>
        </section>
        <section aria-labelledby="dir">
          <h2 id="dir">机构目录</h2>
          {agencies.length ? (
            <ul>
              {agencies.map((o) => (
                <li>
                  {'　'.repeat(Math.max(0, o.depth))}
                  {o.name} <span class="muted">{ORG_KINDS[o.kind as keyof typeof ORG_KINDS]}</span>
                  {o.is_demo ? <span class="badge demo">示例</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">暂无机构。</p>
          )}
        </section>
      </PortalLayout>,
    );
  });
  void buildTree;
}
