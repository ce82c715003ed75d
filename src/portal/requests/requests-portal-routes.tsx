import type { FastifyInstance } from 'fastify';
import { LOOKUP_LIMIT, PUBLIC_FORM_LIMIT } from '../../platform/http/limits.js';
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { CsrfField, ErrorSummary, TextField } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Checkbox, Form, OptText, Text, ticked, typed, OptInt } from '../../platform/http/schemas.js';
import { postedTexts, refusedBody } from '../../platform/http/form-refusal.js';
import { conflict, invalid, isAppError, type FieldError } from '../../platform/errors.js';
import { agencyOptions } from '../../orgs/index.js';
import {
  submitOnline,
  publicStatus,
  withdrawRequest,
  confirmOralByApplicant,
  ApplicationFields,
  APPLICATION_FIELDS,
  applicationValues,
  type ApplicationFormValues,
  applicantRelease,
  isOpenState,
  LetterDocument,
  letterDocx,
  letterFileName,
  matchPublished,
  type PublishedMatch,
  IdProofField,
  FormTokenField,
  readApplicationUpload,
  uploadedProofs,
  idProofLimitMb,
} from '../../requests/index.js';
import { StatusView } from './status-view.js';
import { ReleaseDownloads } from './release-downloads.js';
import { WithdrawConfirm } from './withdraw-confirm.js';
import { lostCodeRoutes } from './lost-code-routes.js';
import { ReceiptPage } from './receipt-view.js';
import { uploadForm } from '../../platform/http/upload-form.js';

/** Wrong 查询码 guesses are rate-limited per client (10 a minute). */

const ApplyQuery = Form({ org: OptInt('受理机关') });
// `check`: the “先查找是否已主动公开” button; `confirmed`: the matches were shown and the applicant submits anyway.
const ApplyForm = Form({
  ...APPLICATION_FIELDS,
  check: Checkbox('先查找是否已主动公开'),
  confirmed: Checkbox('已查看可能已主动公开的信息'),
});
const LookupForm = Form({ requestNo: Text('申请编号'), queryCode: Text('查询码') });
const LetterForm = Form({
  requestNo: Text('申请编号'),
  queryCode: Text('查询码'),
  n: OptInt('文书', { minimum: 0 }),
  format: OptText('格式'),
});
const OralConfirmForm = Form({
  requestNo: Text('申请编号'),
  queryCode: Text('查询码'),
  agree: Checkbox('我已核对，以上内容是我提出的申请'),
});
const WithdrawForm = Form({
  requestNo: Text('申请编号'),
  queryCode: Text('查询码'),
  confirm: Checkbox('确认撤回'),
  reason: Text('撤回理由'),
});

function ApplyPage({
  view,
  orgs,
  values,
  errors,
  matches,
  maxMb,
  reselect,
}: {
  view: ViewCtx;
  orgs: Array<[string, string]>;
  values?: Partial<ApplicationFormValues>;
  errors?: FieldError[];
  matches?: PublishedMatch[];
  maxMb: number;
  reselect?: boolean;
}) {
  return (
    <PortalLayout view={view} title="依申请公开">
      <h1>政府信息公开申请</h1>
      <p>
        公民、法人或者其他组织可以向行政机关申请获取政府信息（《中华人民共和国政府信息公开条例》第二十七条）。行政机关收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，需要延长的，经负责人同意可延长不超过20个工作日（第三十三条）。
      </p>
      <p>
        网上提交的申请，以受理机关与您确认之日为收到申请之日（第三十一条）。已提交申请的，可
        <a href="/ysqgk/status">查询办理进度</a>。
      </p>
      <p class="muted">提交前建议先在“政府信息公开”栏目检索，您需要的信息可能已经主动公开。</p>
      <ErrorSummary errors={errors} />
      {matches ? (
        <section class="warning" aria-labelledby="pub-h" data-testid="matches">
          <h2 id="pub-h">{matches.length ? '这些信息可能已经主动公开' : '没有找到已主动公开的相关信息'}</h2>
          {matches.length ? (
            <>
              <ul>
                {matches.map((m) => (
                  <li>
                    <a href={m.url}>{m.title}</a>{' '}
                    <span class="muted">{[m.orgName, m.publishedOn].filter(Boolean).join(' · ')}</span>
                  </li>
                ))}
              </ul>
              <p>已经主动公开的信息可直接查阅。如仍需申请，请核对下方内容后再次点击“提交申请”。</p>
            </>
          ) : null}
        </section>
      ) : null}
      <form method="post" action="/ysqgk" enctype="multipart/form-data">
        <CsrfField token={view.csrf} />
        <FormTokenField />
        {matches ? <input type="hidden" name="confirmed" value="1" /> : null}
        <ApplicationFields v={values ?? {}} errors={errors} orgs={orgs} />
        <IdProofField maxMb={maxMb} errors={errors} reselect={reselect} />
        <button type="submit" name="check" value="1" class="secondary">
          先查找是否已主动公开
        </button>{' '}
        <button type="submit">提交申请</button>
      </form>
    </PortalLayout>
  );
}

