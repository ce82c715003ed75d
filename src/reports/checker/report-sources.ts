/**
 * Where reports to check come from: files, folders (recursively) and ZIP archives of a jurisdiction's
 * reports. Archives are expanded in memory within the platform's archive limits (zip bombs refused).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ArchiveRefused, readZip } from '../../platform/archive-limits.js';
import { readFileBytes, UnreadableReport } from './read-grids.js';

/** File names the checker reads (a folder's other files are left alone). */
export const REPORT_FILE = /\.(pdf|html?|shtml|docx|xlsx|txt)$/i;
const ARCHIVE = /\.zip$/i;

/** One report to check: its name (a path, or `archive.zip/inner/path`) and bytes, or why it could not be had. */
export type ReportSource = { name: string; data: Buffer } | { name: string; error: string };

const wanted = (name: string): boolean => !path.basename(name).startsWith('.') && !name.includes('__MACOSX/');

/** Expands folders (recursively) into their report files and archives, sorted; files are kept as given. */
export async function expandPaths(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (s?.isDirectory()) {
      const names = (await readdir(p, { recursive: true }))
        .filter((n) => (REPORT_FILE.test(n) || ARCHIVE.test(n)) && wanted(n))
        .sort();
      out.push(...names.map((n) => path.join(p, n)));
    } else out.push(p);
  }
  return out;
}

/** The reports inside a ZIP archive; a refused archive is one source with the reason. Nested archives are not opened. */
export function archiveSources(name: string, data: Buffer): ReportSource[] {
  try {
    const entries = readZip(data, (n) => wanted(n) && (REPORT_FILE.test(n) || ARCHIVE.test(n)));
    if (!entries.length) return [{ name, error: '压缩包中没有可检查的报告文件（支持 PDF、HTML、DOCX、XLSX、TXT）。' }];
    return entries.map((e) =>
      ARCHIVE.test(e.name)
        ? { name: `${name}/${e.name}`, error: '压缩包中的压缩包不展开，请解压后分别上传。' }
        : { name: `${name}/${e.name}`, data: e.data },
    );
  } catch (e) {
    return [{ name, error: e instanceof ArchiveRefused ? e.message : '压缩包无法解压。' }];
  }
}

/** True when bytes are a ZIP archive that is not an Office document. */
export function isArchive(name: string, data: Buffer): boolean {
  return ARCHIVE.test(name) && data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;
}

/** Reads a path: a report file, or an archive expanded into its reports. */
export async function pathSources(file: string): Promise<ReportSource[]> {
  try {
    const data = await readFileBytes(file);
    return isArchive(file, data) ? archiveSources(file, data) : [{ name: file, data }];
  } catch (e) {
    return [{ name: file, error: e instanceof UnreadableReport ? e.message : '文件无法打开。' }];
  }
}
