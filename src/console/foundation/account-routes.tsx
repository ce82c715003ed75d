import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, TextField, beijingTime, Empty } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Form, IdParams, OptText, Text, Texts, typed } from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { SESSION_COOKIE } from '../../platform/http/server.js';
import { roleLabel, myTokens, type TokenRow, createToken, revokeToken, logoutEverywhere } from '../../orgs/index.js';

function AccountPage({
  view,
  tokens,
  secret,
  errors,
}: {
  view: ViewCtx;
  tokens: TokenRow[];
  secret?: string;
  errors?: FieldError[];
}) {
  const roles = [...new Set(view.actor.grants.map((g) => g.role))];
  return (
    <ConsoleLayout view={view} title="我的账号">
      <div class="actions">
        <a class="button secondary" href="/console/password">
          修改密码
        </a>
        <a class="button secondary" href="/console/account/digest">
          每日工作摘要
        </a>
        <form method="post" action="/console/account/logout-all" data-confirm="确定退出所有设备上的登录吗？">
          <CsrfField token={view.csrf} />
          <button type="submit" class="secondary">
            退出所有设备
          </button>
        </form>
      </div>
      <h2>我的角色</h2>
      <ul>
        {view.actor.grants.map((g) => (
          <li>{roleLabel(g.role)}</li>
        ))}
      </ul>
      <h2>API 令牌</h2>
      <p class="muted">供其他系统调用开放接口（/api/v1）使用。令牌只显示一次，系统仅保存其哈希值。</p>
      {secret ? (
        <div role="alert">
          <p>新令牌（只显示这一次，请立即复制保存）：</p>
          <pre class="secret">{secret}</pre>
        </div>
      ) : null}
      {tokens.length ? (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">名称</th>
                <th scope="col">前缀</th>
                <th scope="col">权限范围</th>
                <th scope="col">创建</th>
                <th scope="col">最近使用</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{(JSON.parse(t.scopes) as string[]).map(roleLabel).join('、')}</td>
                  <td>{beijingTime(t.created_at)}</td>
                  <td>{beijingTime(t.last_used_at) || '从未使用'}</td>
                  <td>
                    {t.revoked_at ? (
                      '已撤销'
                    ) : (
                      <form
                        method="post"
                        action={`/console/account/tokens/${t.id}/revoke`}
                        data-confirm={`确定撤销令牌「${t.name}」吗？`}
                      >
                        <CsrfField token={view.csrf} />
                        <button type="submit" class="secondary">
                          撤销
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Empty>还没有 API 令牌。</Empty>
      )}
      <h3>创建令牌</h3>
      <ErrorSummary errors={errors} />
      <form method="post" action="/console/account/tokens">
        <CsrfField token={view.csrf} />
        <TextField name="name" label="令牌名称" required errors={errors} hint="例如：门户网站同步" />
        <fieldset id="f-roles">
          <legend>权限范围（可用的角色）</legend>
          {roles.map((r) => (
            <label class="check">
              <input type="checkbox" name="roles" value={r} /> {roleLabel(r)}
            </label>
          ))}
        </fieldset>
        <TextField name="expiresOn" label="有效期至（可选）" type="date" errors={errors} />
        <button type="submit">创建令牌</button>
      </form>
    </ConsoleLayout>
  );
}

const TokenForm = Form({ name: Text('令牌名称'), roles: Texts('权限范围'), expiresOn: OptText('有效期至') });

/** The signed-in user's account: password, sessions, API tokens. */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/account', async (req, reply) =>
    reply.page(<AccountPage view={reply.view()} tokens={await myTokens(req.ctx)} />),
  );
  r.post('/console/account/tokens', { schema: { body: TokenForm } }, async (req, reply) => {
    const { name, roles, expiresOn } = req.body;
    try {
      const { token } = await createToken(req.ctx, { name, roles, expiresOn: expiresOn ?? null });
      return reply.page(<AccountPage view={reply.view()} tokens={await myTokens(req.ctx)} secret={token} />, 201);
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'invalid') throw e;
      return reply.page(
        <AccountPage view={reply.view()} tokens={await myTokens(req.ctx)} errors={e.errors} />,
        e.status,
      );
    }
  });
  r.post('/console/account/tokens/:id/revoke', { schema: { params: IdParams } }, async (req, reply) => {
    await revokeToken(req.ctx, req.params.id);
    return reply.flashRedirect('/console/account', '令牌已撤销。');
  });
  r.post('/console/account/logout-all', async (req, reply) => {
    await logoutEverywhere(req.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/console/login', 303);
  });
}
