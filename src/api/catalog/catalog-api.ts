import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { forbidden, invalid, notFound, unauthenticated } from '../../platform/errors.js';
import { rolesAllow, scopePaths } from '../../orgs/roles.rules.js';
import { CATALOG_VIEWERS } from '../../catalog/catalog-policy.rules.js';
import { updateItem } from '../../catalog/update-item.js';
import { addAttachment } from '../../catalog/add-attachment.js';
import { todayInShanghai } from '../../platform/dates.js';
import { DISCLOSURE_MODES, GENRES } from '../../catalog/catalog-labels.rules.js';
import { getPublicItem, listPublicItems, getItem, listItems, listReviews, type ItemWithOrg } from '../../catalog/catalog.store.js';
import { createItem } from '../../catalog/create-item.js';
import { submitItem } from '../../catalog/submit-item.js';
import { reviewItem } from '../../catalog/review-item.js';
import { publishItem } from '../../catalog/publish-item.js';
import { withdrawItem } from '../../catalog/withdraw-item.js';
import { setValidity } from '../../catalog/set-validity.js';
import type { ItemInput } from '../../catalog/item-input.rules.js';
import { publicCatalogRows } from '../../catalog/export-rows.rules.js';
import { toCsv } from '../../catalog/csv.rules.js';
import { contentDisposition } from '../../catalog/attachment.rules.js';

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
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const sec = [{ bearer: [] }];

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
const TransitionBody = Type.Object({
  action: Type.Union(['submit', 'approve', 'return', 'publish', 'withdraw', 'set_validity'].map((a) => Type.Literal(a))),
  comment: Type.Optional(Type.String()),
  publishOn: Type.Optional(Type.String({ description: '发布日期；以后的日期为定时发布' })),
  validity: Type.Optional(Type.String()),
  validityOn: Type.Optional(Type.String()),
});

const staffJson = (r: ItemWithOrg) => ({ ...publicJson(r), status: r.status, disclosureMode: r.disclosure_mode, secrecyReviewer: r.secrecy_reviewer, legalityReviewer: r.legality_reviewer, approver: r.approver, publishedOn: r.published_on ?? '' });

function staff(req: FastifyRequest) {
  if (req.actor.kind !== 'user') throw unauthenticated();
}

