/**
 * Reading ZIP archives without being blown up by them. A zip bomb is a small file that expands to
 * gigabytes (very high compression ratios, many entries, or sizes in the directory that lie). Before
 * anything is expanded, the central directory is read and refused when it has too many entries, when an
 * entry or the whole would expand beyond the limits, or when an entry's ratio is implausible; then each
 * entry is inflated with a hard output cap equal to its declared size, so a lying directory is caught
 * while inflating instead of after. Refusals are `ArchiveRefused` with a Chinese message.
 *
 * Only the ZIP features real office files and folder archives use are supported: stored and deflated
 * entries, no encryption, no ZIP64, no spanning.
 */
import { inflateRawSync } from 'node:zlib';
import { invalid } from './errors.js';

/** Limits on what an archive may expand to. */
export interface ArchiveLimits {
  /** Entries (files and folders) at most. */
  maxEntries: number;
  /** Expanded size of one entry at most, in bytes. */
  maxEntryBytes: number;
  /** Expanded size of all entries together at most, in bytes. */
  maxTotalBytes: number;
  /** Expanded size ÷ compressed size of an entry at most (checked for entries above 1 MiB expanded). */
  maxRatio: number;
}

/** Default limits: room for a folder of a jurisdiction's reports or a large workbook, not for a bomb. */
export const ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 5000,
  maxEntryBytes: 100 * 2 ** 20,
  maxTotalBytes: 512 * 2 ** 20,
  maxRatio: 200,
};

/** Why an archive is refused: over a limit (a zip bomb, or just too big), damaged or not a ZIP, or a feature not supported. */
export type RefusalKind = 'limit' | 'damaged' | 'unsupported';

/** An archive that is refused (or is not a ZIP); the message is for users, in Chinese. */
export class ArchiveRefused extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
  ) {
    super(message);
  }
}

/** One entry of the central directory. */
export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  encrypted: boolean;
  directory: boolean;
  /** Offset of the entry's local header. */
  offset: number;
}

const MiB = (n: number): string => (n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0);

function decodeName(raw: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return raw.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    // Archives made on Chinese Windows store names in GBK without saying so.
    return new TextDecoder('gb18030').decode(raw);
  }
}

function endOfDirectory(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  throw new ArchiveRefused('damaged', '文件不是有效的 ZIP 压缩包。');
}

/**
 * Reads the central directory and checks it against the limits without expanding anything.
 * Throws ArchiveRefused when the archive is not a ZIP, uses ZIP64, or goes beyond a limit.
 */
export function checkZipDirectory(buf: Buffer, limits: ArchiveLimits = ARCHIVE_LIMITS): ZipEntryInfo[] {
  const eocd = endOfDirectory(buf);
  const count = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff)
    throw new ArchiveRefused('unsupported', '不支持 ZIP64 格式的压缩包。');
  if (count > limits.maxEntries)
    throw new ArchiveRefused('limit', `压缩包内文件过多（${count} 个，上限 ${limits.maxEntries} 个），拒绝解压。`);
  if (dirOffset + dirSize > eocd) throw new ArchiveRefused('damaged', '文件不是有效的 ZIP 压缩包。');
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  for (let p = dirOffset; p < dirOffset + dirSize;) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50)
      throw new ArchiveRefused('damaged', 'ZIP 压缩包的目录已损坏。');
    if (entries.length >= limits.maxEntries)
      throw new ArchiveRefused('limit', `压缩包内文件过多（超过 ${limits.maxEntries} 个），拒绝解压。`);
    const flags = buf.readUInt16LE(p + 8);
    const nameLength = buf.readUInt16LE(p + 28);
    const entry: ZipEntryInfo = {
      name: decodeName(buf.subarray(p + 46, p + 46 + nameLength), (flags & 0x800) !== 0),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      encrypted: (flags & 1) !== 0,
      directory: false,
      offset: buf.readUInt32LE(p + 42),
    };
    entry.directory = entry.name.endsWith('/');
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.offset === 0xffffffff)
      throw new ArchiveRefused('unsupported', '不支持 ZIP64 格式的压缩包。');
    if (entry.size > limits.maxEntryBytes)
      throw new ArchiveRefused(
        'limit',
        `压缩包中“${entry.name}”解压后 ${MiB(entry.size)} MB，超过单个文件上限 ${MiB(limits.maxEntryBytes)} MB，拒绝解压。`,
      );
    if (entry.size > 2 ** 20 && entry.size > limits.maxRatio * Math.max(1, entry.compressedSize))
      throw new ArchiveRefused(
        'limit',
        `压缩包中“${entry.name}”的压缩比异常（约 ${Math.round(entry.size / Math.max(1, entry.compressedSize))} 倍），疑似压缩炸弹，拒绝解压。`,
      );
    total += entry.size;
    if (total > limits.maxTotalBytes)
      throw new ArchiveRefused('limit', `压缩包解压后超过 ${MiB(limits.maxTotalBytes)} MB 的上限，拒绝解压。`);
    entries.push(entry);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return entries;
}

