import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import {
  CsrfField,
  ErrorSummary,
  Pagination,
  SelectField,
  TextField,
  beijingTime,
  Empty,
} from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Form, IdParams, OptInt, Page, Params, Int, Text, typed } from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import {
  ROLES,
  grantableRoles,
  roleLabel,
  scopePaths,
  isSysadmin,
  orgsWithin,
  type OrgRow,
  userDetail,
  userGrants,
  userList,
  type UserGrant,
  type UserListRow,
  type UserRow,
  createUser,
  grantRole,
  revokeRole,
  resetPassword,
  setUserDisabled,
} from '../../orgs/index.js';
import { assertAllowed } from '../guard.js';

const PER_PAGE = 20;

function GrantFields({
  view,
  orgs,
  errors,
  values,
}: {
  view: ViewCtx;
  orgs: OrgRow[];
  errors?: FieldError[];
  values?: Record<string, string>;
}) {
  const roleOptions = new Map<string, string>();
  for (const o of orgs) for (const r of grantableRoles(view.actor, o.path)) roleOptions.set(r, ROLES[r]);
  return (
    <>
      <SelectField
        name="role"
        label="角色"
        required
        value={values?.role}
        options={[...roleOptions]}
        placeholder="请选择"
        errors={errors}
      />
      <SelectField
        name="orgId"
        label="授权范围（机构及其下级）"
        required
        value={values?.orgId}
        options={orgs
          .filter((o) => grantableRoles(view.actor, o.path).length)
          .map((o) => [String(o.id), `${'　'.repeat(o.depth)}${o.name}`])}
        placeholder="请选择"
        errors={errors}
      />
    </>
  );
}

