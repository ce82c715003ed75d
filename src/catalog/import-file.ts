import { createReadStream } from 'node:fs';
import { Utf8Check } from '../platform/utf8-check.js';
import { open, readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { CellValue } from 'exceljs';
import { invalid } from '../platform/errors.js';
import { CsvParser } from '../platform/csv.js';
import { sniff } from './attachment-files.js';

/** Text of a cell as the user sees it (dates as YYYY-MM-DD). */
function cellText(v: CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return v.result == null ? '' : String(v.result);
    return '';
  }
  return String(v);
}

/** The first bytes of a file or buffer. */
async function head(source: string | Buffer, n: number): Promise<Buffer> {
  if (Buffer.isBuffer(source)) return source.subarray(0, n);
  const fh = await open(source, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const bytesOf = (source: string | Buffer): Readable =>
  Buffer.isBuffer(source) ? Readable.from([source]) : createReadStream(source, { highWaterMark: 1 << 20 });

/** Whether the whole source is valid UTF-8 (read as a stream; nothing kept, nothing decoded). */
async function isUtf8(source: string | Buffer): Promise<boolean> {
  const check = new Utf8Check();
  for await (const chunk of bytesOf(source)) if (!check.push(chunk as Buffer)) return false;
  return check.end();
}

/** The rows of the first sheet of an XLSX, read with ExcelJS's streaming reader (cells as text). */
async function* xlsxRows(data: Buffer): AsyncGenerator<string[]> {
  // exceljs is loaded on first use: it would cost every process start 0.3–0.8 s and ~25 MB.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let width = 0;
  let sheets = 0;
  for await (const ws of reader) {
    sheets++;
    for await (const row of ws as AsyncIterable<{ values: CellValue[] }>) {
      const values = Array.isArray(row.values) ? row.values : [];
      width ||= values.length - 1;
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(width, values.length - 1); c++) cells.push(cellText(values[c] ?? null));
      if (cells.some((x) => x !== '')) yield cells;
    }
    break;
  }
  if (!sheets) throw invalid('import_empty', '表格中没有工作表。', 'file');
}

/**
 * The rows of an import file (a path, read as a stream, or the bytes of an upload): XLSX (first sheet)
 * or CSV in UTF-8 or GB18030/GBK. A CSV is never held whole: it is decoded and parsed piece by piece. An
 * XLSX is proved within the archive limits (zip bombs) before its rows are streamed out.
 */
export async function* importRows(source: string | Buffer): AsyncGenerator<string[]> {
  const first = await head(source, 4100);
  if (first.length >= 4 && first.readUInt32LE(0) === 0x04034b50) {
    const data = Buffer.isBuffer(source) ? source : await readFile(source);
    if ((await sniff(data)).ext !== 'xlsx') throw invalid('import_type', '请上传 CSV 或 XLSX 文件。', 'file');
    yield* xlsxRows(data);
    return;
  }
  const { fileTypeFromBuffer } = await import('file-type');
  // A CSV has no signature: any recognised binary type (PDF, DOC, image …) is not one, nor a recognised
  // signature cut short (file-type throws on it).
  const binary = await fileTypeFromBuffer(first).then(
    (t) => t !== undefined,
    () => true,
  );
  if (binary) throw invalid('import_type', '请上传 CSV 或 XLSX 文件。', 'file');
  const decoder = new TextDecoder((await isUtf8(source)) ? 'utf-8' : 'gb18030');
  const parser = new CsvParser();
  for await (const chunk of bytesOf(source)) yield* parser.push(decoder.decode(chunk as Buffer, { stream: true }));
  yield* parser.push(decoder.decode());
  yield* parser.end();
}

/** Reads a whole import file (an upload): XLSX (first sheet) or CSV in UTF-8 or GB18030/GBK. */
export async function readImportTable(data: Buffer): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const r of importRows(data)) rows.push(r);
  return rows;
}
