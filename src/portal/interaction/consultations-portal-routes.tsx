import type { FastifyInstance } from 'fastify';
import { PUBLIC_FORM_LIMIT } from '../../platform/http/limits.js';
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { CsrfField, Empty, ErrorSummary, SelectField, TextArea, TextField } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Form, Text, typed, OptChosen, IdParams } from '../../platform/http/schemas.js';
import { PAGE_BY_ID, refusedFormOfPage, unknownPageIfBadParams } from '../page-input.js';
import { postedTexts } from '../../platform/http/form-refusal.js';
import { isAppError, notFound, type FieldError } from '../../platform/errors.js';
import {
  ADOPTION,
  PHASE_LABELS,
  type Adoption,
  periodDetail,
  periodSummaries,
  type PeriodSummary,
  submitComment,
} from '../../interaction/index.js';
import { registerSitemapSource } from '../sitemap-routes.js';

function PeriodList({ items }: { items: PeriodSummary[] }) {
  if (!items.length) return <Empty>暂无。</Empty>;
  return (
    <ul class="list">
      {items.map((s) => (
        <li>
          <a href={`/hd/consultations/${s.period.id}`}>{s.period.title}</a>{' '}
          <span class="muted">
            {s.period.org_name} · {s.period.start_on} 至 {s.period.end_on} · {PHASE_LABELS[s.phase]}
          </span>
        </li>
      ))}
    </ul>
  );
}

type Detail = Awaited<ReturnType<typeof periodDetail>>;

