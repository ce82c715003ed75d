import type { FastifyInstance } from 'fastify';
import { typed, Type } from '../../platform/http/schemas.js';
import { invalid, unauthenticated } from '../../platform/errors.js';
import { sendPrivateFile } from '../../platform/http/private-download.js';
import {
  loadCase,
  listIdProofs,
  readIdProof,
  addIdProofs,
  ID_PROOF_FIELD,
  ID_PROOF_MAX_FILES,
  ID_PROOF_MB_RANGE,
} from '../../requests/index.js';
import { answers, Errors, IdParams, STAFF } from '../api-schemas.js';

const tags = ['依申请公开'];
/** What a proof can be (identity-proof.rules.ts: images and PDF). */
const PROOF_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
const Proof = Type.Object({
  id: Type.Integer(),
  filename: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  createdAt: Type.String(),
});
// Base64 of the largest allowed files, with room for the JSON around them.
const BODY_LIMIT = Math.ceil((ID_PROOF_MAX_FILES * ID_PROOF_MB_RANGE.max * 1024 * 1024 * 4) / 3) + 64 * 1024;

/**
 * JSON API for identity proofs (身份证明) of a case: personal data, so the same access as on the case
 * page — the case's handler or the agency's request_admin (`loadCase` 'work'); everyone else gets 403.
 */
export async function idProofsApi(app: FastifyInstance): Promise<void> {
  const api = typed(app);
  api.get(
    '/api/v1/requests/:id/id-proofs',
    {
      schema: {
        summary: '申请的身份证明文件列表（仅本案办理人和依申请公开负责人）',
        tags,
        operationId: 'listIdProofs',
        security: STAFF,
        params: IdParams,
        response: answers({ 200: Type.Object({ data: Type.Array(Proof) }) }),
      },
    },
    async (req) => {
      if (req.actor.kind !== 'user') throw unauthenticated();
      const r = await loadCase(req.ctx.db, req.ctx, req.params.id, 'work');
      const rows = await listIdProofs(req.ctx.db, r.id);
      return {
        data: rows.map((p) => ({
          id: p.id,
          filename: p.filename,
          mime: p.mime,
          size: p.size,
          createdAt: p.created_at,
        })),
      };
    },
  );

  api.get(
    '/api/v1/requests/:id/id-proofs/:proofId',
    {
      schema: {
        summary: '下载一个身份证明文件（仅本案办理人和依申请公开负责人）',
        tags,
        operationId: 'downloadIdProof',
        security: STAFF,
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), proofId: Type.Integer({ minimum: 1 }) }),
        response: {
          200: {
            description: '文件内容（JPG、PNG、GIF、WebP 或 PDF）',
            content: Object.fromEntries(
              PROOF_TYPES.map((t) => [t, { schema: Type.Unsafe<Buffer>({ type: 'string', contentMediaType: t }) }]),
            ),
          },
          '4xx': Errors,
        },
      },
    },
    async (req, reply) => {
      if (req.actor.kind !== 'user') throw unauthenticated();
      const f = await readIdProof(req.ctx, req.params.id, req.params.proofId);
      return sendPrivateFile(reply, f);
    },
  );

  api.post(
    '/api/v1/requests/:id/id-proofs',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        summary: '为已登记的申请补充身份证明文件（JPG、PNG、GIF、WebP 或 PDF，Base64 编码）',
        tags,
        operationId: 'addIdProofs',
        security: STAFF,
        params: IdParams,
        body: Type.Object({
          files: Type.Array(
            Type.Object({
              filename: Type.String({ minLength: 1, maxLength: 200 }),
              contentBase64: Type.String({ description: '文件内容（Base64）' }),
            }),
            { minItems: 1, maxItems: ID_PROOF_MAX_FILES },
          ),
        }),
        response: answers({ 201: Type.Object({ added: Type.Integer({ description: '新增的文件数' }) }) }),
      },
    },
    async (req, reply) => {
      if (req.actor.kind !== 'user') throw unauthenticated();
      const body = req.body;
      if (body.files.some((f) => !/^[A-Za-z0-9+/]*={0,2}$/.test(f.contentBase64.replace(/\s+/g, ''))))
        throw invalid('id_proof_base64', '文件内容应为 Base64 编码。', ID_PROOF_FIELD);
      const files = body.files.map((f) => ({ filename: f.filename, data: Buffer.from(f.contentBase64, 'base64') }));
      const r = await addIdProofs(req.ctx, { requestId: req.params.id, files });
      return reply.code(201).send(r);
    },
  );
}
