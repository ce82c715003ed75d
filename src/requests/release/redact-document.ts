/** One entry per kind of release document: its pages, its preview, its cleaned copy and its redacted copy. */
import { cleanPdf, pagePreview, pdfPageSizes, redactPdf } from './redact-pdf.js';
import { cleanImage, imagePages, imagePreview, redactImage } from './redact-image.js';
import { redactDocx } from './redact-docx.js';
import type { PageSizes, RedactionBox } from './redaction.rules.js';

const isImage = (kind: string): kind is 'jpeg' | 'png' => kind === 'jpeg' || kind === 'png';

/** Page sizes boxes refer to: points for PDF, pixels for an image (one page). */
export async function documentPages(kind: string, data: Buffer): Promise<PageSizes> {
  return isImage(kind) ? imagePages(kind, data) : pdfPageSizes(data);
}

/** A page as PNG for the console. */
export async function documentPreview(kind: string, data: Buffer, page: number): Promise<Buffer> {
  return isImage(kind) ? imagePreview(kind, data) : pagePreview(data, page);
}

/** The copy released when nothing is redacted (metadata and the like removed), or null when the kind has none yet. */
export async function cleanDocument(kind: string, data: Buffer): Promise<Buffer | null> {
  if (kind === 'pdf') return cleanPdf(data);
  if (isImage(kind)) return cleanImage(kind, data);
  if (kind === 'docx') return (await redactDocx(data, {})).docx;
  return null;
}

/** The redacted copy. */
export async function redactDocument(kind: string, data: Buffer, boxes: readonly RedactionBox[]): Promise<Buffer> {
  return isImage(kind) ? redactImage(kind, data, boxes) : redactPdf(data, boxes);
}
