/**
 * Text of attachments for the index (issue 5: "The text of DOCX, XLSX and PDF attachments is
 * searchable"). DOCX through mammoth, XLSX through exceljs, PDF through PDF.js (pdf-text.ts), plain
 * text and CSV as UTF-8. Scanned PDFs (images without a text layer) give no text: no OCR.
 */
import type { CellValue } from 'exceljs';
import { pdfText } from './pdf-text.js';
import { assertSafeArchive } from '../platform/archive-limits.js';

/** At most this many characters of one attachment are indexed. */
export const MAX_ATTACHMENT_TEXT = 200_000;

const kindOf = (filename: string, mime?: string): string => {
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  if (ext === 'docx' || mime === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    return 'docx';
  if (ext === 'xlsx' || mime === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  if (ext === 'txt' || ext === 'csv' || mime === 'text/plain' || mime === 'text/csv') return 'text';
  if (ext === 'pdf' || mime === 'application/pdf') return 'pdf';
  return 'other';
};

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v && v.result !== undefined && v.result !== null && typeof v.result !== 'object')
      return String(v.result);
  }
  return '';
}

async function xlsxText(data: Buffer): Promise<string> {
  assertSafeArchive(data);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const lines: string[] = [];
  let size = 0;
  wb.eachSheet((ws) => {
    lines.push(ws.name);
    ws.eachRow((row) => {
      if (size > MAX_ATTACHMENT_TEXT) return;
      const cells: string[] = [];
      row.eachCell((c) => {
        const t = cellText(c.value).trim();
        if (t) cells.push(t);
      });
      const line = cells.join(' ');
      size += line.length;
      if (line) lines.push(line);
    });
  });
  return lines.join('\n');
}

/**
 * Plain text of an attachment, or null when its kind is not extracted (images, archives) or it
 * cannot be read. Never throws for a damaged file.
 */
export async function extractAttachmentText(data: Buffer, filename: string, mime?: string): Promise<string | null> {
  try {
    let text: string;
    switch (kindOf(filename, mime)) {
      case 'docx':
        assertSafeArchive(data); // a zip bomb is refused (null) before mammoth expands it
        text = (await (await import('mammoth')).default.extractRawText({ buffer: data })).value;
        break;
      case 'xlsx':
        text = await xlsxText(data);
        break;
      case 'pdf':
        text = await pdfText(data, MAX_ATTACHMENT_TEXT);
        break;
      case 'text':
        text = data.toString('utf8').replace(/^\uFEFF/, '');
        break;
      default:
        return null;
    }
    return text
      .replace(/\s*\n\s*/g, '\n')
      .trim()
      .slice(0, MAX_ATTACHMENT_TEXT);
  } catch {
    return null;
  }
}
