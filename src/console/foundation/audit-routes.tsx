import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { Pagination, beijingTime, Empty } from '../../platform/views/components.js';
import { Form, OptDate, OptText, Page, typed } from '../../platform/http/schemas.js';
import { queryAudit } from '../../platform/audit/audit-query.js';
import { scopePaths, isSysadmin } from '../../orgs/index.js';
import { assertAllowed } from '../guard.js';
import { auditActionLabel } from './audit-labels.js';

const PER_PAGE = 50;

const AuditQuery = Form({
  action: OptText('操作（前缀）'),
  actor: OptText('操作人'),
  from: OptDate('起始日期'),
  to: OptDate('截止日期'),
  page: Page(),
});

/** Browse and filter audit events within the reader's scope. */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get('/console/audit', { schema: { querystring: AuditQuery } }, async (req, reply) => {
    const paths = scopePaths(req.actor, ['sysadmin', 'supervisor', 'agency_admin']);
    assertAllowed(paths.length > 0);
    const all = isSysadmin(req.actor);
    const { page, action, actor, from, to } = req.query;
    const { rows, total } = await queryAudit(req.ctx.db, {
      orgPaths: all ? undefined : paths,
      action,
      actor,
      from,
      to,
      limit: PER_PAGE,
      offset: (page - 1) * PER_PAGE,
    });
    const f = { action: action ?? '', actor: actor ?? '', from: from ?? '', to: to ?? '' };
    const qs = new URLSearchParams(f).toString();
    const view = reply.view();
    return reply.page(
      <ConsoleLayout view={view} title="审计日志" wide>
        <p class="muted">审计日志只可追加、以哈希链相连；管理员可用命令 gongkai audit verify 检查是否被篡改。</p>
        <form method="get" action="/console/audit" class="filters" role="search">
          <div class="field">
            <label for="action">操作（前缀）</label>
            <input id="action" name="action" value={f.action} placeholder="如 user. 或 org.create" />
          </div>
          <div class="field">
            <label for="actor">操作人</label>
            <input id="actor" name="actor" value={f.actor} />
          </div>
          <div class="field">
            <label for="from">起始日期</label>
            <input id="from" name="from" type="date" value={f.from} />
          </div>
          <div class="field">
            <label for="to">截止日期</label>
            <input id="to" name="to" type="date" value={f.to} />
          </div>
          <button type="submit" class="secondary">
            筛选
          </button>
        </form>
        {rows.length ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">时间（北京时间）</th>
                  <th scope="col">操作人</th>
                  <th scope="col">操作</th>
                  <th scope="col">机构</th>
                  <th scope="col">摘要</th>
                  <th scope="col">来源地址</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>{r.seq}</td>
                    <td>{beijingTime(r.at)}</td>
                    <td>{r.actor_label}</td>
                    <td>
                      {auditActionLabel(r.action) ?? ''}{' '}
                      <code class="muted">
                        {r.action.split(/(?<=[._])/).map((part, i) => (i ? [<wbr />, part] : part))}
                      </code>
                    </td>
                    <td>{r.org_name ?? '—'}</td>
                    <td>{r.summary}</td>
                    <td>{r.ip ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty>没有符合条件的记录。</Empty>
        )}
        <Pagination page={page} total={total} perPage={PER_PAGE} baseUrl={`/console/audit?${qs}`} />
      </ConsoleLayout>,
    );
  });
}