function UsersPage(p: {
  view: ViewCtx;
  rows: UserListRow[];
  total: number;
  page: number;
  q: string;
  orgs: OrgRow[];
  errors?: FieldError[];
  values?: Record<string, string>;
}) {
  const canCreate = p.orgs.some((o) => grantableRoles(p.view.actor, o.path).length);
  return (
    <ConsoleLayout view={p.view} title="用户与角色">
      <form method="get" action="/console/users" class="filters" role="search">
        <div class="field">
          <label for="q">搜索用户名或姓名</label>
          <input id="q" name="q" type="search" value={p.q} />
        </div>
        <button type="submit" class="secondary">
          搜索
        </button>
      </form>
      {p.rows.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">姓名</th>
                <th scope="col">状态</th>
                <th scope="col">最近登录</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((u) => (
                <tr>
                  <td>
                    <a href={`/console/users/${u.id}`}>{u.username}</a>{' '}
                    {u.is_demo ? <span class="badge demo">示例</span> : null}
                  </td>
                  <td>{u.display_name}</td>
                  <td>
                    {u.disabled ? (
                      <span class="badge bad">已停用</span>
                    ) : u.must_change_password ? (
                      <span class="badge">待改初始密码</span>
                    ) : (
                      <span class="badge ok">正常</span>
                    )}
                  </td>
                  <td>{beijingTime(u.last_login_at) || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Empty>没有找到用户。</Empty>
      )}
      <Pagination
        page={p.page}
        total={p.total}
        perPage={PER_PAGE}
        baseUrl={`/console/users?q=${encodeURIComponent(p.q)}`}
      />
      {canCreate ? (
        <section>
          <h2 id="new">新建用户</h2>
          <p class="muted">系统会生成一次性初始密码，仅显示一次；用户首次登录时必须修改。</p>
          <ErrorSummary errors={p.errors} />
          <form method="post" action="/console/users">
            <CsrfField token={p.view.csrf} />
            <TextField
              name="username"
              label="用户名"
              required
              value={p.values?.username}
              errors={p.errors}
              hint="小写字母开头，3–32 位，可含数字、点、下划线、连字符。"
              autocomplete="off"
            />
            <TextField name="displayName" label="姓名" required value={p.values?.displayName} errors={p.errors} />
            <TextField name="email" label="电子邮箱" type="email" value={p.values?.email} errors={p.errors} />
            <GrantFields view={p.view} orgs={p.orgs} errors={p.errors} values={p.values} />
            <button type="submit">创建用户</button>
          </form>
        </section>
      ) : null}
    </ConsoleLayout>
  );
}

function UserPage(p: {
  view: ViewCtx;
  user: UserRow;
  grants: UserGrant[];
  orgs: OrgRow[];
  manage: boolean;
  secret?: string;
  errors?: FieldError[];
}) {
  const u = p.user;
  return (
    <ConsoleLayout view={p.view} title={`${u.display_name}（${u.username}）`}>
      <p>
        <a href="/console/users">← 返回用户列表</a>
      </p>
      {p.secret ? (
        <div role="alert">
          <p>新的一次性密码（只显示这一次，请当面或通过安全渠道告知本人）：</p>
          <pre class="secret">{p.secret}</pre>
        </div>
      ) : null}
      <dl class="meta">
        <dt>状态</dt>
        <dd>
          {u.disabled
            ? '已停用'
            : u.locked_until && Date.parse(u.locked_until) > p.view.now.getTime()
              ? '临时锁定'
              : '正常'}
        </dd>
        <dt>电子邮箱</dt>
        <dd>{u.email ?? '—'}</dd>
        <dt>最近登录</dt>
        <dd>{beijingTime(u.last_login_at) || '—'}</dd>
        <dt>创建时间</dt>
        <dd>{beijingTime(u.created_at)}</dd>
      </dl>
      <h2>角色</h2>
      {p.grants.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">角色</th>
              <th scope="col">范围</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {p.grants.map((g) => (
              <tr>
                <td>{roleLabel(g.role)}</td>
                <td>{g.orgName}</td>
                <td>
                  {grantableRoles(p.view.actor, g.orgPath).includes(g.role as never) ? (
                    <form
                      method="post"
                      action={`/console/users/${u.id}/grants/${g.id}/revoke`}
                      data-confirm={`确定撤销「${roleLabel(g.role)}」角色吗？`}
                    >
                      <CsrfField token={p.view.csrf} />
                      <button type="submit" class="secondary">
                        撤销
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Empty>该用户没有任何角色。</Empty>
      )}
      {p.manage ? (
        <>
          <h2>添加角色</h2>
          <ErrorSummary errors={p.errors} />
          <form method="post" action={`/console/users/${u.id}/grants`}>
            <CsrfField token={p.view.csrf} />
            <GrantFields view={p.view} orgs={p.orgs} errors={p.errors} />
            <button type="submit">添加</button>
          </form>
          <h2>账号操作</h2>
          <div class="actions">
            <form
              method="post"
              action={`/console/users/${u.id}/reset-password`}
              data-confirm="确定重置密码吗？该用户的所有登录将被退出。"
            >
              <CsrfField token={p.view.csrf} />
              <button type="submit" class="secondary">
                重置密码
              </button>
            </form>
            <form
              method="post"
              action={`/console/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`}
              data-confirm={u.disabled ? '' : '确定停用该账号吗？'}
            >
              <CsrfField token={p.view.csrf} />
              <button type="submit" class={u.disabled ? 'secondary' : 'danger'}>
                {u.disabled ? '启用账号' : '停用账号'}
              </button>
            </form>
          </div>
        </>
      ) : null}
    </ConsoleLayout>
  );
}

const UsersQuery = Form({ q: Text('搜索用户名或姓名'), page: Page() });
const GrantForm = Form({ role: Text('角色'), orgId: OptInt('授权范围（机构及其下级）') });
const UserForm = Form({
  username: Text('用户名'),
  displayName: Text('姓名'),
  email: Text('电子邮箱'),
  role: Text('角色'),
  orgId: OptInt('授权范围（机构及其下级）'),
});
const GrantParams = Params({ id: Int('用户编号'), grantId: Int('角色编号') });

/** Console pages for users and role grants. */
export async function usersRoutes(app: FastifyInstance): Promise<void> {
  const scope = (req: { actor: Parameters<typeof scopePaths>[0] }) =>
    scopePaths(req.actor, ['agency_admin', 'supervisor', 'sysadmin']);
  const r = typed(app);

  r.get('/console/users', { schema: { querystring: UsersQuery } }, async (req, reply) => {
    const paths = scope(req);
    assertAllowed(paths.length > 0);
    const { page, q } = req.query;
    const all = isSysadmin(req.actor);
    const { rows, total } = await userList(req.ctx, {
      underPaths: all ? undefined : paths,
      q,
      limit: PER_PAGE,
      offset: (page - 1) * PER_PAGE,
    });
    const orgs = await orgsWithin(req.ctx, { underPaths: paths });
    return reply.page(<UsersPage view={reply.view()} rows={rows} total={total} page={page} q={q} orgs={orgs} />);
  });

  r.post('/console/users', { schema: { body: UserForm } }, async (req, reply) => {
    const { username, displayName, email, role, orgId } = req.body;
    const values = { username, displayName, email, role, orgId: orgId === undefined ? '' : String(orgId) };
    try {
      const { user, oneTimePassword } = await createUser(req.ctx, {
        username,
        displayName,
        email: email || null,
        grants: role && orgId ? [{ role, orgId }] : [],
      });
      const grants = await userGrants(req.ctx, user.id);
      const orgs = await orgsWithin(req.ctx, { underPaths: scope(req) });
      return reply.page(
        <UserPage view={reply.view()} user={user} grants={grants} orgs={orgs} manage secret={oneTimePassword} />,
        201,
      );
    } catch (e) {
      if (!isAppError(e) || !['invalid', 'conflict'].includes(e.kind)) throw e;
      const paths = scope(req);
      const all = isSysadmin(req.actor);
      const { rows, total } = await userList(req.ctx, {
        underPaths: all ? undefined : paths,
        limit: PER_PAGE,
        offset: 0,
      });
      const orgs = await orgsWithin(req.ctx, { underPaths: paths });
      return reply.page(
        <UsersPage
          view={reply.view()}
          rows={rows}
          total={total}
          page={1}
          q=""
          orgs={orgs}
          errors={e.errors}
          values={values}
        />,
        e.status,
      );
    }
  });

  const userPage = async (req: FastifyRequest, id: number) => ({
    ...(await userDetail(req.ctx, id)),
    orgs: await orgsWithin(req.ctx, { underPaths: scope(req) }),
  });

  r.get('/console/users/:id', { schema: { params: IdParams } }, async (req, reply) => {
    const d = await userPage(req, req.params.id);
    return reply.page(<UserPage view={reply.view()} {...d} />);
  });

  r.post('/console/users/:id/grants', { schema: { params: IdParams, body: GrantForm } }, async (req, reply) => {
    const { id } = req.params;
    try {
      await grantRole(req.ctx, { userId: id, role: req.body.role, orgId: req.body.orgId ?? 0 });
      return reply.flashRedirect(`/console/users/${id}`, '已添加角色。');
    } catch (e) {
      if (!isAppError(e) || !['invalid', 'conflict', 'not_found'].includes(e.kind)) throw e;
      const d = await userPage(req, id);
      return reply.page(<UserPage view={reply.view()} {...d} errors={e.errors} />, e.status);
    }
  });

  r.post('/console/users/:id/grants/:grantId/revoke', { schema: { params: GrantParams } }, async (req, reply) => {
    await revokeRole(req.ctx, req.params.grantId);
    return reply.flashRedirect(`/console/users/${req.params.id}`, '已撤销角色。');
  });

  r.post('/console/users/:id/reset-password', { schema: { params: IdParams } }, async (req, reply) => {
    const { id } = req.params;
    const { oneTimePassword } = await resetPassword(req.ctx, id);
    const d = await userPage(req, id);
    return reply.page(<UserPage view={reply.view()} {...d} secret={oneTimePassword} />);
  });

  for (const action of ['disable', 'enable'] as const) {
    r.post(`/console/users/:id/${action}`, { schema: { params: IdParams } }, async (req, reply) => {
      const { id } = req.params;
      await setUserDisabled(req.ctx, id, action === 'disable');
      return reply.flashRedirect(`/console/users/${id}`, action === 'disable' ? '账号已停用。' : '账号已启用。');
    });
  }
}
