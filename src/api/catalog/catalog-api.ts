import { toCsv } from '../../platform/csv.js';
import type { FastifyInstance } from 'fastify';
import { typed, Type } from '../../platform/http/schemas.js';
import { invalid } from '../../platform/errors.js';
import {
  updateItem,
  addAttachment,
  DISCLOSURE_MODES,
  GENRES,
  type ItemWithOrg,
  currentItem,
  itemsInScope,
  itemWithReviews,
  publishedItem,
  publishedItems,
  createItem,
  submitItem,
  reviewItem,
  publishItem,
  withdrawItem,
  setValidity,
  publicCatalogRows,
} from '../../catalog/index.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { answers, Errors, IdParams, Nullable, Paged, PageQuery, PUBLIC, STAFF, staff } from '../api-schemas.js';

const PublicItem = Type.Object({
  id: Type.Integer(),
  indexNo: Type.String({ description: '索引号' }),
  title: Type.String({ description: '名称' }),
  summary: Type.Union([Type.String(), Type.Null()], { description: '内容概述' }),
  publisher: Type.String({ description: '发布机构' }),
  publisherId: Type.Integer(),
  docNo: Type.Union([Type.String(), Type.Null()], { description: '发文字号' }),
  topic: Type.Union([Type.String(), Type.Null()], { description: '主题分类' }),
  genre: Type.String({ description: '体裁' }),
  category: Type.Union([Type.String(), Type.Null()], { description: '目录分类' }),
  writtenOn: Type.Union([Type.String(), Type.Null()], { description: '成文日期' }),
  createdOn: Type.String({ description: '生成日期' }),
  publishedOn: Type.String({ description: '发布日期' }),
  validity: Type.String({ description: '有效性' }),
  url: Type.String(),
});
const StaffItem = Type.Composite([
  PublicItem,
  Type.Object({
    status: Type.String({ description: '状态' }),
    disclosureMode: Type.String({ description: '公开方式' }),
    secrecyReviewer: Nullable(Type.String(), { description: '保密审查人' }),
    legalityReviewer: Nullable(Type.String(), { description: '合法性审查人' }),
    approver: Nullable(Type.String(), { description: '签发人' }),
  }),
]);
const StaffItemDetail = Type.Composite([
  StaffItem,
  Type.Object({
    bodyHtml: Type.String(),
    history: Type.Array(
      Type.Object({
        action: Type.String(),
        from: Type.String(),
        to: Type.String(),
        by: Type.String(),
        comment: Nullable(Type.String()),
        at: Type.String(),
      }),
      { description: '审核记录' },
    ),
  }),
]);
const PublicQuery = Type.Object({
  orgId: Type.Optional(Type.Integer({ minimum: 1, description: '发布机构编号' })),
  ...PageQuery(100),
});
const StaffQuery = Type.Object({
  status: Type.Optional(Type.String({ description: '状态' })),
  orgId: Type.Optional(Type.Integer({ minimum: 1 })),
  ...PageQuery(200),
});
const tags = ['公开信息管理'];
const publicTags = ['政府信息公开目录'];

const publicJson = (r: ItemWithOrg) => ({
  id: r.id,
  indexNo: r.index_no,
  title: r.title,
  summary: r.summary,
  publisher: r.org_name,
  publisherId: r.org_id,
  docNo: r.doc_no,
  topic: r.topic,
  genre: r.genre,
  category: r.category_name,
  writtenOn: r.written_on,
  createdOn: r.created_on,
  publishedOn: r.published_on ?? '',
  validity: r.validity,
  url: `/gk/items/${r.id}`,
});

