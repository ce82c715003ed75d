import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnchorState } from './audit.rules.js';

/**
 * The audit chain's anchor outside the database: an append-only file of JSON lines
 * (GONGKAI_AUDIT_ANCHOR_FILE, default `<data>/audit-anchor.log`).
 *  - `{"begin":true,"legacyUntil":N}` first line: rows up to N predate the keyed chain;
 *  - `{"seq":N,"hash":"k1:…"}` the head after each committed audit event;
 *  - `{"restore":true,"legacyUntil":L,"seq":N,"hash":…}` written by `gongkai restore`: the chain legitimately
 *    restarts there (with unkeyed rows up to L, from a backup taken before `audit rekey`);
 *  - `{"reopened":true,"seq":N}` written when the file had gone while keyed rows existed;
 *  - `{"rekeyed":true,"legacyUntil":0,"seq":N,"hash":…}` written by `gongkai audit rekey`: no legacy row is
 *    left, every row from now on must carry a keyed hash, and the re-chained head is N.
 */
type Line = {
  begin?: boolean;
  legacyUntil?: number;
  restore?: boolean;
  rekeyed?: boolean;
  reopened?: boolean;
  seq?: number;
  hash?: string;
};

export function appendAnchor(file: string, line: Line): void {
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
}

/**
 * Makes sure the file exists before a keyed row is written: a new chain (or one with only unkeyed rows)
 * begins it; a chain that already has keyed rows gets a `reopened` line, which `audit verify` reports.
 */
export function ensureAnchor(file: string, last: { seq: number; hash: string } | undefined, keyedPrefix: string): void {
  if (existsSync(file)) return;
  if (last && last.hash.startsWith(keyedPrefix)) appendAnchor(file, { reopened: true, seq: last.seq });
  else appendAnchor(file, { begin: true, legacyUntil: last?.seq ?? 0 });
}

/** Reads the file into what verification needs; a missing or damaged file is described in `damaged`. */
export function readAnchor(file: string): AnchorState {
  if (!existsSync(file))
    return {
      legacyUntil: 0,
      head: null,
      damaged: `链尾锚点文件不存在（${file}），无法确认末尾记录未被删除（锚点文件被删除）`,
    };
  const lines: Line[] = [];
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    if (!raw.trim()) continue;
    try {
      lines.push(JSON.parse(raw) as Line);
    } catch {
      return { legacyUntil: 0, head: null, damaged: '链尾锚点文件内容损坏（锚点文件被改写）' };
    }
  }
  const first = lines[0];
  if (!first?.begin)
    return { legacyUntil: 0, head: null, damaged: '链尾锚点文件缺少起始记录（锚点文件曾被删除或截断）' };
  let head: AnchorState['head'] = null;
  let legacyUntil = first.legacyUntil ?? 0;
  for (const l of lines) {
    if ((l.rekeyed || l.restore) && l.legacyUntil !== undefined) legacyUntil = l.legacyUntil;
    if (l.restore || l.rekeyed) head = l.seq ? { seq: l.seq, hash: l.hash ?? '' } : null;
    else if (l.seq && l.hash && (!head || l.seq > head.seq)) head = { seq: l.seq, hash: l.hash };
  }
  return { legacyUntil, head };
}
