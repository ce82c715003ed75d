import type { FastifyInstance } from 'fastify';
import type { ComponentChildren } from 'preact';
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { Empty, Pagination } from '../../platform/views/components.js';
import { Form, OptText, Params, Type, typed, Page } from '../../platform/http/schemas.js';
import { PAGE_BY_ID, unknownPageIfBadParams } from '../page-input.js';
import {
  MESSAGE_TYPES,
  type MessageType,
  listPublicQa,
  publicQaByNo,
  publishedQaPages,
  type PublicQaItem,
} from '../../interaction/index.js';
import { registerSitemapSource } from '../sitemap-routes.js';
import { notFound } from '../../platform/errors.js';
import { highlight, normalizeText } from '../../search/index.js';
import { Marked } from '../marked.js';

const PER_PAGE = 20;
const QaQuery = Form({ q: OptText('搜索问答'), page: Page() });
const QaParams = Params({ no: Type.String({ title: '留言编号', maxLength: 30 }) });
const qaNotFound = () => notFound('qa_not_found', '该问答不存在或尚未公开。');

/** One question and its answer; `link` gives the subject a link to the Q&A's own page. */
function QaArticle({
  it,
  mark,
  link,
}: {
  it: PublicQaItem;
  mark: (text: string) => ComponentChildren;
  link?: boolean;
}) {
  return (
    <article class="qa" data-testid="qa-item">
      <h2>{link ? <a href={`/hd/qa/${it.messageNo}`}>{mark(it.subject)}</a> : mark(it.subject)}</h2>
      <p class="muted">
        {MESSAGE_TYPES[it.type as MessageType] ?? it.type} · 留言人：{it.askerMasked} · {it.receivedOn} · 答复单位：
        {it.orgName}
      </p>
      <p>{mark(it.content)}</p>
      <h3>答复（{it.repliedOn}）</h3>
      <p>{mark(it.reply)}</p>
    </article>
  );
}

/** Portal: the published Q&A, searchable (substring search, 繁体 folded, matches highlighted), names masked. */
export async function qaRoutes(app: FastifyInstance): Promise<void> {
  registerSitemapSource('qa', async (ctx) =>
    (await publishedQaPages(ctx.db)).map((q) => ({ loc: `/hd/qa/${q.messageNo}`, lastmod: q.repliedOn ?? undefined })),
  );
  const r = typed(app);
  r.get('/hd/qa', { schema: { querystring: QaQuery } }, async (req, reply) => {
    const q = (req.query.q ?? '').slice(0, 50);
    const { page } = req.query;
    const { items, total } = await listPublicQa(req.ctx.db, { q, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    const needles = q.trim() ? [normalizeText(q.trim())] : [];
    const mark = (text: string) => <Marked parts={highlight(text, needles)} />;
    return reply.page(
      <PortalLayout view={reply.view()} title="公开问答">
        <h1>公开问答</h1>
        <form method="get" action="/hd/qa" role="search">
          <label for="qa-q">搜索问答</label> <input id="qa-q" name="q" type="search" value={q} />{' '}
          <button type="submit">搜索</button>
        </form>
        {items.length ? (
          items.map((it) => <QaArticle it={it} mark={mark} link />)
        ) : (
          <Empty>{q ? `没有找到与“${q}”有关的问答。` : '暂无公开问答。'}</Empty>
        )}
        <Pagination
          page={page}
          total={total}
          perPage={PER_PAGE}
          baseUrl={`/hd/qa${q ? `?q=${encodeURIComponent(q)}` : ''}`}
        />
      </PortalLayout>,
    );
  });

  // One Q&A on its own page (what a site-search hit opens).
  r.get('/hd/qa/:no', { schema: { params: QaParams }, ...PAGE_BY_ID }, async (req, reply) => {
    unknownPageIfBadParams(req, qaNotFound);
    const it = await publicQaByNo(req.ctx.db, req.params.no);
    if (!it) throw qaNotFound();
    return reply.page(
      <PortalLayout view={reply.view()} title={it.subject}>
        <h1>公开问答</h1>
        <p class="no-print">
          <a href="/hd/qa">← 全部公开问答</a>
        </p>
        <QaArticle it={it} mark={(t) => t} />
      </PortalLayout>,
    );
  });
}