const ItemBody = Type.Object({
  orgId: Type.Integer(),
  title: Type.String({ maxLength: 300 }),
  summary: Type.Optional(Type.String()),
  bodyHtml: Type.String(),
  docNo: Type.Optional(Type.String()),
  topic: Type.Optional(Type.String()),
  genre: Type.Union(GENRES.map((g) => Type.Literal(g))),
  categoryId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  keywords: Type.Optional(Type.String()),
  disclosureMode: Type.Union(DISCLOSURE_MODES.map((g) => Type.Literal(g))),
  nondisclosureGround: Type.Optional(Type.String()),
  article20Item: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  isRule: Type.Optional(Type.Boolean()),
  isNormative: Type.Optional(Type.Boolean()),
  legalityRequired: Type.Optional(Type.Boolean()),
  writtenOn: Type.Optional(Type.String()),
  createdOn: Type.String(),
  indexNo: Type.Optional(Type.String()),
});
const ACTIONS = ['submit', 'approve', 'return', 'publish', 'withdraw', 'set_validity'] as const;
const TransitionBody = Type.Object({
  action: Type.Union(ACTIONS.map((a) => Type.Literal(a))),
  comment: Type.Optional(Type.String()),
  publishOn: Type.Optional(Type.String({ description: '发布日期；以后的日期为定时发布' })),
  validity: Type.Optional(Type.String()),
  validityOn: Type.Optional(Type.String()),
});

const staffJson = (r: ItemWithOrg) => ({
  ...publicJson(r),
  status: r.status,
  disclosureMode: r.disclosure_mode,
  secrecyReviewer: r.secrecy_reviewer,
  legalityReviewer: r.legality_reviewer,
  approver: r.approver,
});

