import { today } from '../../platform/context.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { ErrorSummary, SelectField, TextField, beijingTime } from '../../platform/views/components.js';
import {
  APPEAL_KINDS,
  APPEAL_RESULTS,
  staffCase,
  type StaffCase,
  isOpenState,
  stateLabel,
  outcomeText,
  APPLICANT_TYPES,
  DELIVERY_METHODS,
  ID_TYPES,
  INFO_FORMS,
  ORG_APPLICANT_KINDS,
  CHANNELS,
  caseFormChoices,
  LetterDocument,
  letterDocx,
  letterFileName,
  readApplicationUpload,
  uploadedProofs,
  idProofLimitMb,
  addIdProofs,
} from '../../requests/index.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { isAppError, notFound, type FieldError } from '../../platform/errors.js';
import type { Ctx } from '../../platform/context.js';
import { ActionForms } from './request-actions.js';
import { Act, PostedActionContext, actionIdPrefix, type PostedAction } from './action-form.js';
import { requestActionRoutes } from './request-action-routes.js';
import { IdParams, Int, Params, Type, typed } from '../../platform/http/schemas.js';
import { DeadlineSetNote, IdProofList } from './case-extras.js';
import { DepartmentsSection, requestDepartmentRoutes } from './request-departments.js';
import { ProvisionalNote } from '../../platform/views/provisional.js';
import { provisionalNote, provisionalYears } from '../../calendar/index.js';

const label = <T extends Record<string, string>>(m: T, k: string | null): string =>
  k && Object.hasOwn(m, k) ? m[k as keyof T] : (k ?? '—');

