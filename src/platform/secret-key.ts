import { createHmac, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.js';

const cache = new Map<string, Buffer>();

/**
 * The server's secret (GONGKAI_SECRET_KEY_FILE, default `<data>/secret.key`): 32 random bytes written
 * once with mode 0600 and never stored in the database. Several nodes share it like the blobs folder.
 */
export function serverSecret(config: Pick<Config, 'secretKeyFile'>): Buffer {
  const file = config.secretKeyFile;
  const known = cache.get(file);
  if (known) return known;
  let key: Buffer;
  try {
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    createKeyFile(file);
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  }
  if (key.length < 32) throw new Error(`密钥文件无效（应为 64 位十六进制）：${file}`);
  cache.set(file, key);
  return key;
}

/** What `link` answers on a file system without hard links. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Makes the key file unless another process has: written whole under a name of its own, then linked into
 * place (a link fails if the name exists), so another process starting beside it — a worker, a CLI command, a
 * test file — finds no file or the whole key, never an empty one, and the first link wins.
 */
function createKeyFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const text = `${randomBytes(32).toString('hex')}\n`;
  const own = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(own, text, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(own, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A file system without hard links: created in place (exclusively) as before.
    if (code && NO_LINKS.has(code)) writeExclusive(file, text);
    else if (code !== 'EEXIST') throw e;
  } finally {
    rmSync(own, { force: true });
  }
}

/** Created in place when the key file cannot be linked (exclusively: an existing key is never replaced). */
function writeExclusive(file: string, text: string): void {
  try {
    writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

/** A key for one purpose (`csrf`, `audit` …) derived from the server secret. */
export function purposeKey(config: Pick<Config, 'secretKeyFile'>, purpose: string): Buffer {
  return createHmac('sha256', serverSecret(config)).update(`gongkai:${purpose}`).digest();
}
