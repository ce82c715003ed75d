/** Console routes of the release package (提供材料) and its redaction page. Thin: the use-cases decide. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendPrivateFile } from '../../platform/http/private-download.js';
import { invalid, invalidFields, isAppError, type AppError } from '../../platform/errors.js';
import { refusedBody } from '../../platform/http/form-refusal.js';
import { Form, IdParams, Int, OptInt, OptText, Params, Text, Type, typed } from '../../platform/http/schemas.js';
import { readUploadForm, uploadForm } from '../../platform/http/upload-form.js';
import {
  canApproveExtension,
  readReleaseFile,
  staffRelease,
  addReleaseDocument,
  addReleaseFromCatalog,
  redactReleaseDocument,
  approveRelease,
  setReleaseDays,
  attachReleaseToItem,
  findInPdf,
  documentPages,
  documentPreview,
  boxesFromForm,
  type RedactionBox,
} from '../../requests/index.js';
import { ReleasePage } from './release-view.js';
import { RedactPage } from './redact-view.js';
import { DocxRedactPage } from './redact-docx-view.js';

type DocxValues = { terms: string; termReason: string; found: string; names: string };

/** The case and one document of its package. */
type Ids = { requestId: number; documentId: number };
const DocParams = Params({ id: Int('申请编号'), doc: Int('文件') });
/** `which` is original, released or redact (anything else: a page that does not exist). */
const FileParams = Params({ id: Int('申请编号'), doc: Int('文件'), which: Type.String({ title: '文本' }) });
const PageParams = Params({ id: Int('申请编号'), doc: Int('文件'), n: Int('页码') });
/** The redaction page's search: names (default: the consulted third parties) and other words. */
const FindQuery = Form({ names: OptText('第三方名称'), terms: Text('其他词语') });
const CatalogForm = Form({
  itemRef: Text('已公开信息的编号或索引号'),
  catalogAnswers: Text('该信息答复申请的哪一部分'),
});
/** The DOCX fields; a PDF or image sends its boxes as `b0`/`r0`, `m0`/`mr0`, … (read by boxesFromForm). */
const RedactForm = Form({
  terms: Text('遮盖的词语'),
  termReason: Text('遮盖理由'),
  found: Text('自动查找'),
  names: Text('第三方名称'),
});
/** Left empty: 0, which the use-case refuses with its range. */
const DaysForm = Form({ days: OptInt('下载期限（天）', { minimum: 0 }) });
const formError = (e: unknown): e is AppError =>
  isAppError(e) &&
  (e.kind === 'invalid' ||
    e.kind === 'conflict' ||
    (e.kind === 'forbidden' && e.errors[0]?.code === 'release_same_person'));