/**
 * Expands one entry. The output is capped at its declared size: an entry that expands further (a
 * directory that lies) is refused. Throws ArchiveRefused for encrypted entries and unknown methods.
 */
export function readZipEntry(buf: Buffer, entry: ZipEntryInfo): Buffer {
  if (entry.encrypted) throw new ArchiveRefused('unsupported', `压缩包中“${entry.name}”已加密，无法解压。`);
  const p = entry.offset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50)
    throw new ArchiveRefused('damaged', `压缩包中“${entry.name}”已损坏。`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const raw = buf.subarray(start, start + entry.compressedSize);
  if (raw.length !== entry.compressedSize) throw new ArchiveRefused('damaged', `压缩包中“${entry.name}”已损坏。`);
  let data: Buffer;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
    } catch (e) {
      if (e instanceof RangeError)
        throw new ArchiveRefused('limit', `压缩包中“${entry.name}”实际解压大小超过声明，疑似压缩炸弹，拒绝解压。`);
      throw new ArchiveRefused('damaged', `压缩包中“${entry.name}”已损坏。`);
    }
  } else throw new ArchiveRefused('unsupported', `压缩包中“${entry.name}”使用了不支持的压缩方式。`);
  if (data.length !== entry.size)
    throw new ArchiveRefused('damaged', `压缩包中“${entry.name}”实际解压大小与声明不符，已损坏。`);
  return data;
}

/**
 * Expands the files of an archive that `accept` wants (folders skipped), within the limits.
 * Throws ArchiveRefused on the first refusal; nothing is returned then.
 */
export function readZip(
  buf: Buffer,
  accept: (name: string) => boolean = () => true,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): Array<{ name: string; data: Buffer }> {
  return checkZipDirectory(buf, limits)
    .filter((e) => !e.directory && accept(e.name))
    .map((e) => ({ name: e.name, data: readZipEntry(buf, e) }));
}

/**
 * Proves that an archive stays within the limits before a library (JSZip, exceljs, mammoth) expands it:
 * the directory is checked (entries, declared sizes, ratios), then every entry is inflated with its
 * declared size as a hard cap and thrown away, so a directory that lies is caught too. Peak memory is one
 * entry (at most `maxEntryBytes`). Every place that opens an uploaded DOCX/XLSX/ZIP calls this first.
 */
export function assertSafeArchive(buf: Buffer, limits: ArchiveLimits = ARCHIVE_LIMITS): void {
  for (const e of checkZipDirectory(buf, limits)) if (!e.directory) readZipEntry(buf, e);
}

/**
 * Throws a coded `archive_refused` error when the archive goes beyond the limits. A damaged ZIP is refused
 * too, unless `damagedOk` (the caller then reports the file as unreadable in its own words).
 */
export function refuseUnsafeArchive(data: Buffer, field?: string, damagedOk = false): void {
  try {
    assertSafeArchive(data);
  } catch (e) {
    if (e instanceof ArchiveRefused && damagedOk && e.kind === 'damaged') return;
    if (e instanceof ArchiveRefused) throw invalid('archive_refused', e.message, field);
    throw e;
  }
}