/** Public read API of published items (open data) and the staff API for items and workflow transitions. */
export async function catalogApi(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    '/api/v1/public/items',
    {
      schema: {
        summary: '已公开的政府信息（分页）',
        tags: publicTags,
        operationId: 'listPublicItems',
        security: PUBLIC,
        querystring: PublicQuery,
        response: answers({ 200: Paged(PublicItem) }),
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const perPage = req.query.perPage ?? 20;
      const { rows, total } = await publishedItems(req.ctx, {
        orgId: req.query.orgId,
        limit: perPage,
        offset: (page - 1) * perPage,
      });
      return { data: rows.map(publicJson), page, perPage, total };
    },
  );

  r.get(
    '/api/v1/public/items.csv',
    {
      schema: {
        summary: '已公开的政府信息目录（CSV 开放数据）',
        tags: publicTags,
        operationId: 'exportPublicItemsCsv',
        security: PUBLIC,
        querystring: Type.Object({ orgId: Type.Optional(Type.Integer({ minimum: 1, description: '发布机构编号' })) }),
        response: {
          200: { description: 'CSV（UTF-8），每条信息一行', content: { 'text/csv': { schema: Type.String() } } },
          '4xx': Errors,
        },
      },
    },
    async (req, reply) => {
      const { rows } = await publishedItems(req.ctx, { orgId: req.query.orgId, limit: 100_000, offset: 0 });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', contentDisposition('政府信息公开目录.csv'))
        .send(toCsv(publicCatalogRows(rows)));
    },
  );

  r.get(
    '/api/v1/public/items/:id',
    {
      schema: {
        summary: '一条已公开的政府信息',
        tags: publicTags,
        operationId: 'getPublicItem',
        security: PUBLIC,
        params: IdParams,
        response: answers({
          200: Type.Composite([PublicItem, Type.Object({ bodyHtml: Type.String({ description: '正文（HTML）' }) })]),
        }),
      },
    },
    async (req) => {
      const item = await publishedItem(req.ctx, req.params.id);
      return { ...publicJson(item), bodyHtml: item.body_html };
    },
  );

  r.post(
    '/api/v1/items',
    {
      schema: {
        summary: '新建信息（草稿）',
        tags,
        operationId: 'createItem',
        security: STAFF,
        body: ItemBody,
        response: answers({
          201: Type.Object({
            id: Type.Integer(),
            indexNo: Type.String({ description: '索引号' }),
            status: Type.Literal('draft'),
          }),
        }),
      },
    },
    async (req, reply) => {
      staff(req);
      const { id, indexNo } = await createItem(req.ctx, req.body);
      return reply.status(201).send({ id, indexNo, status: 'draft' as const });
    },
  );

  r.get(
    '/api/v1/items',
    {
      schema: {
        summary: '信息列表（本人管辖范围，含草稿和审核中）',
        tags,
        operationId: 'listItems',
        security: STAFF,
        querystring: StaffQuery,
        response: answers({ 200: Paged(StaffItem) }),
      },
    },
    async (req) => {
      staff(req);
      const q = req.query;
      const page = q.page ?? 1;
      const perPage = q.perPage ?? 50;
      const { rows, total } = await itemsInScope(req.ctx, {
        status: q.status,
        orgId: q.orgId,
        limit: perPage,
        offset: (page - 1) * perPage,
      });
      return { data: rows.map(staffJson), page, perPage, total };
    },
  );

  r.get(
    '/api/v1/items/:id',
    {
      schema: {
        summary: '信息详情（含审核记录）',
        tags,
        operationId: 'getItem',
        security: STAFF,
        params: IdParams,
        response: answers({ 200: StaffItemDetail }),
      },
    },
    async (req) => {
      staff(req);
      const { item, reviews } = await itemWithReviews(req.ctx, req.params.id);
      return {
        ...staffJson(item),
        bodyHtml: item.body_html,
        history: reviews.map((x) => ({
          action: x.action,
          from: x.from_status,
          to: x.to_status,
          by: x.actor_label,
          comment: x.comment,
          at: x.created_at,
        })),
      };
    },
  );

  r.put(
    '/api/v1/items/:id',
    {
      schema: {
        summary: '修改信息（草稿或退回修改时）',
        tags,
        operationId: 'updateItem',
        security: STAFF,
        params: IdParams,
        body: Type.Omit(ItemBody, ['orgId', 'indexNo']),
        response: answers({ 200: StaffItem }),
      },
    },
    async (req) => {
      staff(req);
      const id = req.params.id;
      await updateItem(req.ctx, id, req.body);
      return staffJson((await currentItem(req.ctx, id))!);
    },
  );

  r.post(
    '/api/v1/items/:id/attachments',
    {
      schema: {
        summary: '上传附件（内容 Base64；类型按内容识别）',
        tags,
        operationId: 'addItemAttachment',
        security: STAFF,
        params: IdParams,
        body: Type.Object({
          filename: Type.String({ maxLength: 200 }),
          contentBase64: Type.String({ description: '文件内容（Base64）' }),
        }),
        response: answers({ 201: Type.Object({ id: Type.Integer({ description: '附件编号' }) }) }),
      },
    },
    async (req, reply) => {
      staff(req);
      const attachmentId = await addAttachment(req.ctx, {
        itemId: req.params.id,
        filename: req.body.filename,
        data: Buffer.from(req.body.contentBase64, 'base64'),
      });
      return reply.status(201).send({ id: attachmentId });
    },
  );

  r.post(
    '/api/v1/items/:id/transitions',
    {
      schema: {
        summary: '审核流转（提交、审核、退回、签发、撤回、有效性）',
        tags,
        operationId: 'transitionItem',
        security: STAFF,
        params: IdParams,
        body: TransitionBody,
        response: answers({
          200: Type.Object({
            id: Type.Integer(),
            status: Nullable(Type.String()),
            publishedOn: Nullable(Type.String()),
          }),
        }),
      },
    },
    async (req) => {
      staff(req);
      const id = req.params.id;
      const b = req.body;
      switch (b.action) {
        case 'submit':
          await submitItem(req.ctx, id);
          break;
        case 'approve':
        case 'return':
          await reviewItem(req.ctx, { id, decision: b.action, comment: b.comment });
          break;
        case 'publish':
          await publishItem(req.ctx, { id, publishOn: b.publishOn, comment: b.comment });
          break;
        case 'withdraw':
          await withdrawItem(req.ctx, { id, reason: b.comment ?? '' });
          break;
        case 'set_validity':
          await setValidity(req.ctx, { id, validity: b.validity ?? '', validityOn: b.validityOn });
          break;
        default:
          throw invalid('item_action_invalid', '未知的操作。', 'action');
      }
      const item = await currentItem(req.ctx, id);
      return { id, status: item?.status ?? null, publishedOn: item?.published_on ?? null };
    },
  );
}