const splitList = (s: string) =>
  s
    .split(/[、,，;；\r\n]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export async function releaseRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  const packagePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    requestId: number,
    e?: AppError,
    answers?: string,
  ) => {
    const p = await staffRelease(req.ctx, requestId);
    return reply
      .header('cache-control', 'private, no-store')
      .page(
        <ReleasePage
          view={reply.view()}
          p={p}
          canApprove={canApproveExtension(req.ctx.actor, p.request.org_path)}
          errors={e?.errors}
          answers={answers}
        />,
        e?.status ?? 200,
      );
  };
  const redactPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    { requestId, documentId }: Ids,
    opts: { names?: string; terms: string; submitted?: RedactionBox[]; docx?: DocxValues; error?: AppError },
  ) => {
    const p = await staffRelease(req.ctx, requestId);
    const doc = p.documents.find((d) => d.id === documentId);
    if (!doc) return packagePage(req, reply, requestId);
    opts.names ??= p.thirdParties.join('、');
    if (doc.kind === 'docx') {
      const values = opts.docx ?? { terms: '', termReason: 'art15', found: 'art15', names: opts.names };
      return reply
        .header('cache-control', 'private, no-store')
        .page(
          <DocxRedactPage
            view={reply.view()}
            requestId={requestId}
            requestNo={p.request.request_no}
            docId={documentId}
            filename={doc.filename}
            values={values}
            errors={opts.error?.errors}
          />,
          opts.error?.status ?? 200,
        );
    }
    const original = await readReleaseFile(req.ctx, { requestId, documentId, which: 'original' });
    const saved = (opts.submitted ?? (JSON.parse(doc.boxes) as RedactionBox[])).map((b) => ({
      ...b,
      kind: 'drawn' as const,
      text: '',
    }));
    const found =
      opts.submitted || doc.kind !== 'pdf'
        ? []
        : await findInPdf(original.data, { names: splitList(opts.names), terms: splitList(opts.terms) });
    return reply
      .header('cache-control', 'private, no-store')
      .page(
        <RedactPage
          view={reply.view()}
          requestId={requestId}
          requestNo={p.request.request_no}
          docId={documentId}
          filename={doc.filename}
          pages={await documentPages(doc.kind, original.data)}
          unit={doc.kind === 'pdf' ? '磅' : '像素'}
          searchable={doc.kind === 'pdf'}
          proposals={[...saved, ...found]}
          names={opts.names}
          terms={opts.terms}
          errors={opts.error?.errors}
        />,
        opts.error?.status ?? 200,
      );
  };

  r.get('/console/requests/:id/release', { schema: { params: IdParams } }, (req, reply) =>
    packagePage(req, reply, req.params.id),
  );

  // A multipart form: its streaming reader (upload-form.ts) reads the file and the `answers` field, so only the path is declared.
  r.post(
    '/console/requests/:id/release/documents',
    { schema: { params: IdParams }, preValidation: readUploadForm('file') },
    async (req, reply) => {
      const form = uploadForm(req);
      const requestId = req.params.id;
      try {
        if (form.error)
          return packagePage(req, reply, requestId, invalid('upload_failed', form.error, 'file'), form.fields.answers);
        await addReleaseDocument(req.ctx, {
          requestId,
          filename: form.file?.name ?? '',
          data: form.file?.data ?? Buffer.alloc(0),
          answers: form.fields.answers ?? '',
        });
        return reply.flashRedirect(`/console/requests/${requestId}/release`, `已添加“${form.file?.name ?? ''}”。`);
      } catch (e) {
        if (!formError(e)) throw e;
        return packagePage(req, reply, requestId, e, form.fields.answers);
      }
    },
  );

  r.post(
    '/console/requests/:id/release/from-catalog',
    { schema: { params: IdParams, body: CatalogForm } },
    async (req, reply) => {
      const requestId = req.params.id;
      try {
        const added = await addReleaseFromCatalog(req.ctx, {
          requestId,
          itemRef: req.body.itemRef,
          answers: req.body.catalogAnswers,
        });
        const skipped = added.skipped.length
          ? `；未添加 ${added.skipped.map((x) => `“${x.filename}”（${x.reason}）`).join('、')}`
          : '';
        return reply.flashRedirect(
          `/console/requests/${requestId}/release`,
          `已从“${added.title}”添加 ${added.added.length} 个附件${skipped}。`,
        );
      } catch (e) {
        if (!formError(e)) throw e;
        return packagePage(req, reply, requestId, e);
      }
    },
  );

  r.get(
    '/console/requests/:id/release/:doc/:which',
    { schema: { params: FileParams, querystring: FindQuery } },
    async (req, reply) => {
      const { id: requestId, doc: documentId, which } = req.params;
      if (which === 'redact')
        return redactPage(req, reply, { requestId, documentId }, { names: req.query.names, terms: req.query.terms });
      if (which !== 'original' && which !== 'released') return reply.callNotFound();
      const f = await readReleaseFile(req.ctx, { requestId, documentId, which });
      return sendPrivateFile(reply, { ...f, filename: which === 'released' ? `公开文本-${f.filename}` : f.filename });
    },
  );

  r.get('/console/requests/:id/release/:doc/page/:n', { schema: { params: PageParams } }, async (req, reply) => {
    const { id: requestId, doc: documentId, n } = req.params;
    const f = await readReleaseFile(req.ctx, { requestId, documentId, which: 'original' });
    const kind = (await staffRelease(req.ctx, requestId)).documents.find((d) => d.id === documentId)!.kind;
    return reply
      .header('content-type', 'image/png')
      .header('cache-control', 'private, no-store')
      .send(await documentPreview(kind, f.data, n));
  });

  r.post(
    '/console/requests/:id/release/:doc/redact',
    { schema: { params: DocParams, body: RedactForm } },
    async (req, reply) => {
      const ids: Ids = { requestId: req.params.id, documentId: req.params.doc };
      const boxes = boxesFromForm(req.body);
      const docx: DocxValues = {
        terms: req.body.terms,
        termReason: req.body.termReason,
        found: req.body.found,
        names: req.body.names,
      };
      try {
        const asDocx = {
          terms: docx.terms
            .split(/\r?\n/)
            .map((t) => ({ text: t.trim(), reason: docx.termReason }))
            .filter((t) => t.text),
          found: docx.found || undefined,
          names: splitList(docx.names),
        };
        const done = await redactReleaseDocument(req.ctx, { ...ids, boxes, docx: asDocx });
        return reply.flashRedirect(
          `/console/requests/${ids.requestId}/release`,
          `已生成公开文本：遮盖 ${done.boxes} 处。`,
        );
      } catch (e) {
        if (!formError(e)) throw e;
        return redactPage(req, reply, ids, {
          names: docx.names,
          terms: '',
          submitted: boxes.filter((b) => b.page > 0),
          docx,
          error: e,
        });
      }
    },
  );

  r.post('/console/requests/:id/release/approve', { schema: { params: IdParams } }, async (req, reply) => {
    const requestId = req.params.id;
    try {
      const done = await approveRelease(req.ctx, { requestId });
      return reply.flashRedirect(
        `/console/requests/${requestId}/release`,
        `提供材料已审核通过，申请人可下载至 ${done.availableUntil}。`,
      );
    } catch (e) {
      if (!formError(e)) throw e;
      return packagePage(req, reply, requestId, e);
    }
  });

  r.post('/console/requests/:id/release/to-item', { schema: { params: IdParams } }, async (req, reply) => {
    const requestId = req.params.id;
    try {
      const done = await attachReleaseToItem(req.ctx, { requestId });
      return reply.flashRedirect(`/console/items/${done.itemId}`, `已将 ${done.attached} 个公开文本添加为附件。`);
    } catch (e) {
      if (!formError(e)) throw e;
      return packagePage(req, reply, requestId, e);
    }
  });

  r.post(
    '/console/requests/:id/release/days',
    { schema: { params: IdParams, body: DaysForm }, attachValidation: true },
    async (req, reply) => {
      const refused = refusedBody(req);
      const requestId = req.params.id;
      try {
        const p = await staffRelease(req.ctx, requestId);
        // A number the schema refused (十, 3.5) is shown at the field like the use-case's range message.
        if (refused) throw invalidFields(refused);
        const days = await setReleaseDays(req.ctx, { orgId: p.request.org_id, days: req.body.days ?? 0 });
        return reply.flashRedirect(`/console/requests/${requestId}/release`, `下载期限已设为 ${days} 天。`);
      } catch (e) {
        if (!formError(e)) throw e;
        return packagePage(req, reply, requestId, e);
      }
    },
  );
}
