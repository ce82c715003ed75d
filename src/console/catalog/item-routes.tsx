import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Choice, Form, IdParams, OptInt, Text, typed } from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import {
  staffItemPage,
  type StaffItemPage,
  updateItem,
  submitItem,
  reviewItem,
  publishItem,
  withdrawItem,
  correctItem,
  setValidity,
} from '../../catalog/index.js';
import { ItemFormBody, itemFormInput } from './item-form.js';
import { ItemPage } from './item-page-view.js';

const load = (req: FastifyRequest, id: number): Promise<StaffItemPage> => staffItemPage(req.ctx, id);

/** Re-renders the item page with field errors (used by the attachment upload). */
export async function itemPageWithErrors(
  req: FastifyRequest,
  reply: FastifyReply,
  id: number,
  errors: FieldError[],
  status: number,
) {
  return reply.page(<ItemPage view={reply.view()} d={await load(req, id)} errors={errors} />, status);
}

/** Runs a workflow use-case; on a user error re-renders the item page with the errors. */
async function act(
  req: FastifyRequest,
  reply: FastifyReply,
  id: number,
  run: () => Promise<unknown>,
  done: string,
  values?: ReturnType<typeof itemFormInput>,
) {
  try {
    await run();
    return reply.flashRedirect(`/console/items/${id}`, done);
  } catch (e) {
    if (!isAppError(e) || !['invalid', 'conflict', 'forbidden'].includes(e.kind)) throw e;
    return reply.page(
      <ItemPage view={reply.view()} d={await load(req, id)} errors={e.errors} values={values} />,
      e.status,
    );
  }
}

const ReviewForm = Form({
  decision: Choice('审核决定', ['approve', 'return'] as const, { default: 'approve' }),
  comment: Text('审核意见'),
});
const PublishForm = Form({ publishOn: Text('发布日期'), comment: Text('签发意见') });
const WithdrawForm = Form({ reason: Text('撤回理由') });
const CorrectForm = Form({ title: Text('名称'), bodyHtml: Text('正文'), revisionNote: Text('勘误说明') });
const ValidityForm = Form({ validity: Text('有效性'), validityOn: Text('变更日期'), replacedById: OptInt('替代文件') });

/** Console: one item — edit while a draft, workflow buttons, history. */
export async function itemRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/items/:id', { schema: { params: IdParams } }, async (req, reply) =>
    reply.page(<ItemPage view={reply.view()} d={await load(req, req.params.id)} />),
  );

  r.post('/console/items/:id', { schema: { params: IdParams, body: ItemFormBody } }, async (req, reply) => {
    const { id } = req.params;
    const input = itemFormInput(req.body);
    return act(req, reply, id, () => updateItem(req.ctx, id, input), '已保存。', input);
  });
  r.post('/console/items/:id/submit', { schema: { params: IdParams } }, async (req, reply) =>
    act(req, reply, req.params.id, () => submitItem(req.ctx, req.params.id), '已提交保密审查。'),
  );
  r.post('/console/items/:id/review', { schema: { params: IdParams, body: ReviewForm } }, async (req, reply) => {
    const { decision, comment } = req.body;
    return act(
      req,
      reply,
      req.params.id,
      () => reviewItem(req.ctx, { id: req.params.id, decision, comment }),
      decision === 'return' ? '已退回修改。' : '已审核通过。',
    );
  });
  r.post('/console/items/:id/publish', { schema: { params: IdParams, body: PublishForm } }, async (req, reply) =>
    act(
      req,
      reply,
      req.params.id,
      () => publishItem(req.ctx, { id: req.params.id, publishOn: req.body.publishOn, comment: req.body.comment }),
      '已签发。',
    ),
  );
  r.post('/console/items/:id/withdraw', { schema: { params: IdParams, body: WithdrawForm } }, async (req, reply) =>
    act(
      req,
      reply,
      req.params.id,
      () => withdrawItem(req.ctx, { id: req.params.id, reason: req.body.reason }),
      '已撤回。',
    ),
  );
  r.post('/console/items/:id/correct', { schema: { params: IdParams, body: CorrectForm } }, async (req, reply) => {
    const { title, bodyHtml, revisionNote } = req.body;
    return act(
      req,
      reply,
      req.params.id,
      () => correctItem(req.ctx, { id: req.params.id, title, bodyHtml, revisionNote }),
      '已保存勘误。',
    );
  });
  r.post('/console/items/:id/validity', { schema: { params: IdParams, body: ValidityForm } }, async (req, reply) =>
    act(
      req,
      reply,
      req.params.id,
      () =>
        setValidity(req.ctx, {
          id: req.params.id,
          validity: req.body.validity,
          validityOn: req.body.validityOn,
          replacedById: req.body.replacedById ?? null,
        }),
      '已变更有效性。',
    ),
  );
}
