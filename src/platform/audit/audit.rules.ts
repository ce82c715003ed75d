import { createHash } from 'node:crypto';

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

/** sha256 over the previous hash and the canonical JSON of the event's fields. */
export function hashEvent(e: AuditRecord): string {
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
  return createHash('sha256').update(e.prev_hash).update('\n').update(canonical).digest('hex');
}

export interface ChainProblem {
  seq: number;
  problem: 'edited' | 'broken_link' | 'gap' | 'truncated';
  detail: string;
}

/**
 * Checks a chain read in seq order. Edited rows fail their own hash; inserted or
 * deleted rows break the next link or leave a gap in seq; a missing tail is found
 * against the recorded head.
 */
export function verifyChain(
  rows: Iterable<AuditRecord & { hash: string }>,
  head?: { seq: number; hash: string } | null,
): { checked: number; problems: ChainProblem[] } {
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let checked = 0;
  for (const r of rows) {
    checked++;
    if (r.seq !== prevSeq + 1) {
      problems.push({ seq: r.seq, problem: 'gap', detail: `序号从 ${prevSeq} 跳到 ${r.seq}（有记录被删除或插入）` });
    }
    if (r.prev_hash !== prevHash) {
      problems.push({ seq: r.seq, problem: 'broken_link', detail: '与上一条记录的哈希不衔接（前序记录被删除、插入或修改）' });
    }
    if (hashEvent(r) !== r.hash) {
      problems.push({ seq: r.seq, problem: 'edited', detail: '记录内容与其哈希不符（记录被修改）' });
    }
    prevHash = r.hash;
    prevSeq = r.seq;
  }
  if (head && (head.seq !== prevSeq || head.hash !== prevHash)) {
    problems.push({ seq: head.seq, problem: 'truncated', detail: `记录的链尾为第 ${head.seq} 条，实际为第 ${prevSeq} 条（末尾记录被删除或修改）` });
  }
  return { checked, problems };
}
