import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, Empty, ErrorSummary, SelectField, TextArea, TextField } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Form, IdParams, Int, Params, Text, Type, typed, OptChosen } from '../../platform/http/schemas.js';
import type { Ctx } from '../../platform/context.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { assertAllowed } from '../guard.js';
import { rolesAllow, scopePaths } from '../../orgs/index.js';
import {
  canPublish,
  PUBLISH_ROLES,
  ADOPTION,
  PHASE_LABELS,
  type Adoption,
  periodDetail,
  periodSummaries,
  openCommentPeriod,
  type OpenPeriodInput,
  moderateComment,
  publishFeedback,
  readInteractionSettings,
  messageOrgOptions,
} from '../../interaction/index.js';

const MODERATION: Record<string, string> = { pending: '待审核', approved: '已显示', rejected: '不予显示' };

function NewPage({
  view,
  orgs,
  minDays,
  values,
  errors,
}: {
  view: ViewCtx;
  orgs: Array<[string, string]>;
  minDays: number;
  values: OpenPeriodInput;
  errors?: FieldError[];
}) {
  return (
    <ConsoleLayout view={view} title="发布意见征集">
      <p>
        <a href="/console/consultations">← 返回意见征集</a>
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action="/console/consultations/new">
        <CsrfField token={view.csrf} />
        <SelectField
          name="orgId"
          label="征集机关"
          required
          value={values.orgId ? String(values.orgId) : ''}
          options={orgs}
          placeholder="请选择"
          errors={errors}
        />
        <TextField name="title" label="草案名称" required value={values.title} errors={errors} />
        <TextField name="startOn" label="开始日期" required value={values.startOn} hint="年-月-日" errors={errors} />
        <TextField
          name="endOn"
          label="截止日期"
          required
          value={values.endOn}
          hint={`征集期限不少于 ${minDays} 日（系统设置）。`}
          errors={errors}
        />
        <TextField name="catalogRef" label="关联目录信息索引号（可不填）" value={values.catalogRef} errors={errors} />
        <TextArea
          name="draftText"
          label="草案全文"
          value={values.draftText}
          rows={12}
          hint="以“第一条”“第二条”开头的行分为条款，公众可逐条发表意见。"
          errors={errors}
        />
        <button type="submit">发布</button>
      </form>
    </ConsoleLayout>
  );
}

