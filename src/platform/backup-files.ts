import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';

/**
 * The file part of a backup, next to the database part: `<backup>.files/` holds the uploaded files
 * (`blobs/`, content-addressed and written once, so copying them after the database snapshot gives every
 * file the snapshot refers to) and the server secret (`secret.key`, which keys the audit chain).
 */
export const filesDirOf = (backupFile: string): string => `${backupFile}.files`;

/** Copies the blobs and the server secret into `<backup>.files/` (replacing an older copy). */
export function backupFiles(config: Pick<Config, 'blobDir' | 'secretKeyFile'>, backupFile: string): { dir: string } {
  const dir = filesDirOf(backupFile);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (existsSync(config.blobDir))
    cpSync(config.blobDir, path.join(dir, 'blobs'), { recursive: true, filter: (src) => !src.endsWith('.tmp') });
  if (existsSync(config.secretKeyFile)) cpSync(config.secretKeyFile, path.join(dir, 'secret.key'));
  return { dir };
}

/**
 * Brings the uploaded files of a backup back (files already present stay: blobs never change), and the
 * server secret when this machine has none. False when the backup has no file part (an older backup).
 */
export function restoreFiles(config: Pick<Config, 'blobDir' | 'secretKeyFile'>, backupFile: string): boolean {
  const dir = filesDirOf(backupFile);
  if (!existsSync(dir)) return false;
  if (existsSync(path.join(dir, 'blobs')))
    cpSync(path.join(dir, 'blobs'), config.blobDir, { recursive: true, force: false, errorOnExist: false });
  if (!existsSync(config.secretKeyFile) && existsSync(path.join(dir, 'secret.key'))) {
    mkdirSync(path.dirname(config.secretKeyFile), { recursive: true });
    cpSync(path.join(dir, 'secret.key'), config.secretKeyFile);
  }
  return true;
}