/** The application form sent again (the receipt page refreshed): the application it already is, and where to follow it. */
function AlreadySentPage({ view, message }: { view: ViewCtx; message: string }) {
  return (
    <PortalLayout view={view} title="申请已提交">
      <h1>申请已提交</h1>
      <p data-testid="already-sent">{message}</p>
      <p>
        查询码只在第一次提交后显示。请凭申请编号和查询码<a href="/ysqgk/status">查询办理进度</a>；查询码遗失的，可
        <a href="/ysqgk/lost-code">找回查询码</a>。
      </p>
    </PortalLayout>
  );
}

function StatusForm({ view, errors, requestNo }: { view: ViewCtx; errors?: FieldError[]; requestNo?: string }) {
  return (
    <PortalLayout view={view} title="申请办理进度查询">
      <h1>申请办理进度查询</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action="/ysqgk/status">
        <CsrfField token={view.csrf} />
        <TextField name="requestNo" label="申请编号" required value={requestNo ?? ''} hint="例如 YSQ-2026-000123" />
        <TextField name="queryCode" label="查询码" required hint="提交申请时显示的10位查询码。" autocomplete="off" />
        <button type="submit">查询</button>
      </form>
      <p>
        <a href="/ysqgk/lost-code">忘记查询码？</a>
      </p>
    </PortalLayout>
  );
}

