import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type JSZip from 'jszip';
import { expandRows, type Grid, type RawCell } from './grid.rules.js';
import { readPdf } from './pdf/read-pdf.js';
import { documentGrids } from './pdf/page-grids.rules.js';
import { assertSafeArchive, ArchiveRefused } from '../../platform/archive-limits.js';

/** A file that cannot be read as a report, with the reason in Chinese. */
export class UnreadableReport extends Error {}

/** The kind of document detected from its bytes. */
export type DocKind = 'html' | 'docx' | 'xlsx' | 'pdf' | 'text';

/** A document read as tables, with the text it opens with (title, first paragraphs). */
export interface ReadDoc {
  kind: DocKind;
  grids: Grid[];
  /** The first two thousand or so characters of text, line by line (where the title is). */
  lead: string;
  /** Remarks on the reading, in Chinese (pages without text, pages not read). */
  notes: string[];
}

const LEAD_CHARS = 2000;

const MAX_BYTES = 50 * 1024 * 1024;

/** Detects the document kind from its content (not its name). */
export async function detectKind(buf: Buffer, name = ''): Promise<{ kind: DocKind; zip?: JSZip }> {
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b) {
    let zip: JSZip;
    try {
      assertSafeArchive(buf);
      zip = await (await import('jszip')).default.loadAsync(buf);
    } catch (e) {
      if (e instanceof ArchiveRefused && e.kind !== 'damaged') throw new UnreadableReport(e.message);
      throw new UnreadableReport('文件已损坏：看似 ZIP（DOCX/XLSX）格式，但无法解压。');
    }
    if (zip.file('word/document.xml')) return { kind: 'docx', zip };
    if (zip.file('xl/workbook.xml')) return { kind: 'xlsx', zip };
    throw new UnreadableReport('不支持的压缩文件：既不是 DOCX 也不是 XLSX。');
  }
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0)
    throw new UnreadableReport('不支持旧版 Office 格式（.doc/.xls），请另存为 DOCX 或 XLSX 后再检查。');
  if (buf.subarray(0, 1024).includes('%PDF-')) return { kind: 'pdf' };
  const head = buf.subarray(0, 4096);
  if (head.includes(0))
    throw new UnreadableReport('无法识别的文件格式（二进制文件），请提供 PDF、HTML、DOCX 或 XLSX。');
  const text = decodeText(buf);
  if (/<table[\s>]/i.test(text) || /\.html?$/i.test(name)) return { kind: 'html' };
  return { kind: 'text' };
}

/** Decodes UTF-8, or GB18030 when the page declares a GB charset or is not valid UTF-8. */
export function decodeText(buf: Buffer): string {
  const head = buf.subarray(0, 2048).toString('latin1');
  if (/charset\s*=\s*["']?(gb2312|gbk|gb18030)/i.test(head)) return new TextDecoder('gb18030').decode(buf);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

/** Tab-separated text (e.g. a PDF text layer): one grid, one row per line, one cell per tab-separated field. */
function textGrids(text: string): Grid[] {
  const rows: RawCell[][] = text.split(/\r?\n/).map((line) =>
    line
      .split('\t')
      .map((t) => t.trim())
      .filter(Boolean)
      .map((t) => ({ text: t })),
  );
  return [expandRows(rows)];
}

/** The visible text of an HTML page, a line per block, without scripts and styles. */
function htmlLead(html: string): string {
  return html
    .slice(0, 200_000)
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '\n')
    .replace(/&nbsp;/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n')
    .slice(0, LEAD_CHARS);
}

/** The first rows of grids as lines of text (PDF pages, text layers, worksheets). */
const gridLead = (grids: Grid[]): string =>
  grids
    .flatMap((g) => g.map((row) => [...new Set(row.map((c) => c.text))].join(' ').trim()))
    .filter(Boolean)
    .join('\n')
    .slice(0, LEAD_CHARS);

const PDF_REFUSALS = {
  no_text: '无文字层，无法检查：PDF 中没有可读取的文字（扫描件或图片），请提供带文字的 PDF，或网页、DOCX、XLSX 版本。',
  encrypted: 'PDF 已加密，无法读取。',
  damaged: 'PDF 文件已损坏，无法读取。',
} as const;

/** Section 五 follows table 四: once its heading comes after 行政复议 and 行政诉讼, the tables have all been read. */
const PAST_TABLES = /行政复议[\s\S]*行政诉讼[\s\S]*五、/;

async function pdfDoc(buf: Buffer): Promise<ReadDoc> {
  const read = await readPdf(buf, (text) => PAST_TABLES.test(text));
  if (!read.ok) throw new UnreadableReport(PDF_REFUSALS[read.reason]);
  const grids = documentGrids(read.pages);
  const notes: string[] = [];
  if (read.pagesWithoutText.length)
    notes.push(`第 ${read.pagesWithoutText.join('、')} 页没有文字层（可能是扫描图片），其中的内容无法读取。`);
  if (read.truncated) notes.push(`PDF 超过 ${read.pages.length} 页，只读取了前 ${read.pages.length} 页。`);
  return { kind: 'pdf', grids, lead: gridLead(grids), notes };
}

/** Reads the tables of a document (PDF, HTML, DOCX, XLSX or tab-separated text) as grids. */
export async function readGrids(buf: Buffer, name = ''): Promise<ReadDoc> {
  if (buf.length === 0) throw new UnreadableReport('文件为空。');
  if (buf.length > MAX_BYTES) throw new UnreadableReport('文件超过 50 MB，无法检查。');
  const { kind, zip } = await detectKind(buf, name);
  try {
    if (kind === 'pdf') return await pdfDoc(buf);
    // Readers load their parsers (cheerio, exceljs: over half a second each) only when needed.
    if (kind === 'docx' && zip) {
      const { docxGrids, docxLead } = await import('./docx-grid.js');
      return { kind, grids: await docxGrids(zip), lead: await docxLead(zip, LEAD_CHARS), notes: [] };
    }
    if (kind === 'xlsx') {
      const { xlsxGrids } = await import('./xlsx-grid.js');
      const grids = await xlsxGrids(buf);
      return { kind, grids, lead: gridLead(grids), notes: [] };
    }
    const text = decodeText(buf);
    if (kind === 'html') {
      const { htmlGrids } = await import('./html-grid.js');
      return { kind, grids: htmlGrids(text), lead: htmlLead(text), notes: [] };
    }
    const grids = textGrids(text);
    return { kind, grids, lead: gridLead(grids), notes: [] };
  } catch (e) {
    if (e instanceof UnreadableReport) throw e;
    throw new UnreadableReport(`文件无法读取（${kind.toUpperCase()}）：内容已损坏或格式不正确。`);
  }
}

/** Reads a file from disk; missing files and folders give a Chinese message. */
export async function readFileBytes(file: string): Promise<Buffer> {
  let s;
  try {
    s = await stat(file);
  } catch {
    throw new UnreadableReport(`文件不存在：${path.basename(file)}`);
  }
  if (!s.isFile()) throw new UnreadableReport(`不是文件：${path.basename(file)}`);
  if (s.size > MAX_BYTES) throw new UnreadableReport('文件超过 50 MB，无法检查。');
  try {
    return await readFile(file);
  } catch {
    throw new UnreadableReport(`文件无法打开：${path.basename(file)}`);
  }
}
