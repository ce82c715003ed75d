import type { FastifyInstance } from 'fastify';
import { PortalLayout } from '../layout.js';
import { Empty, Pagination } from '../../platform/views/components.js';
import { pageParam, str } from '../../platform/http/form.js';
import { MESSAGE_TYPES, type MessageType } from '../../interaction/message-states.rules.js';
import { listPublicQa } from '../../interaction/public-qa.js';
import { highlight } from '../../search/highlight.rules.js';
import { normalizeText } from '../../search/tokenizer.rules.js';
import { Marked } from '../marked.js';

const PER_PAGE = 20;

/** Portal: the published Q&A, searchable (substring search, 繁体 folded, matches highlighted), names masked. */
export async function qaRoutes(app: FastifyInstance): Promise<void> {
  app.get('/hd/qa', async (req, reply) => {
    const q = str(req.query, 'q').slice(0, 50);
    const page = pageParam(req.query);
    const { items, total } = await listPublicQa(req.ctx.db, { q, limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
    const needles = q.trim() ? [normalizeText(q.trim())] : [];
    const mark = (text: string) => <Marked parts={highlight(text, needles)} />;
    return reply.page(
      <PortalLayout view={reply.view()} title="公开问答">
        <h1>公开问答</h1>
        <form method="get" action="/hd/qa" role="search">
          <label for="qa-q">搜索问答</label> <input id="qa-q" name="q" type="search" value={q} /> <button type="submit">搜索</button>
        </form>
        {items.length ? (
          items.map((it) => (
            <article class="qa" data-testid="qa-item">
              <h2>{mark(it.subject)}</h2>
              <p class="muted">
                {MESSAGE_TYPES[it.type as MessageType] ?? it.type} · 留言人：{it.askerMasked} · {it.receivedOn} · 答复单位：{it.orgName}
              </p>
              <p>{mark(it.content)}</p>
              <h3>答复（{it.repliedOn}）</h3>
              <p>{mark(it.reply)}</p>
            </article>
          ))
        ) : (
          <Empty>{q ? `没有找到与“${q}”有关的问答。` : '暂无公开问答。'}</Empty>
        )}
        <Pagination page={page} total={total} perPage={PER_PAGE} baseUrl={`/hd/qa${q ? `?q=${encodeURIComponent(q)}` : ''}`} />
      </PortalLayout>,
    );
  });
}
