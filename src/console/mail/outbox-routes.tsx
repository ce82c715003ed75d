import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { Pagination, beijingTime, Empty, CsrfField } from '../../platform/views/components.js';
import { Form, Page, typed } from '../../platform/http/schemas.js';
import { isSysadmin, rolesAllow, scopePaths } from '../../orgs/index.js';
import { assertAllowed } from '../guard.js';
import { registerNav } from '../nav.js';
import { registerHomeWidget } from '../foundation/home-routes.js';
import { outboxPage } from '../../platform/mail/outbox.js';
import { latestNotices, markNoticesRead, unreadNotices } from '../../platform/mail/notices.js';

const STATUS: Record<string, string> = {
  pending: '待发送',
  sent: '已发送',
  failed: '发送失败',
  unsent: '未发送（未配置 SMTP）',
};
const PER_PAGE = 50;
const OUTBOX_READERS = ['sysadmin', 'agency_admin', 'supervisor'];
const OutboxQuery = Form({ page: Page() });

/** The outbox (what was or would have been emailed) and each user's console notices. */
export async function outboxRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  registerNav(
    { href: '/console/notices', label: '我的提醒', roles: [], group: '个人' },
    { href: '/console/outbox', label: '邮件发件箱', roles: OUTBOX_READERS, group: '系统管理' },
  );

  r.get('/console/outbox', { schema: { querystring: OutboxQuery } }, async (req, reply) => {
    assertAllowed(rolesAllow(req.actor, OUTBOX_READERS));
    const { page } = req.query;
    const orgPaths = isSysadmin(req.actor) ? null : scopePaths(req.actor, ['agency_admin', 'supervisor']);
    const { rows, total } = await outboxPage(req.ctx.db, { orgPaths, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    return reply.page(
      <ConsoleLayout view={reply.view()} title="邮件发件箱" wide>
        <p class="muted">系统发出的提醒和通知邮件。未配置 SMTP 时邮件保留在此处，状态为“未发送”。</p>
        {rows.length ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">时间</th>
                  <th scope="col">收件人</th>
                  <th scope="col">主题</th>
                  <th scope="col">单位</th>
                  <th scope="col">状态</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>{beijingTime(r.created_at)}</td>
                    <td>{r.to_addr}</td>
                    <td>{r.subject}</td>
                    <td>{r.org_name ?? '—'}</td>
                    <td>
                      {STATUS[r.status] ?? r.status}
                      {r.last_error && r.status !== 'unsent' ? <span class="muted">（{r.last_error}）</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty>发件箱为空。</Empty>
        )}
        <Pagination page={page} total={total} perPage={PER_PAGE} baseUrl="/console/outbox" />
      </ConsoleLayout>,
    );
  });

  r.get('/console/notices', async (req, reply) => {
    const rows = req.actor.userId ? await latestNotices(req.ctx.db, req.actor.userId) : [];
    return reply.page(
      <ConsoleLayout view={reply.view()} title="我的提醒">
        {rows.length ? (
          <>
            <form method="post" action="/console/notices/read" class="actions">
              <CsrfField token={reply.view().csrf} />
              <button type="submit" class="secondary">
                全部标为已读
              </button>
            </form>
            <ul>
              {rows.map((n) => (
                <li class={n.read_at ? 'muted' : ''}>
                  {beijingTime(n.created_at)} {n.read_at ? '' : <span class="badge">未读</span>}{' '}
                  <strong>{n.title}</strong> {n.body} {n.link ? <a href={n.link}>查看</a> : null}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <Empty>没有提醒。</Empty>
        )}
      </ConsoleLayout>,
    );
  });

  r.post('/console/notices/read', async (req, reply) => {
    await markNoticesRead(req.ctx);
    return reply.flashRedirect('/console/notices', '已全部标为已读。');
  });

  registerHomeWidget(async (req) => {
    if (req.actor.kind !== 'user' || !req.actor.userId) return null;
    const n = await unreadNotices(req.ctx.db, req.actor.userId);
    return n ? { level: 'info', title: `您有 ${n} 条未读提醒。`, body: '请到“我的提醒”查看。' } : null;
  });
}