function CasePage({
  view,
  c,
  ctx,
  handlers,
  agencies,
  sections,
  errors,
  posted,
  maxMb,
}: {
  view: ViewCtx;
  c: StaffCase;
  ctx: Pick<Ctx, 'actor' | 'now'>;
  handlers: Array<{ id: number; display_name: string }>;
  agencies: Array<[string, string]>;
  sections: Array<{ id: number; name: string }>;
  errors?: FieldError[];
  /** A refused action form: shown open with what was typed. */
  posted?: PostedAction;
  maxMb: number;
}) {
  const r = c.request;
  const res = c.clock.result;
  return (
    <ConsoleLayout view={view} title={`申请 ${r.request_no}`} wide>
      <p>
        <a href="/console/requests">← 返回依申请公开</a>
      </p>
      <ErrorSummary errors={errors} idPrefix={posted ? actionIdPrefix(posted.slug, posted.instance) : undefined} />
      <dl class="meta">
        <dt>受理机关</dt>
        <dd>{r.org_name}</dd>
        <dt>状态</dt>
        <dd data-testid="state">{stateLabel(r.state)}</dd>
        <dt>申请渠道</dt>
        <dd>{label(Object.fromEntries(Object.entries(CHANNELS).map(([k, v]) => [k, v.label])), r.channel)}</dd>
        <dt>提交时间</dt>
        <dd>{beijingTime(r.submitted_at)}</dd>
        <dt>收到申请之日</dt>
        <dd>{r.received_on ?? '待确认'}</dd>
        <dt>答复期限</dt>
        <dd data-testid="due">
          {res?.dueOn ?? r.due_on ?? '—'}
          {res?.dueOnProvisional ? '（暂停计时中，期限将顺延）' : ''}
          {res?.overdue ? <span class="badge bad">已超期 {res.overdueWorkingDays} 个工作日</span> : null}
          {res?.calendarProvisional ? (
            <ProvisionalNote note={provisionalNote(provisionalYears(res.provisionalDates))} />
          ) : null}
        </dd>
        <DeadlineSetNote c={c} />
        <dt>办理人</dt>
        <dd>{r.handler_name ?? '未分派'}</dd>
        {r.outcome_code ? (
          <>
            <dt>办理结果</dt>
            <dd>
              {outcomeText(r.outcome_code)}（{r.outcome_basis}）
            </dd>
          </>
        ) : null}
      </dl>
      {c.remediesMissing.length && isOpenState(r.state) ? (
        <p class="warning" data-testid="remedies-missing">
          本机关的文书设置尚未填写{c.remediesMissing.join('和')}：答复书的救济途径将不写明具体机关。请依申请公开负责人在
          <a href={`/console/requests/letter-templates?org=${r.org_id}`}>文书模板与协办期限</a>页面填写。
        </p>
      ) : null}
      {c.similar.length ? (
        <p class="warning" data-testid="similar">
          该申请人曾申请相同信息：
          {c.similar.map((s) => (
            <>
              <a href={`/console/requests/${s.id}`}>{s.request_no}</a>（{stateLabel(s.state)}）{' '}
            </>
          ))}
          ——如已作出答复，可按重复申请处理（第三十六条第（六）项）。
        </p>
      ) : null}
      <h2>
        申请人
        {c.personalDataVisible ? '' : <span class="muted">（个人信息已隐藏：仅本案办理人和依申请公开负责人可见）</span>}
      </h2>
      <dl class="meta">
        <dt>类型</dt>
        <dd>
          {label(APPLICANT_TYPES, r.applicant_type)}
          {r.applicant_kind ? `（${label(ORG_APPLICANT_KINDS, r.applicant_kind)}）` : ''}
        </dd>
        <dt>姓名或名称</dt>
        <dd>{r.applicant_name}</dd>
        <dt>{label(ID_TYPES, r.id_type)}</dt>
        <dd data-testid="id-number">{r.id_number}</dd>
        <dt>联系电话</dt>
        <dd data-testid="phone">{r.phone ?? '—'}</dd>
        <dt>电子邮箱</dt>
        <dd>{r.email ?? '—'}</dd>
        <dt>通信地址</dt>
        <dd>{r.address ?? '—'}</dd>
      </dl>
      <IdProofList c={c} csrf={view.csrf} maxMb={maxMb} errors={errors} />
      {c.personalDataVisible ? (
        <p>
          <a href={`/console/requests/${r.id}/release`} data-testid="release-link">
            提供材料（附件、区分处理与审核）
          </a>
        </p>
      ) : null}
      <h2>所需信息</h2>
      <dl class="meta">
        <dt>名称</dt>
        <dd>{r.info_title ?? '—'}</dd>
        <dt>文号或索引号</dt>
        <dd>{r.info_ref ?? '—'}</dd>
        <dt>内容描述</dt>
        <dd>{r.info_description ?? '—'}</dd>
        <dt>载体形式 / 获取方式</dt>
        <dd>
          {label(INFO_FORMS, r.info_form)} / {label(DELIVERY_METHODS, r.delivery)}
        </dd>
      </dl>
      {res ? (
        <>
          <h2>期限计算</h2>
          <ol class="steps">
            {res.steps.map((s) => (
              <li>{s}</li>
            ))}
          </ol>
          {res.warnings.length ? (
            <ul class="warning">
              {res.warnings.map((w) => (
                <li>{w.message}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : c.clock.problem ? (
        <p class="warning">{c.clock.problem.message}</p>
      ) : null}
      {r.answer_text ? (
        <>
          <h2>答复书正文</h2>
          <pre>{r.answer_text}</pre>
        </>
      ) : null}
      {c.letters.length ? (
        <>
          <h2>文书</h2>
          <ul>
            {c.letters.map((l, i) => (
              <li>
                {l.date} <a href={`/console/requests/${r.id}/letters/${i}`}>{l.title}（可打印）</a> ·{' '}
                <a href={`/console/requests/${r.id}/letters/${i}.docx`}>DOCX</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <PostedActionContext.Provider value={posted ?? null}>
        <DepartmentsSection
          r={r}
          departments={c.departments}
          sections={sections}
          ctx={ctx}
          csrf={view.csrf}
          today={today(ctx)}
        />
        <ActionForms
          r={r}
          ctx={ctx}
          csrf={view.csrf}
          handlers={handlers}
          asked={c.extensionRequest}
          extended={c.history.some((e) => e.type === 'extended')}
          agencies={agencies}
          abandoned={c.clock.result?.state === 'abandoned'}
        />
        {c.history.some((e) => e.type === 'appeal') ? (
          <>
            <h2>行政复议、行政诉讼</h2>
            <ul>
              {c.history
                .filter((e) => e.type === 'appeal')
                .map((e) => {
                  const latest = [...c.history]
                    .reverse()
                    .find((x) => x.type === 'appeal_result' && Number(x.payload.appealId) === e.id);
                  const result = String((latest ?? e).payload.result ?? 'pending');
                  const decidedOn = String((latest ?? e).payload.decidedOn ?? '');
                  return (
                    <li>
                      {label(APPEAL_KINDS, String(e.payload.kind))}：{String(e.payload.body ?? '')}，
                      {String(e.payload.filedOn ?? '')}
                      {e.payload.afterReconsideration === true ? '（复议后起诉）' : ''} —{' '}
                      <strong>{label(APPEAL_RESULTS, result)}</strong>
                      {decidedOn ? `（${decidedOn} 审结）` : ''}
                      {c.personalDataVisible ? (
                        <Act
                          slug="appeal"
                          instance={{ name: 'appealId', value: String(e.id) }}
                          id={r.id}
                          csrf={view.csrf}
                          title="更新结果"
                          submit="更新结果"
                        >
                          <SelectField
                            name="result"
                            label="结果"
                            required
                            value={result}
                            options={Object.entries(APPEAL_RESULTS)}
                          />
                          <TextField
                            name="decidedOn"
                            label="审结日期"
                            type="date"
                            value={decidedOn}
                            hint="已审结的必填；尚未审结的不填。"
                          />
                        </Act>
                      ) : null}
                    </li>
                  );
                })}
            </ul>
          </>
        ) : null}
      </PostedActionContext.Provider>
      <h2>办理记录</h2>
      <ul>
        {c.history.map((e) => (
          <li>
            {e.on} {e.label}
            {e.type === 'answered' && typeof e.payload.delivery === 'string'
              ? `（送达：${label(DELIVERY_METHODS, e.payload.delivery)}${e.payload.trackingNo ? `，单号 ${String(e.payload.trackingNo)}` : ''}）`
              : ''}{' '}
            <span class="muted">
              {e.actor}
              {e.isPublic ? '' : ' · 内部'}
            </span>
          </li>
        ))}
      </ul>
    </ConsoleLayout>
  );
}

const LetterParams = Params({ id: Int('编号'), n: Type.String({ title: '文书' }) });

/** Console: one case, its clock and the action forms. */
export async function requestDetailRoutes(app: FastifyInstance): Promise<void> {
  const render = async (req: { ctx: Ctx }, id: number) => {
    const c = await staffCase(req.ctx, id);
    return { c, ...(await caseFormChoices(req.ctx, c.request.org_path)), maxMb: await idProofLimitMb(req.ctx) };
  };
  const errorPage = async (
    req: { ctx: Ctx },
    reply: FastifyReply,
    id: number,
    errors: FieldError[],
    status: number,
    form?: Omit<PostedAction, 'errors'>,
  ) => {
    const p = await render(req, id);
    const posted = form ? { ...form, errors } : undefined;
    return reply.page(<CasePage view={reply.view()} ctx={req.ctx} {...p} errors={errors} posted={posted} />, status);
  };
  await requestDepartmentRoutes(app, errorPage);
  await requestActionRoutes(app, errorPage);
  const r = typed(app);

  r.get('/console/requests/:id', { schema: { params: IdParams } }, async (req, reply) => {
    const p = await render(req, req.params.id);
    return reply.page(<CasePage view={reply.view()} ctx={req.ctx} {...p} />);
  });

  // 身份证明 handed in after the application: the same access and checks as at intake.
  // A multipart form: its fields and files are read by readApplicationUpload (a route-level preValidation), not by a body schema.
  r.post(
    '/console/requests/:id/id-proofs',
    { schema: { params: IdParams }, preValidation: readApplicationUpload },
    async (req, reply) => {
      const id = req.params.id;
      try {
        const { added } = await addIdProofs(req.ctx, { requestId: id, files: await uploadedProofs(req) });
        return reply.flashRedirect(`/console/requests/${id}`, `已补充身份证明文件 ${added} 个。`);
      } catch (e) {
        if (!isAppError(e) || e.kind !== 'invalid') throw e;
        return errorPage(req, reply, id, e.errors, e.status);
      }
    },
  );

  // `:n` is the letter's number, `3` for the printable page or `3.docx` for the Word file.
  r.get('/console/requests/:id/letters/:n', { schema: { params: LetterParams } }, async (req, reply) => {
    const c = await staffCase(req.ctx, req.params.id);
    const m = /^(\d+)(\.docx)?$/.exec(req.params.n);
    const letter = m ? c.letters[Number(m[1])] : undefined;
    if (!letter) throw notFound('letter_not_found', '文书不存在。');
    if (m?.[2]) {
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(letterFileName(letter))}`)
        .send(await letterDocx(letter));
    }
    return reply.page(<LetterDocument letter={letter} />);
  });
}
