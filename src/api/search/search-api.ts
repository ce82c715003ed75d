import type { FastifyInstance } from 'fastify';
import { typed, Type } from '../../platform/http/schemas.js';
import { searchDocuments, partsToHtml, splitSuggestions } from '../../search/index.js';
import { answers, Nullable, PUBLIC } from '../api-schemas.js';

const Str = Type.Optional(Type.String({ maxLength: 200 }));
const OptStr = Nullable(Type.String());
const Facet = Type.Array(Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() }));
const SearchAnswer = Type.Object({
  total: Type.Integer(),
  estimated: Type.Object({ total: Type.Boolean(), facets: Type.Boolean() }, { description: '哪些数字是估计值（约）' }),
  page: Type.Integer(),
  perPage: Type.Integer(),
  terms: Type.Array(Type.String(), { description: '实际检索的词' }),
  unsearchable: Type.Boolean({ description: '关键词中没有可检索的内容（只有符号等），未检索' }),
  hits: Type.Array(
    Type.Object({
      docType: Type.String(),
      docId: Type.String(),
      url: Type.String(),
      title: Type.String(),
      titleHtml: Type.String(),
      snippetHtml: Type.String(),
      score: Type.Number(),
      publishedOn: OptStr,
      orgName: OptStr,
      categoryName: OptStr,
      docNo: OptStr,
      indexNo: OptStr,
      validity: OptStr,
      inAttachment: Type.Boolean({ description: '摘要来自附件' }),
    }),
  ),
  facets: Type.Object(
    Object.fromEntries(['org', 'category', 'topic', 'genre', 'validity', 'year'].map((k) => [k, Facet])),
    { description: '分面统计' },
  ),
  splits: Type.Array(Type.Object({ q: Type.String(), total: Type.Integer() }), {
    description:
      '没有结果时：把连写的关键词分成两个词、在同样的筛选下能找到结果的读法（最多 3 个，结果多的在前），如“防汛会议”→“防汛 会议”；有结果时为空',
  }),
});

/** Public JSON search API: GET /api/v1/public/search (same parameters as the /search page). */
export async function searchApi(app: FastifyInstance, perMinute: number): Promise<void> {
  typed(app).get(
    '/api/v1/public/search',
    {
      config: { rateLimit: { max: perMinute, timeWindow: '1 minute' } },
      schema: {
        summary: '全文检索已公开的政府信息（公开，限流）',
        description:
          'q：关键词（空格分隔，全部命中；引号内为完全一致的短语；可含文号，括号〔〕[]（）通用；或完整索引号）。筛选：org 机构编号、category 类别编号、topic 主题分类、genre 体裁、validity 有效性、year 年份、from/to 发布日期（YYYY-MM-DD）。sort=relevance|date，page 从 1 开始，perPage ≤ 50。titleHtml/snippetHtml 已转义，仅含 <mark> 标记。',
        tags: ['检索'],
        operationId: 'searchPublic',
        security: PUBLIC,
        querystring: Type.Object({
          q: Str,
          org: Str,
          category: Str,
          topic: Str,
          genre: Str,
          validity: Str,
          year: Str,
          from: Str,
          to: Str,
          sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('date')])),
          page: Str,
          perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
        }),
        response: answers({ 200: SearchAnswer }),
      },
    },
    async (req) => {
      const { perPage, ...params } = req.query;
      const r = await searchDocuments(req.ctx, params, perPage ?? 20);
      const splits = !r.total && !r.unsearchable ? await splitSuggestions(req.ctx, params) : [];
      return {
        total: r.total,
        estimated: r.estimated,
        page: r.page,
        perPage: r.perPage,
        terms: r.terms,
        unsearchable: r.unsearchable ?? false,
        hits: r.hits.map((h) => ({
          docType: h.docType,
          docId: h.docId,
          url: h.url,
          title: h.title.map((p) => p.t).join(''),
          titleHtml: partsToHtml(h.title),
          snippetHtml: partsToHtml(h.snippet),
          score: h.score,
          publishedOn: h.publishedOn,
          orgName: h.orgName,
          categoryName: h.categoryName,
          docNo: h.docNo,
          indexNo: h.indexNo,
          validity: h.validity,
          inAttachment: h.inAttachment,
        })),
        facets: r.facets,
        splits,
      };
    },
  );
}