async function detailPage(ctx: Ctx, view: ViewCtx, id: number, errors?: FieldError[]) {
  const d = await periodDetail(ctx, id, 'staff');
  const p = d.period;
  const approved = d.comments.filter((c) => c.moderation === 'approved');
  const manage = canPublish(view.actor, p.org_path);
  return (
    <ConsoleLayout view={view} title={p.title} wide>
      <p>
        <a href="/console/consultations">← 返回意见征集</a> · <a href={`/hd/consultations/${p.id}`}>门户页面</a>
      </p>
      <ErrorSummary errors={errors} />
      <dl class="meta">
        <dt>机关</dt>
        <dd>{p.org_name}</dd>
        <dt>征集时间</dt>
        <dd>
          {p.start_on} 至 {p.end_on}（{PHASE_LABELS[d.phase]}）
        </dd>
        <dt>反馈期限</dt>
        <dd data-testid="feedback-due">
          {d.feedbackDueOn ?? '—'}
          {d.feedbackLate ? <span class="badge bad">反馈逾期</span> : null}
        </dd>
      </dl>
      <h2>意见（{d.comments.length}）</h2>
      {d.comments.length ? (
        <table>
          <thead>
            <tr>
              <th>编号</th>
              <th>条款</th>
              <th>内容</th>
              <th>提出人</th>
              <th>状态</th>
              <th>审核</th>
            </tr>
          </thead>
          <tbody>
            {d.comments.map((c) => (
              <tr>
                <td>{c.id}</td>
                <td>
                  {c.article_no ? (d.articles.find((a) => a.no === c.article_no)?.heading ?? c.article_no) : '全文'}
                </td>
                <td>{c.content}</td>
                <td>
                  {c.name ?? '匿名'} {c.phone ?? ''}
                </td>
                <td>
                  {MODERATION[c.moderation] ?? c.moderation}
                  {c.adoption ? ` · ${ADOPTION[c.adoption as Adoption]}` : ''}
                </td>
                <td>
                  {manage && c.moderation === 'pending' && !p.feedback_published_on ? (
                    <form method="post" action={`/console/consultations/${p.id}/comments/${c.id}`} class="inline">
                      <CsrfField token={view.csrf} />
                      <button type="submit" name="decision" value="approved">
                        显示
                      </button>{' '}
                      <button type="submit" name="decision" value="rejected" class="secondary">
                        不予显示
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Empty>还没有意见。</Empty>
      )}
      {manage && d.phase === 'closed' ? (
        <section>
          <h2>公布意见采纳情况</h2>
          <form method="post" action={`/console/consultations/${p.id}/feedback`}>
            <CsrfField token={view.csrf} />
            {approved.map((c) => (
              <fieldset>
                <legend>
                  第 {c.id} 条意见：{c.content.slice(0, 60)}
                </legend>
                <SelectField
                  name={`adoption_${c.id}`}
                  label="采纳情况"
                  required
                  options={Object.entries(ADOPTION)}
                  placeholder="请选择"
                  errors={errors}
                />
                <TextField name={`reason_${c.id}`} label="理由" errors={errors} />
              </fieldset>
            ))}
            <TextArea name="feedbackText" label="采纳情况说明" required rows={5} errors={errors} />
            <button type="submit">公布</button>
          </form>
        </section>
      ) : null}
      {p.feedback_text ? (
        <section>
          <h2>已公布的采纳情况（{p.feedback_published_on}）</h2>
          <p>{p.feedback_text}</p>
        </section>
      ) : null}
    </ConsoleLayout>
  );
}

const NewPeriodForm = Form({
  orgId: OptChosen('征集机关'),
  title: Text('草案名称'),
  startOn: Text('开始日期'),
  endOn: Text('截止日期'),
  catalogRef: Text('关联目录信息索引号'),
  draftText: Text('草案全文'),
});
const CommentParams = Params({ id: Int('意见征集编号'), cid: Int('意见编号') });
const ModerateForm = Form({ decision: Text('审核') });
/** The feedback: a summary, and for each approved comment `adoption_<编号>` (采纳情况) and `reason_<编号>` (理由). */
const FeedbackForm = Type.Intersect([
  Form({ feedbackText: Text('采纳情况说明') }),
  Type.Record(Type.String({ pattern: '^(adoption|reason)_\\d{1,9}$' }), Type.String({ title: '采纳情况' })),
]);

/** Console: comment periods — open, moderate comments, publish the feedback; late feedback flagged. */
export async function consultationsRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/consultations', async (req, reply) => {
    const paths = scopePaths(req.actor, [...PUBLISH_ROLES, 'supervisor']);
    assertAllowed(paths.length > 0);
    const items = await periodSummaries(req.ctx, paths);
    return reply.page(
      <ConsoleLayout view={reply.view()} title="意见征集" wide>
        {rolesAllow(req.actor, PUBLISH_ROLES) ? (
          <p>
            <a href="/console/consultations/new">发布意见征集</a>
          </p>
        ) : null}
        {items.length ? (
          <table>
            <thead>
              <tr>
                <th>草案</th>
                <th>机关</th>
                <th>征集时间</th>
                <th>状态</th>
                <th>反馈期限</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr>
                  <td>
                    <a href={`/console/consultations/${s.period.id}`}>{s.period.title}</a>
                  </td>
                  <td>{s.period.org_name}</td>
                  <td>
                    {s.period.start_on} 至 {s.period.end_on}
                  </td>
                  <td>{PHASE_LABELS[s.phase]}</td>
                  <td>
                    {s.feedbackDueOn ?? '—'}
                    {s.feedbackLate ? <span class="badge bad">反馈逾期</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>还没有意见征集。</Empty>
        )}
      </ConsoleLayout>,
    );
  });

  r.get('/console/consultations/new', async (req, reply) => {
    assertAllowed(rolesAllow(req.actor, PUBLISH_ROLES));
    const s = await readInteractionSettings(req.ctx.db);
    return reply.page(
      <NewPage
        view={reply.view()}
        orgs={await messageOrgOptions(req.ctx, (path) => canPublish(req.actor, path))}
        minDays={s.commentMinDays}
        values={{}}
      />,
    );
  });

  r.post('/console/consultations/new', { schema: { body: NewPeriodForm } }, async (req, reply) => {
    const { orgId, title, startOn, endOn, catalogRef, draftText } = req.body;
    const values: OpenPeriodInput = { orgId, title, startOn, endOn, catalogRef, draftText };
    try {
      const r = await openCommentPeriod(req.ctx, values);
      return reply.flashRedirect(`/console/consultations/${r.id}`, '意见征集已发布。');
    } catch (e) {
      if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'not_found')) throw e;
      const s = await readInteractionSettings(req.ctx.db);
      return reply.page(
        <NewPage
          view={reply.view()}
          orgs={await messageOrgOptions(req.ctx, (path) => canPublish(req.actor, path))}
          minDays={s.commentMinDays}
          values={values}
          errors={e.errors}
        />,
        400,
      );
    }
  });

  r.get('/console/consultations/:id', { schema: { params: IdParams } }, async (req, reply) =>
    reply.page(await detailPage(req.ctx, reply.view(), req.params.id)),
  );

  r.post(
    '/console/consultations/:id/comments/:cid',
    { schema: { params: CommentParams, body: ModerateForm } },
    async (req, reply) => {
      const { id, cid } = req.params;
      await moderateComment(req.ctx, { commentId: cid, decision: req.body.decision });
      return reply.flashRedirect(`/console/consultations/${id}`, '审核完成。');
    },
  );

  r.post(
    '/console/consultations/:id/feedback',
    { schema: { params: IdParams, body: FeedbackForm } },
    async (req, reply) => {
      const { id } = req.params;
      const b = req.body;
      const decisions = Object.keys(b)
        .filter((k) => /^adoption_\d{1,9}$/.test(k))
        .map((k) => {
          const cid = Number(k.slice('adoption_'.length));
          return { commentId: cid, adoption: b[k], reason: b[`reason_${cid}`] ?? '' };
        });
      try {
        const r = await publishFeedback(req.ctx, { periodId: id, feedbackText: b.feedbackText, decisions });
        return reply.flashRedirect(`/console/consultations/${id}`, `已公布采纳情况：共 ${r.counts.total} 条意见。`);
      } catch (e) {
        if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'conflict')) throw e;
        return reply.page(await detailPage(req.ctx, reply.view(), id, e.errors), e.status);
      }
    },
  );
}
