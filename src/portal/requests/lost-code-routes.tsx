/** 找回查询码: a new 查询码 sent to the e-mail address given in the application (no account needed). */
import type { FastifyInstance } from 'fastify';
import { LOOKUP_LIMIT } from '../../platform/http/limits.js';
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { CsrfField, ErrorSummary, TextField } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Form, Text, typed } from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { resetQueryCode } from '../../requests/index.js';

function LostCodePage({
  view,
  errors,
  requestNo,
  email,
}: {
  view: ViewCtx;
  errors?: FieldError[];
  requestNo?: string;
  email?: string;
}) {
  return (
    <PortalLayout view={view} title="找回查询码">
      <h1>找回查询码</h1>
      <ErrorSummary errors={errors} />
      <p>
        查询码只在提交申请时显示一次。填写申请编号和申请时留下的电子邮箱，我们会把新的查询码发送到该邮箱，原查询码随即失效。
      </p>
      <form method="post" action="/ysqgk/lost-code">
        <CsrfField token={view.csrf} />
        <TextField
          name="requestNo"
          label="申请编号"
          required
          value={requestNo ?? ''}
          hint="例如 YSQ-2026-000123"
          errors={errors}
        />
        <TextField
          name="email"
          label="申请时填写的电子邮箱"
          type="email"
          required
          value={email ?? ''}
          autocomplete="email"
          errors={errors}
        />
        <button type="submit">发送新的查询码</button>
      </form>
      <p class="muted">申请时没有留电子邮箱的，请携带身份证件联系受理机关（联系方式见该机关的政府信息公开指南）。</p>
    </PortalLayout>
  );
}

// Content rules (both required, the address's form) stay with resetQueryCode: the form is shown again with what was typed.
const LostCodeForm = Form({ requestNo: Text('申请编号'), email: Text('申请时填写的电子邮箱') });

export async function lostCodeRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/ysqgk/lost-code', async (_req, reply) => reply.page(<LostCodePage view={reply.view()} />));
  r.post('/ysqgk/lost-code', { schema: { body: LostCodeForm }, ...LOOKUP_LIMIT }, async (req, reply) => {
    const { requestNo, email } = req.body;
    try {
      await resetQueryCode(req.ctx, { requestNo, email });
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'invalid') throw e;
      return reply.page(
        <LostCodePage view={reply.view()} errors={e.errors} requestNo={requestNo} email={email} />,
        400,
      );
    }
    // The same answer whether or not number and address match (nothing to learn by guessing).
    return reply.flashRedirect(
      '/ysqgk/status',
      '如申请编号与邮箱和申请时填写的一致，新的查询码已发送到该邮箱（原查询码已失效）。请查收邮件后凭新查询码查询。',
    );
  });
}
