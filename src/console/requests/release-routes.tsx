/** Console routes of the release package (提供材料) and its redaction page. Thin: the use-cases decide. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseId } from '../../orgs/create-user.js';
import { contentDisposition } from '../../catalog/attachment.rules.js';
import { invalid, isAppError, type AppError } from '../../platform/errors.js';
import { str } from '../../platform/http/form.js';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';
import { canApproveExtension } from '../../requests/requests.policy.rules.js';
import { readReleaseFile, staffRelease } from '../../requests/release/release-views.js';
import { addReleaseDocument } from '../../requests/release/add-release-document.js';
import { addReleaseFromCatalog } from '../../requests/release/add-release-from-catalog.js';
import { redactReleaseDocument } from '../../requests/release/redact-release-document.js';
import { approveRelease } from '../../requests/release/approve-release.js';
import { setReleaseDays } from '../../requests/release/set-release-days.js';
import { attachReleaseToItem } from '../../requests/release/attach-release-to-item.js';
import { findInPdf } from '../../requests/release/find-in-pdf.js';
import { documentPages, documentPreview } from '../../requests/release/redact-document.js';
import { boxesFromForm, type RedactionBox } from '../../requests/release/redaction.rules.js';
import { ReleasePage } from './release-view.js';
import { RedactPage } from './redact-view.js';
import { DocxRedactPage } from './redact-docx-view.js';

type DocxValues = { terms: string; termReason: string; found: string; names: string };

type Params = { id: string; doc?: string; n?: string };
const ids = (req: FastifyRequest) => {
  const p = req.params as Params;
  return { requestId: parseId(p.id), documentId: p.doc === undefined ? 0 : parseId(p.doc) };
};
const formError = (e: unknown): e is AppError => isAppError(e) && (e.kind === 'invalid' || e.kind === 'conflict' || (e.kind === 'forbidden' && e.errors[0]?.code === 'release_same_person'));
const splitList = (s: string) => s.split(/[、,，;；\r\n]+/).map((x) => x.trim()).filter(Boolean);

export async function releaseRoutes(app: FastifyInstance): Promise<void> {
  const packagePage = async (req: FastifyRequest, reply: FastifyReply, e?: AppError, answers?: string) => {
    const p = await staffRelease(req.ctx, ids(req).requestId);
    return reply.header('cache-control', 'private, no-store').page(<ReleasePage view={reply.view()} p={p} canApprove={canApproveExtension(req.ctx.actor, p.request.org_path)} errors={e?.errors} answers={answers} />, e?.status ?? 200);
  };
  const redactPage = async (req: FastifyRequest, reply: FastifyReply, opts: { names?: string; terms: string; submitted?: RedactionBox[]; docx?: DocxValues; error?: AppError }) => {
    const { requestId, documentId } = ids(req);
    const p = await staffRelease(req.ctx, requestId);
    const doc = p.documents.find((d) => d.id === documentId);
    if (!doc) return packagePage(req, reply);
    opts.names ??= p.thirdParties.join('、');
    if (doc.kind === 'docx') {
      const values = opts.docx ?? { terms: '', termReason: 'art15', found: 'art15', names: opts.names };
      return reply.header('cache-control', 'private, no-store').page(<DocxRedactPage view={reply.view()} requestId={requestId} requestNo={p.request.request_no} docId={documentId} filename={doc.filename} values={values} errors={opts.error?.errors} />, opts.error?.status ?? 200);
    }
    const original = await readReleaseFile(req.ctx, { requestId, documentId, which: 'original' });
    const saved = (opts.submitted ?? (JSON.parse(doc.boxes) as RedactionBox[])).map((b) => ({ ...b, kind: 'drawn' as const, text: '' }));
    const found = opts.submitted || doc.kind !== 'pdf' ? [] : await findInPdf(original.data, { names: splitList(opts.names), terms: splitList(opts.terms) });
    return reply.header('cache-control', 'private, no-store').page(
      <RedactPage view={reply.view()} requestId={requestId} requestNo={p.request.request_no} docId={documentId} filename={doc.filename} pages={await documentPages(doc.kind, original.data)} unit={doc.kind === 'pdf' ? '磅' : '像素'} searchable={doc.kind === 'pdf'} proposals={[...saved, ...found]} names={opts.names} terms={opts.terms} errors={opts.error?.errors} />,
      opts.error?.status ?? 200,
    );
  };

  app.get('/console/requests/:id/release', (req, reply) => packagePage(req, reply));

  app.post('/console/requests/:id/release/documents', { preValidation: readUploadForm('file') }, async (req, reply) => {
    const form = uploadForm(req);
    const { requestId } = ids(req);
    try {
      if (form.error) return packagePage(req, reply, invalid('upload_failed', form.error, 'file'), form.fields.answers);
      await addReleaseDocument(req.ctx, { requestId, filename: form.file?.name ?? '', data: form.file?.data ?? Buffer.alloc(0), answers: form.fields.answers ?? '' });
      return reply.flashRedirect(`/console/requests/${requestId}/release`, `已添加“${form.file?.name ?? ''}”。`);
    } catch (e) {
      if (!formError(e)) throw e;
      return packagePage(req, reply, e, form.fields.answers);
    }
  });

  app.post('/console/requests/:id/release/from-catalog', async (req, reply) => {
    const { requestId } = ids(req);
    try {
      const r = await addReleaseFromCatalog(req.ctx, { requestId, itemRef: str(req.body, 'itemRef'), answers: str(req.body, 'catalogAnswers') });
      const skipped = r.skipped.length ? `；未添加 ${r.skipped.map((x) => `“${x.filename}”（${x.reason}）`).join('、')}` : '';
      return reply.flashRedirect(`/console/requests/${requestId}/release`, `已从“${r.title}”添加 ${r.added.length} 个附件${skipped}。`);
    } catch (e) {
      if (!formError(e)) throw e;
      return packagePage(req, reply, e, str(req.body, 'answers'));
    }
  });

  app.get('/console/requests/:id/release/:doc/:which', async (req, reply) => {
    const which = (req.params as { which: string }).which;
    if (which === 'redact') {
      const q = req.query as Record<string, unknown>;
      return redactPage(req, reply, { names: q.names === undefined ? undefined : str(q, 'names'), terms: str(q, 'terms') });
    }
    if (which !== 'original' && which !== 'released') return reply.callNotFound();
    const f = await readReleaseFile(req.ctx, { ...ids(req), which });
    return reply.header('content-type', f.mime).header('content-disposition', contentDisposition(which === 'released' ? `公开文本-${f.filename}` : f.filename)).header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store').send(f.data);
  });

  app.get('/console/requests/:id/release/:doc/page/:n', async (req, reply) => {
    const { requestId, documentId } = ids(req);
    const f = await readReleaseFile(req.ctx, { requestId, documentId, which: 'original' });
    const kind = (await staffRelease(req.ctx, requestId)).documents.find((d) => d.id === documentId)!.kind;
    return reply.header('content-type', 'image/png').header('cache-control', 'private, no-store').send(await documentPreview(kind, f.data, parseId((req.params as Params).n ?? '')));
  });

  app.post('/console/requests/:id/release/:doc/redact', async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const boxes = boxesFromForm(body);
    const docx: DocxValues = { terms: str(body, 'terms'), termReason: str(body, 'termReason'), found: str(body, 'found'), names: str(body, 'names') };
    try {
      const asDocx = { terms: docx.terms.split(/\r?\n/).map((t) => ({ text: t.trim(), reason: docx.termReason })).filter((t) => t.text), found: docx.found || undefined, names: splitList(docx.names) };
      const r = await redactReleaseDocument(req.ctx, { ...ids(req), boxes, docx: asDocx });
      return reply.flashRedirect(`/console/requests/${ids(req).requestId}/release`, `已生成公开文本：遮盖 ${r.boxes} 处。`);
    } catch (e) {
      if (!formError(e)) throw e;
      return redactPage(req, reply, { names: docx.names, terms: '', submitted: boxes.filter((b) => b.page > 0), docx, error: e });
    }
  });

  app.post('/console/requests/:id/release/approve', async (req, reply) => {
    try {
      const r = await approveRelease(req.ctx, { requestId: ids(req).requestId });
      return reply.flashRedirect(`/console/requests/${ids(req).requestId}/release`, `提供材料已审核通过，申请人可下载至 ${r.availableUntil}。`);
    } catch (e) {
      if (!formError(e)) throw e;
      return packagePage(req, reply, e);
    }
  });

  app.post('/console/requests/:id/release/to-item', async (req, reply) => {
    try {
      const r = await attachReleaseToItem(req.ctx, { requestId: ids(req).requestId });
      return reply.flashRedirect(`/console/items/${r.itemId}`, `已将 ${r.attached} 个公开文本添加为附件。`);
    } catch (e) {
      if (!formError(e)) throw e;
      return packagePage(req, reply, e);
    }
  });

  app.post('/console/requests/:id/release/days', async (req, reply) => {
    try {
      const p = await staffRelease(req.ctx, ids(req).requestId);
      const days = await setReleaseDays(req.ctx, { orgId: p.request.org_id, days: str(req.body, 'days') });
      return reply.flashRedirect(`/console/requests/${ids(req).requestId}/release`, `下载期限已设为 ${days} 天。`);
    } catch (e) {
      if (!formError(e)) throw e;
      return packagePage(req, reply, e);
    }
  });
}
