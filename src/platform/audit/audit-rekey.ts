import type { Ctx } from '../context.js';
import { lockChain } from '../db/dialect-sql.js';
import { conflict } from '../errors.js';
import { afterCommit, tx } from '../tx.js';
import { purposeKey } from '../secret-key.js';
import { GENESIS_HASH, KEYED_PREFIX, hashEvent } from './audit.rules.js';
import { appendAnchor, ensureAnchor } from './audit-anchor.js';
import { AUDIT_LOCK_KEY, verifyAuditLog, writeAudit } from './audit.js';

/**
 * `gongkai audit rekey` (issue 16 item 3): rows written before the chain was keyed carry bare sha256 hashes,
 * which anyone with database access could recompute. This re-chains the whole log with the audit key: every
 * legacy row gets a keyed hash, and every later row a new link and hash (their content is untouched). The
 * chain must verify first (a damaged chain is not laundered); the anchor file records that no legacy row is
 * left (`rekeyed`, legacyUntil 0), so `audit verify` then checks every row keyed; one audit event says so.
 */
export async function rekeyAuditLog(ctx: Ctx): Promise<{ legacy: number; relinked: number }> {
  const file = ctx.config.auditAnchorFile;
  const key = purposeKey(ctx.config, 'audit');
  return tx(ctx, async (trx) => {
    await lockChain(trx, AUDIT_LOCK_KEY);
    const rows = await trx.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    const legacy = rows.filter((r) => !r.hash.startsWith(KEYED_PREFIX)).length;
    if (!legacy) return { legacy: 0, relinked: 0 };
    // An installation that has written no keyed row yet has no anchor file: begin it, as writeAudit would.
    const last = rows[rows.length - 1];
    ensureAnchor(file, last, KEYED_PREFIX);
    const { problems } = await verifyAuditLog(trx, ctx.config);
    if (problems.length)
      throw conflict(
        'audit_chain_damaged',
        `审计日志有 ${problems.length} 处问题（gongkai audit verify 列出），查明原因之前不能重新计算哈希。`,
      );
    let prev = GENESIS_HASH;
    for (const r of rows) {
      const hash = hashEvent({ ...r, prev_hash: prev }, key);
      await trx.updateTable('audit_events').set({ prev_hash: prev, hash }).where('seq', '=', r.seq).execute();
      prev = hash;
    }
    // Before the event's own head line (afterCommit hooks run in order).
    afterCommit(trx, () => appendAnchor(file, { rekeyed: true, legacyUntil: 0, seq: last.seq, hash: prev }));
    await writeAudit(trx, ctx, {
      action: 'audit.rekey',
      subjectType: 'audit',
      summary: `启用密钥之前写入的 ${legacy} 条审计记录已用密钥重新计算哈希，其后 ${rows.length - legacy} 条随之重新衔接（内容未变）`,
    });
    return { legacy, relinked: rows.length - legacy };
  });
}
