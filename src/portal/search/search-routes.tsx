import { WINDOW, searchDocuments, splitSuggestions, type FacetKey, type SearchResult } from '../../search/index.js';
import { Marked } from '../marked.js';
import type { FastifyInstance } from 'fastify';
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { ErrorSummary, Pagination, SelectField, TextField } from '../../platform/views/components.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { Form, OptText, typed } from '../../platform/http/schemas.js';
import { CACHED_PAGE } from '../page-input.js';

/** Query-string keys of the search page, in a stable order for links. */
const KEYS = ['q', 'org', 'category', 'topic', 'genre', 'validity', 'year', 'from', 'to', 'sort'] as const;
type Params = Partial<Record<(typeof KEYS)[number] | 'page', string>>;

/** The search's query string: text here, checked by the search (parseSearchParams), whose errors the page shows above the form. */
const SearchQuery = Form({
  q: OptText('关键词、文号或索引号'),
  org: OptText('发布机构'),
  category: OptText('信息类别'),
  topic: OptText('主题分类'),
  genre: OptText('体裁'),
  validity: OptText('有效性'),
  year: OptText('发布年份'),
  from: OptText('发布日期从'),
  to: OptText('发布日期至'),
  sort: OptText('排序'),
  page: OptText('页码'),
});

const FACETS: Array<[FacetKey, (typeof KEYS)[number], string]> = [
  ['org', 'org', '发布机构'],
  ['category', 'category', '信息类别'],
  ['topic', 'topic', '主题分类'],
  ['genre', 'genre', '体裁'],
  ['validity', 'validity', '有效性'],
  ['year', 'year', '发布年份'],
];

/** `/search?…` with some parameters changed (undefined removes one); page is always reset. */
function href(p: Params, change: Params = {}): string {
  const u = new URLSearchParams();
  for (const k of KEYS) {
    const v = k in change ? change[k] : p[k];
    if (v) u.set(k, v);
  }
  const s = u.toString();
  return s ? `/search?${s}` : '/search';
}

