import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, SelectField, TextField } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Form, Text, typed } from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { scopePaths } from '../../orgs/index.js';
import { assertAllowed } from '../guard.js';
import {
  HANDLE_ROLES,
  registerRequest,
  requestAgencies,
  CHANNELS,
  ApplicationFields,
  APPLICATION_FIELDS,
  applicationValues,
  type ApplicationFormValues,
  IdProofField,
  FormTokenField,
  requestByFormKey,
  readApplicationUpload,
  uploadedProofs,
  idProofLimitMb,
} from '../../requests/index.js';

type Values = Partial<ApplicationFormValues> & { channel?: string; receivedOn?: string };

const CHANNEL_OPTIONS: Array<[string, string]> = Object.entries(CHANNELS)
  .filter(([k]) => k !== 'online')
  .map(([k, c]) => [k, `${c.label}：${c.receiptRule}`]);

function NewPage({
  view,
  orgs,
  values,
  errors,
  maxMb,
  reselect,
}: {
  view: ViewCtx;
  orgs: Array<[string, string]>;
  values?: Values;
  errors?: FieldError[];
  maxMb: number;
  reselect?: boolean;
}) {
  const v = values ?? {};
  return (
    <ConsoleLayout view={view} title="登记政府信息公开申请">
      <p class="muted">
        适用于当面提交、邮寄、平常信函、传真、电子邮件和口头提出（由工作人员代为填写，申请人确认）的申请。网上提交的申请请在“网上申请待确认”队列中确认收到。
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/console/requests/new" enctype="multipart/form-data">
        <CsrfField token={view.csrf} />
        <FormTokenField />
        <SelectField
          name="channel"
          label="申请渠道（条例第三十一条）"
          required
          value={v.channel ?? 'in_person'}
          options={CHANNEL_OPTIONS}
          errors={errors}
        />
        <TextField
          name="receivedOn"
          label="收到申请之日"
          type="date"
          hint="按所选渠道的规则确定，不填为今天。口头提出的，填提出之日：申请人确认记录内容之日才是收到申请之日。"
          value={v.receivedOn ?? ''}
          errors={errors}
        />
        <ApplicationFields v={v} errors={errors} orgs={orgs} />
        <IdProofField maxMb={maxMb} errors={errors} reselect={reselect} />
        <button type="submit">登记</button>
      </form>
    </ConsoleLayout>
  );
}

/**
 * The registration form: the application's fields (application-form.schemas.ts) and its own; the identity
 * proofs come with them. Sent as multipart (with files) or url-encoded: the upload reader puts a multipart form's
 * fields in the body, trimmed and with empty fields absent like any form, before the schema reads them.
 */
const RegisterForm = Form({ ...APPLICATION_FIELDS, channel: Text('申请渠道'), receivedOn: Text('收到申请之日') });

/** Console: staff register an application received by another channel. */
export async function requestNewRoutes(app: FastifyInstance): Promise<void> {
  const route = typed(app);
  const orgsFor = async (req: FastifyRequest) => {
    assertAllowed(scopePaths(req.actor, HANDLE_ROLES).length > 0);
    return (await requestAgencies(req.ctx, 'handle')).map((o): [string, string] => [String(o.id), o.name]);
  };

  route.get('/console/requests/new', async (req, reply) =>
    reply.page(<NewPage view={reply.view()} orgs={await orgsFor(req)} maxMb={await idProofLimitMb(req.ctx)} />),
  );

  route.post(
    '/console/requests/new',
    { schema: { body: RegisterForm }, preValidation: readApplicationUpload },
    async (req, reply) => {
      const orgs = await orgsFor(req);
      const values = { ...applicationValues(req.body), channel: req.body.channel, receivedOn: req.body.receivedOn };
      let reselect = false;
      try {
        const idProofs = await uploadedProofs(req);
        reselect = idProofs.length > 0;
        const r = await registerRequest(req.ctx, { ...values, idProofs, formKey: req.body.formToken });
        // The 查询码 is shown once, here, to hand to the applicant; it is stored hashed.
        return reply.page(
          <ConsoleLayout view={reply.view()} title="申请已登记">
            <dl class="meta">
              <dt>申请编号</dt>
              <dd data-testid="request-no">{r.requestNo}</dd>
              <dt>查询码（只显示这一次，请告知申请人）</dt>
              <dd>
                <pre class="secret" data-testid="query-code">
                  {r.queryCode}
                </pre>
              </dd>
              <dt>答复期限</dt>
              <dd data-testid="due">{r.dueOn ?? '待定'}</dd>
            </dl>
            {values.channel === 'oral' ? (
              <p class="warning" data-testid="oral-next">
                口头申请须经申请人确认：请<a href={`/console/requests/${r.id}/oral-sheet`}>打印确认单</a>（
                <a href={`/console/requests/${r.id}/oral-sheet.docx`}>DOCX</a>
                ）交申请人核对签字，再在申请页面记录签字日期；或请申请人凭申请编号和查询码在网站上确认。确认之日为收到申请之日。
              </p>
            ) : null}
            <p>
              <a href={`/console/requests/${r.id}`}>打开申请</a>
            </p>
          </ConsoleLayout>,
        );
      } catch (e) {
        // The form sent again (the page refreshed after registering): open the case it already is.
        const duplicate = isAppError(e) && e.errors[0]?.code === 'duplicate_submission';
        const sent = duplicate && req.body.formToken ? await requestByFormKey(req.ctx.db, req.body.formToken) : null;
        if (sent && isAppError(e)) return reply.flashRedirect(`/console/requests/${sent.id}`, e.errors[0]!.message);
        if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'not_found')) throw e;
        const errors = e.kind === 'not_found' ? e.errors.map((x) => ({ ...x, field: 'orgId' })) : e.errors;
        return reply.page(
          <NewPage
            view={reply.view()}
            orgs={orgs}
            values={values}
            errors={errors}
            maxMb={await idProofLimitMb(req.ctx)}
            reselect={reselect}
          />,
          400,
        );
      }
    },
  );
}