/** Public read API of published items (open data) and the staff API for items and workflow transitions. */
export async function catalogApi(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/v1/public/items',
    {
      schema: {
        summary: '已公开的政府信息（分页）',
        tags: ['政府信息公开目录'],
        querystring: Type.Object({ orgId: Type.Optional(Type.Integer({ minimum: 1 })), page: Type.Optional(Type.Integer({ minimum: 1 })), perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }),
        response: { 200: Type.Object({ data: Type.Array(PublicItem), page: Type.Integer(), perPage: Type.Integer(), total: Type.Integer() }) },
      },
    },
    async (req) => {
      const q = req.query as { orgId?: number; page?: number; perPage?: number };
      const page = q.page ?? 1;
      const perPage = q.perPage ?? 20;
      const { rows, total } = await listPublicItems(req.ctx.db, todayInShanghai(req.ctx.now()), { orgId: q.orgId, limit: perPage, offset: (page - 1) * perPage });
      return { data: rows.map(publicJson), page, perPage, total };
    },
  );

  app.get(
    '/api/v1/public/items.csv',
    { schema: { summary: '已公开的政府信息目录（CSV 开放数据）', tags: ['政府信息公开目录'], querystring: Type.Object({ orgId: Type.Optional(Type.Integer({ minimum: 1 })) }) } },
    async (req, reply) => {
      const q = req.query as { orgId?: number };
      const { rows } = await listPublicItems(req.ctx.db, todayInShanghai(req.ctx.now()), { orgId: q.orgId, limit: 100_000, offset: 0 });
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', contentDisposition('政府信息公开目录.csv')).send(toCsv(publicCatalogRows(rows)));
    },
  );

  app.get('/api/v1/public/items/:id', { schema: { summary: '一条已公开的政府信息', tags: ['政府信息公开目录'], params: IdParams } }, async (req) => {
    const item = await getPublicItem(req.ctx.db, todayInShanghai(req.ctx.now()), (req.params as { id: number }).id);
    if (!item) throw notFound('item_not_found', '信息不存在或尚未公开。');
    return { ...publicJson(item), bodyHtml: item.body_html };
  });

  app.post('/api/v1/items', { schema: { summary: '新建信息（草稿）', tags: ['公开信息管理'], security: sec, body: ItemBody } }, async (req, reply) => {
    staff(req);
    const b = req.body as ItemInput & { orgId: number };
    const { id, indexNo } = await createItem(req.ctx, b);
    return reply.status(201).send({ id, indexNo, status: 'draft' });
  });

  app.get(
    '/api/v1/items',
    {
      schema: {
        summary: '信息列表（本人管辖范围，含草稿和审核中）',
        tags: ['公开信息管理'],
        security: sec,
        querystring: Type.Object({ status: Type.Optional(Type.String()), orgId: Type.Optional(Type.Integer({ minimum: 1 })), page: Type.Optional(Type.Integer({ minimum: 1 })), perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
      },
    },
    async (req) => {
      staff(req);
      const q = req.query as { status?: string; orgId?: number; page?: number; perPage?: number };
      const page = q.page ?? 1;
      const perPage = q.perPage ?? 50;
      const { rows, total } = await listItems(req.ctx.db, { orgPaths: scopePaths(req.actor, CATALOG_VIEWERS), statuses: q.status ? [q.status] : undefined, orgId: q.orgId, limit: perPage, offset: (page - 1) * perPage });
      return { data: rows.map(staffJson), page, perPage, total };
    },
  );

  app.get('/api/v1/items/:id', { schema: { summary: '信息详情（含审核记录）', tags: ['公开信息管理'], security: sec, params: IdParams } }, async (req) => {
    staff(req);
    const item = await getItem(req.ctx.db, (req.params as { id: number }).id);
    if (!item) throw notFound('item_not_found', '信息不存在。');
    if (!rolesAllow(req.actor, CATALOG_VIEWERS, item.org_path)) throw forbidden();
    return { ...staffJson(item), bodyHtml: item.body_html, history: (await listReviews(req.ctx.db, item.id)).map((r) => ({ action: r.action, from: r.from_status, to: r.to_status, by: r.actor_label, comment: r.comment, at: r.created_at })) };
  });

  app.put('/api/v1/items/:id', { schema: { summary: '修改信息（草稿或退回修改时）', tags: ['公开信息管理'], security: sec, params: IdParams, body: Type.Omit(ItemBody, ['orgId', 'indexNo']) } }, async (req) => {
    staff(req);
    const id = (req.params as { id: number }).id;
    await updateItem(req.ctx, id, req.body as ItemInput);
    return staffJson((await getItem(req.ctx.db, id))!);
  });

  app.post(
    '/api/v1/items/:id/attachments',
    { schema: { summary: '上传附件（内容 Base64；类型按内容识别）', tags: ['公开信息管理'], security: sec, params: IdParams, body: Type.Object({ filename: Type.String({ maxLength: 200 }), contentBase64: Type.String() }) } },
    async (req, reply) => {
      staff(req);
      const b = req.body as { filename: string; contentBase64: string };
      const attachmentId = await addAttachment(req.ctx, { itemId: (req.params as { id: number }).id, filename: b.filename, data: Buffer.from(b.contentBase64, 'base64') });
      return reply.status(201).send({ id: attachmentId });
    },
  );

  app.post('/api/v1/items/:id/transitions', { schema: { summary: '审核流转（提交、审核、退回、签发、撤回、有效性）', tags: ['公开信息管理'], security: sec, params: IdParams, body: TransitionBody } }, async (req) => {
    staff(req);
    const id = (req.params as { id: number }).id;
    const b = req.body as { action: string; comment?: string; publishOn?: string; validity?: string; validityOn?: string };
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
    const item = await getItem(req.ctx.db, id);
    return { id, status: item?.status ?? null, publishedOn: item?.published_on ?? null };
  });
}
