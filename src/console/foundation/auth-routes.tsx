import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, TextField } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Form, Text, typed } from '../../platform/http/schemas.js';
import { sameSitePath } from '../../platform/http/same-site.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/http/server.js';
import { deleteSession } from '../../platform/auth/sessions.js';
import { login, changePassword } from '../../orgs/index.js';

function LoginPage({
  view,
  errors,
  username,
  next,
}: {
  view: ViewCtx;
  errors?: FieldError[];
  username?: string;
  next: string;
}) {
  return (
    <ConsoleLayout view={view} title="工作人员登录">
      <ErrorSummary errors={errors} />
      <form method="post" action="/console/login" class="narrow">
        <CsrfField token={view.csrf} />
        <input type="hidden" name="next" value={next} />
        <TextField name="username" label="用户名" value={username} required autocomplete="username" />
        <TextField name="password" label="密码" type="password" required autocomplete="current-password" />
        <button type="submit">登录</button>
      </form>
    </ConsoleLayout>
  );
}

function PasswordPage({ view, errors, forced }: { view: ViewCtx; errors?: FieldError[]; forced: boolean }) {
  return (
    <ConsoleLayout view={view} title="修改密码">
      {forced ? <p class="warning">您正在使用初始密码（一次性密码），请先设置新密码后再使用工作台。</p> : null}
      <ErrorSummary errors={errors} />
      <form method="post" action="/console/password">
        <CsrfField token={view.csrf} />
        <TextField
          name="currentPassword"
          label="当前密码"
          type="password"
          required
          autocomplete="current-password"
          errors={errors}
        />
        <TextField
          name="newPassword"
          label="新密码"
          type="password"
          required
          autocomplete="new-password"
          hint="至少 10 个字符，包含小写字母、大写字母、数字、符号中的至少三类，且不含用户名。"
          errors={errors}
        />
        <TextField
          name="confirmPassword"
          label="再次输入新密码"
          type="password"
          required
          autocomplete="new-password"
          errors={errors}
        />
        <button type="submit">保存新密码</button>
      </form>
    </ConsoleLayout>
  );
}

const safeNext = (s: string) => {
  const p = sameSitePath(s, '/console');
  return p === '/console' || p.startsWith('/console/') || p.startsWith('/console?') ? p : '/console';
};

const NextQuery = Form({ next: Text('登录后前往') });
const LoginForm = Form({ username: Text('用户名'), password: Text('密码'), next: Text('登录后前往') });
const PasswordForm = Form({
  currentPassword: Text('当前密码'),
  newPassword: Text('新密码'),
  confirmPassword: Text('再次输入新密码'),
});

/** Login, logout and password change pages. */
export async function authRoutes(app: FastifyInstance, cookieSecure: boolean): Promise<void> {
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: cookieSecure };
  const r = typed(app);

  r.get('/console/login', { schema: { querystring: NextQuery } }, async (req, reply) => {
    if (req.actor.kind === 'user') return reply.redirect('/console', 303);
    return reply.page(<LoginPage view={reply.view()} next={safeNext(req.query.next)} />);
  });

  r.post(
    '/console/login',
    { schema: { body: LoginForm }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const { username, password, next } = req.body;
      try {
        const session = await login(req.ctx, { username, password, userAgent: req.headers['user-agent'] ?? null });
        reply.setCookie(SESSION_COOKIE, session.sessionToken, cookieOpts);
        reply.clearCookie(CSRF_COOKIE, { path: '/' });
        return reply.redirect(session.mustChangePassword ? '/console/password' : safeNext(next), 303);
      } catch (e) {
        if (!isAppError(e)) throw e;
        return reply.page(
          <LoginPage view={reply.view()} errors={e.errors} username={username} next={safeNext(next)} />,
          e.status,
        );
      }
    },
  );

  r.post('/console/logout', async (req, reply) => {
    if (req.sessionToken) await deleteSession(req.ctx.db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.redirect('/console/login', 303);
  });

  r.get('/console/password', async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect('/console/login', 303);
    return reply.page(<PasswordPage view={reply.view()} forced={!!req.actor.mustChangePassword} />);
  });

  r.post('/console/password', { schema: { body: PasswordForm } }, async (req, reply) => {
    if (req.actor.kind !== 'user') return reply.redirect('/console/login', 303);
    try {
      const { currentPassword, newPassword, confirmPassword } = req.body;
      const session = await changePassword(req.ctx, {
        currentPassword,
        newPassword,
        confirmPassword,
        userAgent: req.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, session.sessionToken, cookieOpts);
      return reply.flashRedirect('/console', '密码已修改。其他设备上的登录已全部退出。');
    } catch (e) {
      if (!isAppError(e)) throw e;
      return reply.page(
        <PasswordPage view={reply.view()} errors={e.errors} forced={!!req.actor.mustChangePassword} />,
        e.status,
      );
    }
  });
}
