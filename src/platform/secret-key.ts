import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    } catch (w) {
      if ((w as NodeJS.ErrnoException).code !== 'EEXIST') throw w;
    }
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  }
  if (key.length < 32) throw new Error(`密钥文件无效（应为 64 位十六进制）：${file}`);
  cache.set(file, key);
  return key;
}

/** A key for one purpose (`csrf`, `audit` …) derived from the server secret. */
export function purposeKey(config: Pick<Config, 'secretKeyFile'>, purpose: string): Buffer {
  return createHmac('sha256', serverSecret(config)).update(`gongkai:${purpose}`).digest();
}
