import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { Sniffed } from './attachment.rules.js';
import { refuseUnsafeArchive } from '../platform/archive-limits.js';

/** Image kinds whose size sniff() reads: the header must parse and the picture be of a size a browser shows. */
const IMAGES = new Set(['jpg', 'png', 'gif', 'webp', 'bmp', 'tif']);
/** Pixels of the largest image accepted (a 600 dpi A4 scan is 35 million; 100,000 × 100,000 is a decompression bomb). */
export const MAX_IMAGE_PIXELS = 150_000_000;

/** Sniffs the content type from the bytes (and looks for OFD.xml inside a ZIP). */
export async function sniff(data: Buffer): Promise<Sniffed> {
  // Loaded on first upload rather than at start-up.
  const { fileTypeFromBuffer } = await import('file-type');
  // file-type reads past the end of a file cut short after its signature (a PNG of 8 bytes): damaged.
  const t = await fileTypeFromBuffer(data).catch(() => 'damaged' as const);
  if (t === 'damaged') return { ext: null, damaged: true };
  // Every upload passes here: an archive (DOCX, XLSX, OFD, ZIP …) is proved within the limits before
  // anything expands it (zip bombs), and refused with a Chinese message otherwise.
  if (data.length >= 4 && data.readUInt32LE(0) === 0x04034b50) refuseUnsafeArchive(data, undefined, true);
  // A PDF must open and show its first page: a bare `%PDF-` header is not a PDF (attachments, identity proofs).
  if (t?.ext === 'pdf') return (await pdfOpens(data)) ? { ext: 'pdf' } : { ext: null, damaged: true };
  if (t && IMAGES.has(t.ext)) return imageOpens(data) ? { ext: t.ext } : { ext: null, damaged: true };
  if (t?.ext !== 'zip') return { ext: t?.ext ?? null };
  try {
    const zip = await (await import('jszip')).default.loadAsync(data);
    return { ext: 'zip', zipHasOfdXml: zip.file(/^OFD\.xml$/i).length > 0 };
  } catch {
    return { ext: null };
  }
}

/** Whether an image's header parses (image-size) and its picture is not larger than MAX_IMAGE_PIXELS. */
function imageOpens(data: Buffer): boolean {
  try {
    const { width, height } = imageSize(data);
    return !!width && !!height && width * height <= MAX_IMAGE_PIXELS;
  } catch {
    return false;
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
