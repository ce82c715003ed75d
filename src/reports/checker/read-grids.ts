import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type JSZip from 'jszip';
import { expandRows, readNumber, type Grid, type RawCell } from './grid.rules.js';

/** A file that cannot be read as a report, with the reason in Chinese. */
export class UnreadableReport extends Error {}

/** The kind of document detected from its bytes. */
export type DocKind = 'html' | 'docx' | 'xlsx' | 'text';

const MAX_BYTES = 50 * 1024 * 1024;

/** Detects the document kind from its content (not its name). */
export async function detectKind(buf: Buffer, name = ''): Promise<{ kind: DocKind; zip?: JSZip }> {
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b) {
    let zip: JSZip;
    try {
      zip = await (await import('jszip')).default.loadAsync(buf);
    } catch {
      throw new UnreadableReport('文件已损坏：看似 ZIP（DOCX/XLSX）格式，但无法解压。');
    }
    if (zip.file('word/document.xml')) return { kind: 'docx', zip };
    if (zip.file('xl/workbook.xml')) return { kind: 'xlsx', zip };
    throw new UnreadableReport('不支持的压缩文件：既不是 DOCX 也不是 XLSX。');
  }
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) throw new UnreadableReport('不支持旧版 Office 格式（.doc/.xls），请另存为 DOCX 或 XLSX 后再检查。');
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') throw new UnreadableReport('不支持 PDF 文件，请提供网页（HTML）、DOCX 或 XLSX 版本。');
  const head = buf.subarray(0, 4096);
  if (head.includes(0)) throw new UnreadableReport('无法识别的文件格式（二进制文件），请提供 HTML、DOCX 或 XLSX。');
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

/**
 * Tab-separated text (e.g. a PDF text layer): one grid, one row per line. A line of label text without
 * numbers followed by a line of numbers only is joined into one row (wrapped labels).
 */
function textGrids(text: string): Grid[] {
  const lines = text.split(/\r?\n/).map((line) => line.split('\t').map((t) => t.trim()).filter(Boolean));
  const isNum = (t: string): boolean => readNumber(t).kind !== 'text';
  const rows: RawCell[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i];
    const next = lines[i + 1];
    if (cells.length && !cells.some(isNum) && next?.length && next.every(isNum)) {
      rows.push([...cells, ...next].map((t) => ({ text: t })));
      i++;
    } else rows.push(cells.map((t) => ({ text: t })));
  }
  return [expandRows(rows)];
}

/** Reads the tables of a document (HTML, DOCX, XLSX or tab-separated text) as grids. */
export async function readGrids(buf: Buffer, name = ''): Promise<{ kind: DocKind; grids: Grid[] }> {
  if (buf.length === 0) throw new UnreadableReport('文件为空。');
  if (buf.length > MAX_BYTES) throw new UnreadableReport('文件超过 50 MB，无法检查。');
  const { kind, zip } = await detectKind(buf, name);
  try {
    // The readers (cheerio, exceljs) are loaded on first use, not at every process start.
    if (kind === 'docx' && zip) return { kind, grids: await (await import('./docx-grid.js')).docxGrids(zip) };
    if (kind === 'xlsx') return { kind, grids: await (await import('./xlsx-grid.js')).xlsxGrids(buf) };
    const text = decodeText(buf);
    return { kind, grids: kind === 'html' ? (await import('./html-grid.js')).htmlGrids(text) : textGrids(text) };
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
