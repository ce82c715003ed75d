import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { invalid, unauthenticated } from '../../platform/errors.js';
import { contentDisposition } from '../../catalog/attachment.rules.js';
import { loadCase } from '../../requests/case-support.js';
import { listIdProofs, readIdProof } from '../../requests/identity-proofs.js';
import { addIdProofs } from '../../requests/add-id-proofs.js';
import { ID_PROOF_FIELD, ID_PROOF_MAX_FILES, ID_PROOF_MB_RANGE } from '../../requests/identity-proof.rules.js';

const sec = [{ bearer: [] }];
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Proof = Type.Object({ id: Type.Integer(), filename: Type.String(), mime: Type.String(), size: Type.Integer(), createdAt: Type.String() });
// Base64 of the largest allowed files, with room for the JSON around them.
const BODY_LIMIT = Math.ceil((ID_PROOF_MAX_FILES * ID_PROOF_MB_RANGE.max * 1024 * 1024 * 4) / 3) + 64 * 1024;

/**
 * JSON API for identity proofs (身份证明) of a case: personal data, so the same access as on the case
 * page — the case's handler or the agency's request_admin (`loadCase` 'work'); everyone else gets 403.
 */
export async function idProofsApi(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/v1/requests/:id/id-proofs',
    { schema: { summary: '申请的身份证明文件列表（仅本案办理人和依申请公开负责人）', tags: ['依申请公开'], security: sec, params: IdParams, response: { 200: Type.Object({ data: Type.Array(Proof) }) } } },
    async (req) => {
      if (req.actor.kind !== 'user') throw unauthenticated();
      const r = await loadCase(req.ctx.db, req.ctx, (req.params as { id: number }).id, 'work');
      const rows = await listIdProofs(req.ctx.db, r.id);
      return { data: rows.map((p) => ({ id: p.id, filename: p.filename, mime: p.mime, size: p.size, createdAt: p.created_at })) };
    },
  );

  app.get(
    '/api/v1/requests/:id/id-proofs/:proofId',
    { schema: { summary: '下载一个身份证明文件（仅本案办理人和依申请公开负责人）', tags: ['依申请公开'], security: sec, params: Type.Object({ id: Type.Integer({ minimum: 1 }), proofId: Type.Integer({ minimum: 1 }) }) } },
    async (req, reply) => {
      if (req.actor.kind !== 'user') throw unauthenticated();
      const p = req.params as { id: number; proofId: number };
      const f = await readIdProof(req.ctx, p.id, p.proofId);
      return reply.header('content-type', f.mime).header('content-disposition', contentDisposition(f.filename)).header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store').send(f.data);
    },
  );

  app.post(
    '/api/v1/requests/:id/id-proofs',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        summary: '为已登记的申请补充身份证明文件（JPG、PNG 或 PDF，Base64 编码）',
        tags: ['依申请公开'],
        security: sec,
        params: IdParams,
        body: Type.Object({ files: Type.Array(Type.Object({ filename: Type.String({ minLength: 1, maxLength: 200 }), contentBase64: Type.String() }), { minItems: 1, maxItems: ID_PROOF_MAX_FILES }) }),
        response: { 201: Type.Object({ added: Type.Integer() }) },
      },
    },
    async (req, reply) => {
      if (req.actor.kind !== 'user') throw unauthenticated();
      const body = req.body as { files: Array<{ filename: string; contentBase64: string }> };
      if (body.files.some((f) => !/^[A-Za-z0-9+/]*={0,2}$/.test(f.contentBase64.replace(/\s+/g, '')))) throw invalid('id_proof_base64', '文件内容应为 Base64 编码。', ID_PROOF_FIELD);
      const files = body.files.map((f) => ({ filename: f.filename, data: Buffer.from(f.contentBase64, 'base64') }));
      const r = await addIdProofs(req.ctx, { requestId: (req.params as { id: number }).id, files });
      return reply.code(201).send(r);
    },
  );
}
