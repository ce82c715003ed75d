import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import JSZip from 'jszip';
import type { Sniffed } from './attachment.rules.js';

/** Sniffs the content type from the bytes (and looks for OFD.xml inside a ZIP). */
export async function sniff(data: Buffer): Promise<Sniffed> {
  const t = await fileTypeFromBuffer(data);
  if (t?.ext !== 'zip') return { ext: t?.ext ?? null };
  try {
    const zip = await JSZip.loadAsync(data);
    return { ext: 'zip', zipHasOfdXml: zip.file(/^OFD\.xml$/i).length > 0 };
  } catch {
    return { ext: null };
  }
}

/** SHA-256 of the bytes, hex. */
export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** Where a blob lives under the blob directory. */
export const blobPath = (blobDir: string, sha: string): string => path.join(blobDir, 'catalog', sha.slice(0, 2), sha);

/** Stores the bytes once per content hash (atomic rename; a second upload of the same content is a no-op). */
export async function storeBlob(blobDir: string, sha: string, data: Buffer): Promise<void> {
  const target = blobPath(blobDir, sha);
  try {
    await stat(target);
    return;
  } catch {
    // not stored yet
  }
  await mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, target);
}
