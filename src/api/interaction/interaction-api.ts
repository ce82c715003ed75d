import type { FastifyInstance } from 'fastify';
import { typed, Type } from '../../platform/http/schemas.js';
import { unauthenticated } from '../../platform/errors.js';
import { listPublicQa, maskedMessages } from '../../interaction/index.js';
import { answers, Nullable, Paged, PageQuery, PUBLIC, STAFF } from '../api-schemas.js';

const QaItem = Type.Object({
  messageNo: Type.String(),
  orgName: Type.String(),
  type: Type.String(),
  subject: Type.String(),
  content: Type.String(),
  askerMasked: Type.String(),
  receivedOn: Type.String(),
  reply: Type.String(),
  repliedOn: Nullable(Type.String()),
});

const MessageSummary = Type.Object({
  id: Type.Integer(),
  messageNo: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  type: Type.String(),
  channel: Type.String(),
  subject: Type.String(),
  state: Type.String(),
  nameMasked: Nullable(Type.String()),
  phoneMasked: Nullable(Type.String()),
  receivedOn: Type.String(),
  dueOn: Nullable(Type.String()),
  repliedOn: Nullable(Type.String()),
  rating: Nullable(Type.String()),
  heldForModeration: Type.Boolean(),
  published: Type.Boolean(),
});

/** JSON API: the public Q&A and the staff message list (scoped, contact details masked). */
export async function interactionApi(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    '/api/v1/public/qa',
    {
      schema: {
        summary: '公开问答（已答复并经同意公开的留言，留言人姓名只显示姓氏）',
        tags: ['互动交流'],
        operationId: 'listPublicQa',
        security: PUBLIC,
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 50, description: '关键词' })),
          ...PageQuery(100),
        }),
        response: answers({ 200: Paged(QaItem) }),
      },
    },
    async (req) => {
      const q = req.query;
      const page = q.page ?? 1;
      const perPage = q.perPage ?? 20;
      const { items, total } = await listPublicQa(req.ctx.db, {
        q: q.q ?? '',
        limit: perPage,
        offset: (page - 1) * perPage,
      });
      return { data: items, page, perPage, total };
    },
  );

  r.get(
    '/api/v1/messages',
    {
      schema: {
        summary: '留言列表（本人管辖范围，联系方式已隐藏）',
        tags: ['互动交流'],
        operationId: 'listMessages',
        security: STAFF,
        querystring: Type.Object({
          queue: Type.Optional(Type.String({ description: '队列（不认识的队列按全部）' })),
          ...PageQuery(200),
        }),
        response: answers({ 200: Paged(MessageSummary) }),
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw unauthenticated();
      const q = req.query;
      const page = q.page ?? 1;
      const perPage = q.perPage ?? 50;
      const { rows, total } = await maskedMessages(req.ctx, {
        queue: q.queue,
        limit: perPage,
        offset: (page - 1) * perPage,
      });
      const data = rows.map((m) => ({
        id: m.id,
        messageNo: m.message_no,
        orgId: m.org_id,
        orgName: m.org_name,
        type: m.type,
        channel: m.channel,
        subject: m.subject,
        state: m.state,
        nameMasked: m.name,
        phoneMasked: m.phone,
        receivedOn: m.received_on,
        dueOn: m.due_on,
        repliedOn: m.replied_on,
        rating: m.rating,
        heldForModeration: !!m.held_for_moderation,
        published: !!m.published,
      }));
      return { data, page, perPage, total };
    },
  );
}