/** Portal: the application form, the receipt, the status page and withdrawal. */
export async function requestsPortalRoutes(app: FastifyInstance): Promise<void> {
  await lostCodeRoutes(app);
  const r = typed(app);
  r.get('/ysqgk', { schema: { querystring: ApplyQuery } }, async (req, reply) =>
    reply.page(
      <ApplyPage
        view={reply.view()}
        orgs={await agencyOptions(req.ctx.db)}
        maxMb={await idProofLimitMb(req.ctx)}
        values={{ orgId: req.query.org }}
      />,
    ),
  );

  // The form with identity proofs is a multipart post and keeps its streaming reader: the reader puts
  // the text fields in req.body before validation (upload-fields.ts), so one schema types the multipart
  // and the plain post; the files are read from the upload form (uploadedProofs).
  r.post(
    '/ysqgk',
    {
      schema: { body: ApplyForm },
      preValidation: readApplicationUpload,
      attachValidation: true,
      ...PUBLIC_FORM_LIMIT,
    },
    async (req, reply) => {
      // The form again, with what was typed; a re-shown form cannot keep a chosen file: say so when one was sent.
      const again = async (
        values: Partial<ApplicationFormValues>,
        more: { errors?: FieldError[]; matches?: PublishedMatch[] },
        status = 400,
      ) =>
        reply.page(
          <ApplyPage
            view={reply.view()}
            orgs={await agencyOptions(req.ctx.db)}
            values={values}
            {...more}
            maxMb={await idProofLimitMb(req.ctx)}
            reselect={(uploadForm(req).byField.idProof ?? []).length > 0}
          />,
          status,
        );
      const refused = refusedBody(req);
      if (refused) return again({ ...postedTexts(req), orgId: undefined }, { errors: refused });
      const values = applicationValues(req.body);
      const check = ticked(req.body.check);
      // Before the first submission, show published items that may already hold the information.
      if (check || !ticked(req.body.confirmed)) {
        const matches = await matchPublished(req.ctx, values);
        if (check || matches.length) return again(values, { matches }, 200);
      }
      try {
        const idProofs = await uploadedProofs(req);
        const sent = await submitOnline(req.ctx, { ...values, idProofs, formKey: req.body.formToken });
        // The 查询码 exists only in this response: it is stored hashed.
        const st = await publicStatus(req.ctx, { requestNo: sent.requestNo, queryCode: sent.queryCode });
        return reply.header('cache-control', 'no-store').page(
          <ReceiptPage
            view={reply.view()}
            r={{
              requestNo: sent.requestNo,
              queryCode: sent.queryCode,
              orgName: st.orgName,
              submittedAt: st.submittedAt,
              asked: st.asked,
            }}
          />,
        );
      } catch (e) {
        if (isAppError(e) && e.errors[0]?.code === 'duplicate_submission')
          return reply.page(<AlreadySentPage view={reply.view()} message={e.errors[0].message} />, 409);
        if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'not_found')) throw e;
        const errors = e.kind === 'not_found' ? e.errors.map((x) => ({ ...x, field: 'orgId' })) : e.errors;
        return again(values, { errors });
      }
    },
  );

  r.get('/ysqgk/status', async (_req, reply) => reply.page(<StatusForm view={reply.view()} />));

  r.post('/ysqgk/status', { schema: { body: LookupForm }, ...LOOKUP_LIMIT }, async (req, reply) => {
    const { requestNo, queryCode } = req.body;
    try {
      const st = await publicStatus(req.ctx, { requestNo, queryCode });
      const view = reply.view();
      return reply.page(
        <PortalLayout view={view} title="申请办理进度">
          <h1>申请办理进度</h1>
          <StatusView st={st} csrf={view.csrf} queryCode={queryCode}>
            <ReleaseDownloads
              release={await applicantRelease(req.ctx, { requestNo, queryCode })}
              requestNo={st.requestNo}
              queryCode={queryCode}
              csrf={view.csrf}
            />
          </StatusView>
        </PortalLayout>,
      );
    } catch (e) {
      if (!isAppError(e) || e.code !== 'request_lookup_failed') throw e;
      return reply.page(<StatusForm view={reply.view()} errors={e.errors} requestNo={requestNo} />, 404);
    }
  });

  r.post('/ysqgk/letter', { schema: { body: LetterForm }, ...LOOKUP_LIMIT }, async (req, reply) => {
    const { requestNo, queryCode, n } = req.body;
    try {
      const st = await publicStatus(req.ctx, { requestNo, queryCode });
      const letter = n === undefined ? undefined : st.letters[n];
      if (!letter)
        return reply.page(
          <StatusForm
            view={reply.view()}
            errors={[{ code: 'letter_not_found', message: '文书不存在。' }]}
            requestNo={requestNo}
          />,
          404,
        );
      if (req.body.format === 'docx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(letterFileName(letter))}`)
          .send(await letterDocx(letter));
      }
      return reply.page(<LetterDocument letter={letter} />);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'request_lookup_failed') throw e;
      return reply.page(<StatusForm view={reply.view()} errors={e.errors} requestNo={requestNo} />, 404);
    }
  });

  r.post('/ysqgk/oral-confirm', { schema: { body: OralConfirmForm }, ...LOOKUP_LIMIT }, async (req, reply) => {
    const { requestNo, queryCode } = req.body;
    try {
      if (!ticked(req.body.agree))
        throw invalid('oral_confirm_agree', '请先勾选“我已核对，以上内容是我提出的申请”。', 'agree');
      const confirmed = await confirmOralByApplicant(req.ctx, { requestNo, queryCode });
      return reply.flashRedirect(
        '/ysqgk/status',
        `申请 ${confirmed.requestNo} 已确认，答复期限 ${confirmed.dueOn ?? '待定'}。`,
      );
    } catch (e) {
      if (!isAppError(e) || (e.code !== 'request_lookup_failed' && e.kind !== 'conflict' && e.kind !== 'invalid'))
        throw e;
      return reply.page(<StatusForm view={reply.view()} errors={e.errors} requestNo={requestNo} />, e.status);
    }
  });

  r.post('/ysqgk/withdraw', { schema: { body: WithdrawForm }, ...LOOKUP_LIMIT }, async (req, reply) => {
    const { requestNo, queryCode, reason } = req.body;
    try {
      if (!ticked(req.body.confirm)) {
        const st = await publicStatus(req.ctx, { requestNo, queryCode });
        if (!isOpenState(st.state)) throw conflict('request_not_open', '这件申请已办结或已撤回，不能撤回。');
        return reply
          .header('cache-control', 'no-store')
          .page(<WithdrawConfirm view={reply.view()} st={st} queryCode={queryCode} />);
      }
      await withdrawRequest(req.ctx, { requestNo, queryCode, reason });
      return reply.flashRedirect('/ysqgk/status', `申请 ${requestNo} 已撤回。`);
    } catch (e) {
      if (!isAppError(e) || (e.code !== 'request_lookup_failed' && e.kind !== 'conflict')) throw e;
      return reply.page(<StatusForm view={reply.view()} errors={e.errors} requestNo={requestNo} />, e.status);
    }
  });
}