function Facets({ p, result }: { p: Params; result: SearchResult }) {
  const groups = FACETS.filter(([k]) => result.facets[k].length > 0);
  if (!groups.length) return null;
  const about = result.estimated.facets ? '约' : '';
  return (
    <aside aria-labelledby="facets-h" class="facets">
      <h2 id="facets-h">筛选</h2>
      {groups.map(([key, param, label]) => (
        <details open={!!p[param] || key === 'org' || key === 'year'}>
          <summary>{label}</summary>
          <ul>
            {p[param] ? (
              <li>
                <a href={href(p, { [param]: undefined })}>全部{label}</a>
              </li>
            ) : null}
            {result.facets[key].map((f) => (
              <li>
                {p[param] === f.value ? (
                  <strong aria-current="true">
                    {f.label}（{about}
                    {f.count}）
                  </strong>
                ) : (
                  <a href={href(p, { [param]: f.value })}>
                    {f.label}（{about}
                    {f.count}）
                  </a>
                )}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </aside>
  );
}

function NothingFound({
  p,
  unsearchable,
  splits,
}: {
  p: Params;
  unsearchable?: boolean;
  splits: Array<{ q: string; total: number }>;
}) {
  const filtered = KEYS.some((k) => k !== 'q' && k !== 'sort' && p[k]);
  return (
    <section class="empty" aria-labelledby="none-h">
      <h2 id="none-h">{p.q ? `没有找到与“${p.q}”相关的信息` : '没有找到符合条件的信息'}</h2>
      {unsearchable ? (
        <p data-testid="unsearchable">
          “{p.q}
          ”中没有可以检索的文字：检索只按汉字、字母和数字查找，标点、符号和表情会被忽略。请输入关键词、文号或索引号。
        </p>
      ) : null}
      <p>您可以试试：</p>
      <ul>
        {splits.length ? (
          <li data-testid="split-suggestions">
            把词分开搜索（连在一起的字只找完全一致的）：
            {splits.map((s, i) => (
              <>
                {i ? '、' : ''}
                <a href={href(p, { q: s.q })}>{s.q}</a>（{s.total} 条）
              </>
            ))}
          </li>
        ) : null}
        <li>减少关键词，或换一个更常用的词。两个字的词（如“预算”“公开”）最容易找到。</li>
        <li>
          检查文号格式，例如“湛府办〔2009〕69号”；括号写成〔〕、[]
          或（）都可以。索引号要完整填写，如“000014349/2018-00222”。
        </li>
        {filtered ? (
          <li>
            <a href={href({ q: p.q })}>去掉所有筛选条件再搜索</a>
          </li>
        ) : null}
        <li>
          <a href="/gk">浏览政府信息公开目录</a>，按机构和类别查找。
        </li>
        <li>
          仍未找到，可以<a href="/ysqgk">提出政府信息公开申请</a>。
        </li>
      </ul>
    </section>
  );
}

function Results({ p, result }: { p: Params; result: SearchResult }) {
  // Past the window, sorted by relevance, the best title matches of the whole catalogue join (search-engine.ts).
  const titled = p.sort === 'date' ? '' : '和标题含关键词的信息';
  return (
    <section aria-labelledby="results-h">
      <h2 id="results-h">
        共找到 {result.estimated.total ? '约 ' : ''}
        {result.total} 条{result.total > result.perPage && result.hits.length ? `，第 ${result.page} 页` : ''}
      </h2>
      {result.estimated.total ? (
        <p class="muted">
          符合条件的信息很多：数量为估算，结果取自最近收录的 {WINDOW} 条{titled}
          ；可用筛选或更多关键词缩小范围。
        </p>
      ) : result.estimated.facets ? (
        <p class="muted">筛选项中的数量为估算。</p>
      ) : null}
      <p>
        排序：
        {p.sort === 'date' ? <a href={href(p, { sort: undefined })}>按相关度</a> : <strong>按相关度</strong>}
        {' · '}
        {p.sort === 'date' ? <strong>按发布日期</strong> : <a href={href(p, { sort: 'date' })}>按发布日期</a>}
      </p>
      <ol class="results" start={(result.page - 1) * result.perPage + 1}>
        {result.hits.map((h) => (
          <li class="card">
            <h3>
              <a href={h.url}>
                <Marked parts={h.title} />
              </a>
            </h3>
            <p>
              {h.inAttachment ? (
                <span class="badge" data-testid="in-attachment">
                  附件中的内容
                </span>
              ) : null}{' '}
              <Marked parts={h.snippet} />
            </p>
            <p class="muted">
              {[
                h.orgName,
                h.docNo,
                h.indexNo ? `索引号 ${h.indexNo}` : null,
                h.publishedOn ? `发布日期 ${h.publishedOn}` : null,
                h.validity,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        ))}
      </ol>
      <Pagination
        page={result.page}
        total={Math.min(result.total, 100 * result.perPage)}
        perPage={result.perPage}
        baseUrl={href(p)}
      />
    </section>
  );
}

/**
 * Public full-text search: GET /search with filters, facets, highlighting and paging; no JavaScript needed.
 * Anonymous readers' result pages are kept in the page cache like the catalogue's: every change of the
 * index writes the public stamp in its transaction (items, 公开问答, index use-cases, reindex).
 */
export async function searchPortalRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get('/search', { schema: { querystring: SearchQuery }, ...CACHED_PAGE }, async (req, reply) => {
    const p: Params = {};
    for (const k of [...KEYS, 'page'] as const) {
      const v = req.query[k];
      if (v) p[k] = v.slice(0, 200);
    }
    const asked = KEYS.some((k) => k !== 'sort' && p[k]);
    let result: SearchResult | null = null;
    let errors: FieldError[] | undefined;
    let splits: Array<{ q: string; total: number }> = [];
    if (asked) {
      try {
        result = await searchDocuments(req.ctx, p);
        if (!result.total && !result.unsearchable) splits = await splitSuggestions(req.ctx, p);
      } catch (e) {
        if (!isAppError(e)) throw e;
        errors = e.errors;
      }
    }
    const view = reply.view();
    const title = p.q ? `搜索：${p.q}` : '搜索';
    return reply.page(
      <PortalLayout view={view} title={title} search={p.q}>
        <h1>搜索政府信息</h1>
        <ErrorSummary errors={errors} />
        <form method="get" action="/search" class="filters" role="search" aria-label="高级搜索">
          <TextField
            name="q"
            label="关键词、文号或索引号"
            type="search"
            value={p.q}
            hint="多个词用空格分开；加引号（如 “信息公开”）表示完全一致的短语。"
          />
          <TextField name="from" label="发布日期从" type="date" value={p.from} errors={errors} />
          <TextField name="to" label="至" type="date" value={p.to} errors={errors} />
          <SelectField
            name="sort"
            label="排序"
            value={p.sort ?? 'relevance'}
            options={[
              ['relevance', '按相关度'],
              ['date', '按发布日期'],
            ]}
          />
          {(['org', 'category', 'topic', 'genre', 'validity', 'year'] as const).map((k) =>
            p[k] ? <input type="hidden" name={k} value={p[k]} /> : null,
          )}
          <button type="submit">搜索</button>
        </form>
        {!asked ? (
          <p class="muted">输入关键词（如“预算”“乡村振兴”）、文号（如“湛府办〔2009〕69号”）或索引号进行搜索。</p>
        ) : result && result.total > 0 ? (
          <div class="search-layout">
            <Results p={p} result={result} />
            <Facets p={p} result={result} />
          </div>
        ) : result ? (
          <NothingFound p={p} unsearchable={result.unsearchable} splits={splits} />
        ) : null}
      </PortalLayout>,
      errors ? 400 : 200,
    );
  });
}
