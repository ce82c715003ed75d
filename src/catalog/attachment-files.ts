import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Sniffed } from './attachment.rules.js';
import { refuseUnsafeArchive } from '../platform/archive-limits.js';

/** Sniffs the content type from the bytes (and looks for OFD.xml inside a ZIP). */
export async function sniff(data: Buffer): Promise<Sniffed> {
  // Loaded on first upload rather than at start-up.
  const { fileTypeFromBuffer } = await import('file-type');
  const t = await fileTypeFromBuffer(data);
  // Every upload passes here: an archive (DOCX, XLSX, OFD, ZIP …) is proved within the limits before
  // anything expands it (zip bombs), and refused with a Chinese message otherwise.
  if (data.length >= 4 && data.readUInt32LE(0) === 0x04034b50) refuseUnsafeArchive(data, undefined, true);
  // A PDF must open and show its first page: a bare `%PDF-` header is not a PDF (attachments, identity proofs).
  if (t?.ext === 'pdf') return (await pdfOpens(data)) ? { ext: 'pdf' } : { ext: null };
  if (t?.ext !== 'zip') return { ext: t?.ext ?? null };
  try {
    const zip = await (await import('jszip')).default.loadAsync(data);
    return { ext: 'zip', zipHasOfdXml: zip.file(/^OFD\.xml$/i).length > 0 };
  } catch {
    return { ext: null };
  }
}

/** Whether PDF.js opens the file and its first page. */
async function pdfOpens(data: Buffer): Promise<boolean> {
  const { openPdf } = await import('../platform/pdf.js');
  let pdf: Awaited<ReturnType<typeof openPdf>> | null = null;
  try {
    pdf = await openPdf(data);
    if (pdf.doc.numPages < 1) return false;
    await pdf.doc.getPage(1);
    return true;
  } catch {
    return false;
  } finally {
    await pdf?.close();
  }
}

/** SHA-256 of the bytes, hex. */
export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/**
 * Where a blob lives under the blob directory. `area` keeps stores apart (the catalogue's public
 * attachments in `catalog/`, applicants' identity proofs in `requests/`), so erasing one never
 * removes a file another still uses.
 */
export const blobPath = (blobDir: string, sha: string, area = 'catalog'): string =>
  path.join(blobDir, area, sha.slice(0, 2), sha);

/** Stores the bytes once per content hash (atomic rename; a second upload of the same content is a no-op). */
export async function storeBlob(blobDir: string, sha: string, data: Buffer, area = 'catalog'): Promise<void> {
  const target = blobPath(blobDir, sha, area);
  try {
    await stat(target);
    return;
  } catch {
    // not stored yet
  }
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, target);
}

/** Removes a stored blob (no error when it is already gone). The caller checks that nothing refers to it. */
export async function removeBlob(blobDir: string, sha: string, area: string): Promise<void> {
  try {
    await unlink(blobPath(blobDir, sha, area));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}