function DetailPage({
  view,
  d,
  errors,
  values,
}: {
  view: ViewCtx;
  d: Detail;
  errors?: FieldError[];
  values?: Record<string, string>;
}) {
  const p = d.period;
  const counts = { total: d.comments.length, adopted: 0, partly: 0, not_adopted: 0 } as Record<string, number>;
  for (const c of d.comments) if (c.adoption) counts[c.adoption] = (counts[c.adoption] ?? 0) + 1;
  const articleLabel = (n: number | null) => (n ? (d.articles.find((a) => a.no === n)?.heading ?? `第${n}条`) : '全文');
  return (
    <PortalLayout view={view} title={p.title}>
      <h1>{p.title}</h1>
      <p class="muted">
        {p.org_name} · 征集时间 {p.start_on} 至 {p.end_on} · <span data-testid="phase">{PHASE_LABELS[d.phase]}</span>
      </p>
      {p.catalog_ref ? (
        <p>
          草案全文见政府信息公开目录：
          <a href={`/search?q=${encodeURIComponent(p.catalog_ref)}`}>索引号 {p.catalog_ref}</a>
        </p>
      ) : null}
      {d.articles.length ? (
        <ol class="articles">
          {d.articles.map((a) => (
            <li id={`art-${a.no}`}>
              <strong>{a.heading}</strong> {a.text}
            </li>
          ))}
        </ol>
      ) : (
        <div class="content">{p.draft_text}</div>
      )}
      {d.phase === 'open' ? (
        <section>
          <h2>发表意见</h2>
          <ErrorSummary errors={errors} />
          <form method="post" action={`/hd/consultations/${p.id}`}>
            <CsrfField token={view.csrf} />
            <SelectField
              name="articleNo"
              label="针对"
              value={values?.articleNo ?? ''}
              options={d.articles.map((a) => [String(a.no), a.heading])}
              placeholder="草案全文"
              errors={errors}
            />
            <TextArea name="content" label="意见内容" required value={values?.content} rows={6} errors={errors} />
            <TextField
              name="name"
              label="姓名（可不填，公开时只显示姓氏）"
              value={values?.name}
              errors={errors}
              maxLength={50}
            />
            <TextField name="phone" label="联系电话（不公开）" type="tel" value={values?.phone} errors={errors} />
            <button type="submit">提交意见</button>
          </form>
          <p class="muted">意见经审核后显示。</p>
        </section>
      ) : null}
      {d.phase !== 'open' && errors?.length ? (
        // Posted as the period closed: the reason, and the text typed, to copy and keep.
        <section>
          <ErrorSummary errors={errors} />
          {values?.content ? (
            <div class="field">
              <label for="kept-content">您填写的意见（未提交，可复制保存）</label>
              <textarea id="kept-content" rows={6} readOnly>
                {values.content}
              </textarea>
            </div>
          ) : null}
        </section>
      ) : null}
      {d.phase === 'feedback_published' ? (
        <section data-testid="feedback">
          <h2>意见采纳情况（{p.feedback_published_on} 公布）</h2>
          <p>
            共收到有效意见 {counts.total} 条，采纳 {counts.adopted} 条，部分采纳 {counts.partly} 条，未采纳{' '}
            {counts.not_adopted} 条。
          </p>
          <p>{p.feedback_text}</p>
        </section>
      ) : null}
      <h2>公众意见</h2>
      {d.comments.length ? (
        <ul class="comments">
          {d.comments.map((c) => (
            <li>
              <p class="muted">
                {c.name} · 针对{articleLabel(c.article_no)}
              </p>
              <p>{c.content}</p>
              {c.adoption ? (
                <p>
                  <strong>{ADOPTION[c.adoption as Adoption] ?? c.adoption}</strong>
                  {c.adoption_reason ? `：${c.adoption_reason}` : ''}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <Empty>暂无公开的意见。</Empty>
      )}
    </PortalLayout>
  );
}

const periodNotFound = () => notFound('period_not_found', '意见征集不存在。');
// Content rules (the comment is required, its length) stay with submitComment: the form is shown again with the text kept.
const CommentForm = Form({
  articleNo: OptChosen('针对'),
  content: Text('意见内容'),
  name: Text('姓名'),
  phone: Text('联系电话'),
});

/** Portal: open comment periods, closed ones with their feedback, and the comment form. */
export async function consultationsPortalRoutes(app: FastifyInstance): Promise<void> {
  registerSitemapSource('consultations', async (ctx) =>
    (await periodSummaries(ctx))
      .filter((s) => s.phase !== 'upcoming')
      .map((s) => ({ loc: `/hd/consultations/${s.period.id}` })),
  );
  const r = typed(app);
  r.get('/hd/consultations', async (req, reply) => {
    const all = await periodSummaries(req.ctx);
    return reply.page(
      <PortalLayout view={reply.view()} title="意见征集">
        <h1>意见征集</h1>
        <h2>正在征集</h2>
        <PeriodList items={all.filter((s) => s.phase === 'open')} />
        <h2>已结束</h2>
        <PeriodList items={all.filter((s) => s.phase === 'closed' || s.phase === 'feedback_published')} />
      </PortalLayout>,
    );
  });

  r.get('/hd/consultations/:id', { schema: { params: IdParams }, ...PAGE_BY_ID }, async (req, reply) => {
    unknownPageIfBadParams(req, periodNotFound);
    return reply.page(<DetailPage view={reply.view()} d={await periodDetail(req.ctx, req.params.id, 'public')} />);
  });

  r.post(
    '/hd/consultations/:id',
    { schema: { params: IdParams, body: CommentForm }, ...PAGE_BY_ID, ...PUBLIC_FORM_LIMIT },
    async (req, reply) => {
      const refused = refusedFormOfPage(req, periodNotFound);
      const { id } = req.params;
      const { articleNo, content, name, phone } = req.body;
      const values = { articleNo: articleNo ? String(articleNo) : '', content, name, phone };
      if (refused) {
        const d = await periodDetail(req.ctx, id, 'public');
        const posted = { ...values, ...postedTexts(req), articleNo: '' };
        return reply.page(<DetailPage view={reply.view()} d={d} errors={refused} values={posted} />, 400);
      }
      try {
        await submitComment(req.ctx, { periodId: id, articleNo, content, name, phone });
        return reply.flashRedirect(`/hd/consultations/${id}`, '意见已提交，审核后显示。谢谢您的参与。');
      } catch (e) {
        if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'conflict')) throw e;
        return reply.page(
          <DetailPage
            view={reply.view()}
            d={await periodDetail(req.ctx, id, 'public')}
            errors={e.errors}
            values={values}
          />,
          e.status,
        );
      }
    },
  );
}
