/** What the applicant and the staff see of a package (reading only, no audit). */
import { today } from '../../platform/context.js';
import { readFile } from 'node:fs/promises';
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { blobPath } from '../../catalog/index.js';
import { getOrg } from '../../orgs/index.js';
import { readSetting } from '../../platform/settings.store.js';
import { loadCase } from '../case-support.js';
import { findByCode } from '../find-by-code.js';
import { mimeOfKind, releaseDays, releaseDaysKey, releaseOpen } from './release.rules.js';
import {
  RELEASE_AREA,
  getRelease,
  getReleaseDocument,
  listReleaseDocuments,
  listReleaseDownloads,
} from './release.store.js';

/** The applicant's list: documents of an open package (none before approval or after the period). */
export async function applicantRelease(
  ctx: Ctx,
  input: { requestNo: string; queryCode: string },
): Promise<{
  until: string;
  documents: Array<{ id: number; filename: string; answers: string; size: number }>;
} | null> {
  const r = await findByCode(ctx.db, input.requestNo, input.queryCode);
  const rel = await getRelease(ctx.db, r.id);
  if (!rel || !releaseOpen(rel.available_until, today(ctx))) return null;
  const docs = await listReleaseDocuments(ctx.db, r.id);
  return {
    until: rel.available_until,
    documents: docs
      .filter((d) => d.released_sha256)
      .map((d) => ({ id: d.id, filename: d.filename, answers: d.answers, size: d.released_size ?? 0 })),
  };
}

/** The third parties the case consulted (第三十二条): names to search for in its documents. */
export async function thirdParties(db: Ctx['db'], requestId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('request_events')
    .select('payload')
    .where('request_id', '=', requestId)
    .where('type', '=', 'consultation_respondent')
    .orderBy('id')
    .execute();
  const names = rows
    .map((r) => JSON.parse(r.payload) as { party?: string; respondent?: string })
    .filter((p) => p.party === 'third_party' && p.respondent)
    .map((p) => p.respondent!.trim());
  return [...new Set(names)];
}

/** The staff's view of a package: documents, approval, downloads, the agency's period, the third parties. */
export async function staffRelease(ctx: Ctx, requestId: number) {
  const r = await loadCase(ctx.db, ctx, requestId, 'work');
  const [documents, release, downloads, org] = await Promise.all([
    listReleaseDocuments(ctx.db, r.id),
    getRelease(ctx.db, r.id),
    listReleaseDownloads(ctx.db, r.id),
    getOrg(ctx.db, r.org_id),
  ]);
  return {
    request: r,
    documents,
    release,
    downloads,
    days: releaseDays(await readSetting(ctx.db, releaseDaysKey(r.org_id))),
    orgName: org?.name ?? '',
    thirdParties: await thirdParties(ctx.db, r.id),
  };
}

/** A file of the package for staff (the case's handler or the request administrators): the original or the released copy. */
export async function readReleaseFile(
  ctx: Ctx,
  input: { requestId: number; documentId: number; which: 'original' | 'released' },
): Promise<{ filename: string; mime: string; data: Buffer }> {
  const r = await loadCase(ctx.db, ctx, input.requestId, 'work');
  const doc = await getReleaseDocument(ctx.db, r.id, input.documentId);
  const sha = input.which === 'original' ? doc?.original_sha256 : doc?.released_sha256;
  if (!doc || !sha) throw notFound('release_document_not_found', '提供材料中没有这个文件。');
  return {
    filename: doc.filename,
    mime: mimeOfKind(doc.kind),
    data: await readFile(blobPath(ctx.config.blobDir, sha, RELEASE_AREA)),
  };
}
