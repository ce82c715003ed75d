import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { Pagination, beijingTime, Empty, CsrfField } from '../../platform/views/components.js';
import { pageParam } from '../../platform/http/form.js';
import { isSysadmin, rolesAllow, scopePaths } from '../../orgs/roles.rules.js';
import { assertAllowed } from '../guard.js';
import { registerNav } from '../nav.js';
import { registerHomeWidget } from '../foundation/home-routes.js';
import '../../platform/mail/mail.tables.js';

const STATUS: Record<string, string> = { pending: '待发送', sent: '已发送', failed: '发送失败', unsent: '未发送（未配置 SMTP）' };
const PER_PAGE = 50;

/** The outbox (what was or would have been emailed) and each user's console notices. */
export async function outboxRoutes(app: FastifyInstance): Promise<void> {
  registerNav(
    { href: '/console/notices', label: '我的提醒', roles: [], group: '个人' },
    { href: '/console/outbox', label: '邮件发件箱', roles: ['sysadmin', 'agency_admin', 'supervisor'], group: '系统管理' },
  );

  app.get('/console/outbox', async (req, reply) => {
    assertAllowed(rolesAllow(req.actor, ['sysadmin', 'agency_admin', 'supervisor']));
    const page = pageParam(req.query);
    let q = req.ctx.db.selectFrom('outbox').leftJoin('orgs', 'orgs.id', 'outbox.org_id');
    if (!isSysadmin(req.actor)) {
      const paths = scopePaths(req.actor, ['agency_admin', 'supervisor']);
      q = q.where((eb) => eb.or(paths.map((p) => eb('orgs.path', 'like', `${p}%`))));
    }
    const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q.select(['outbox.id', 'outbox.to_addr', 'outbox.subject', 'outbox.status', 'outbox.created_at', 'outbox.sent_at', 'outbox.last_error', 'orgs.name as org_name']).orderBy('outbox.id', 'desc').limit(PER_PAGE).offset((page - 1) * PER_PAGE).execute();
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

  app.get('/console/notices', async (req, reply) => {
    const rows = await req.ctx.db.selectFrom('notifications').selectAll().where('user_id', '=', req.actor.userId!).orderBy('id', 'desc').limit(100).execute();
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
                  {beijingTime(n.created_at)} {n.read_at ? '' : <span class="badge">未读</span>} <strong>{n.title}</strong> {n.body} {n.link ? <a href={n.link}>查看</a> : null}
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

  app.post('/console/notices/read', async (req, reply) => {
    await req.ctx.db.updateTable('notifications').set({ read_at: req.ctx.now().toISOString() }).where('user_id', '=', req.actor.userId!).where('read_at', 'is', null).execute();
    return reply.flashRedirect('/console/notices', '已全部标为已读。');
  });

  registerHomeWidget(async (req) => {
    if (req.actor.kind !== 'user' || !req.actor.userId) return null;
    const r = await req.ctx.db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', req.actor.userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
    const n = Number(r.n);
    return n ? { level: 'info', title: `您有 ${n} 条未读提醒。`, body: '请到“我的提醒”查看。' } : null;
  });
}
