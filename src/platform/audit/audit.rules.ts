import { createHash, createHmac } from 'node:crypto';

/** The fields of an audit event covered by the hash chain. */
export interface AuditRecord {
  seq: number;
  at: string;
  actor_id: number | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  org_id: number | null;
  summary: string;
  ip: string | null;
  prev_hash: string;
}

/** The hash of the chain before its first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Prefix of a keyed hash (HMAC-SHA256 with the server's audit key); older rows carry a bare sha256. */
export const KEYED_PREFIX = 'k1:';

/**
 * The event's hash over the previous hash and the canonical JSON of its fields: HMAC-SHA256 with the audit
 * key (kept outside the database, so database access alone cannot re-hash the chain), or, without a key,
 * the bare sha256 of rows written before the chain was keyed.
 */
export function hashEvent(e: AuditRecord, key?: Buffer): string {
  const canonical = JSON.stringify([
    e.seq,
    e.at,
    e.actor_id,
    e.actor_label,
    e.action,
    e.subject_type,
    e.subject_id,
    e.org_id,
    e.summary,
    e.ip,
  ]);
  if (key)
    return KEYED_PREFIX + createHmac('sha256', key).update(e.prev_hash).update('\n').update(canonical).digest('hex');
  return createHash('sha256').update(e.prev_hash).update('\n').update(canonical).digest('hex');
}

/** What the append-only anchor file says about the chain (see audit-anchor.ts). */
export interface AnchorState {
  /** Rows up to this seq were written before the chain was keyed and may carry bare sha256 hashes. */
  legacyUntil: number;
  /** The newest head the file records (after the last restore); null when it records none. */
  head: { seq: number; hash: string } | null;
  /** Set when the file is missing, truncated or was recreated: what is wrong with it. */
  damaged?: string;
}

export interface ChainProblem {
  seq: number;
  problem: 'edited' | 'broken_link' | 'gap' | 'truncated' | 'anchor';
  detail: string;
}

/**
 * Checks a chain read in seq order. Edited rows fail their own hash; inserted or
 * deleted rows break the next link or leave a gap in seq; a missing tail is found
 * against the recorded head (in the database) and against the anchor file (outside it).
 * With a key, every row after the anchor's `legacyUntil` must carry a keyed hash.
 */
export function verifyChain(
  rows: Iterable<AuditRecord & { hash: string }>,
  head?: { seq: number; hash: string } | null,
  keyed?: { key: Buffer; anchor: AnchorState },
): { checked: number; problems: ChainProblem[] } {
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let checked = 0;
  const anchorHead = keyed?.anchor.head ?? null;
  let anchorSeen = false;
  for (const r of rows) {
    checked++;
    if (r.seq !== prevSeq + 1) {
      problems.push({ seq: r.seq, problem: 'gap', detail: `序号从 ${prevSeq} 跳到 ${r.seq}（有记录被删除或插入）` });
    }
    if (r.prev_hash !== prevHash) {
      problems.push({
        seq: r.seq,
        problem: 'broken_link',
        detail: '与上一条记录的哈希不衔接（前序记录被删除、插入或修改）',
      });
    }
    const legacy = !keyed || (!r.hash.startsWith(KEYED_PREFIX) && r.seq <= keyed.anchor.legacyUntil);
    if (hashEvent(r, legacy ? undefined : keyed.key) !== r.hash) {
      problems.push({
        seq: r.seq,
        problem: 'edited',
        detail: '记录内容与其哈希不符（记录被修改或被无密钥者重新计算哈希）',
      });
    }
    if (anchorHead && r.seq === anchorHead.seq) {
      anchorSeen = true;
      if (r.hash !== anchorHead.hash)
        problems.push({ seq: r.seq, problem: 'truncated', detail: '与锚点文件记录的哈希不符（链尾被截断后重写）' });
    }
    prevHash = r.hash;
    prevSeq = r.seq;
  }
  if (head && (head.seq !== prevSeq || head.hash !== prevHash)) {
    problems.push({
      seq: head.seq,
      problem: 'truncated',
      detail: `记录的链尾为第 ${head.seq} 条，实际为第 ${prevSeq} 条（末尾记录被删除或修改）`,
    });
  }
  if (keyed?.anchor.damaged && checked)
    problems.push({ seq: prevSeq, problem: 'anchor', detail: keyed.anchor.damaged });
  if (anchorHead && !anchorSeen) {
    problems.push({
      seq: anchorHead.seq,
      problem: 'truncated',
      detail: `锚点文件记录链尾至少为第 ${anchorHead.seq} 条，数据库中只有 ${prevSeq} 条（末尾记录被删除）`,
    });
  }
  return { checked, problems };
}
