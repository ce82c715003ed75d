import type { Ctx } from '../platform/context.js';
import { forbidden, notFound } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { todayInShanghai } from '../platform/dates.js';
import { getOrg, rolesAllow } from '../orgs/index.js';
import { checkSite, diffChecks } from './site-check.rules.js';
import { collectSiteFacts } from './site-facts.js';
import { agencyExternalLinks, checkExternalLinks, missingAttachmentFiles } from './link-check.js';
import {
  HISTORY_LIMIT,
  historyKey,
  readCheckSettings,
  readHistory,
  readKinds,
  writeSetting,
  type StoredCheck,
} from './site-check-settings.js';

/** Runs the website check of one agency (supervisor in its subtree, or the system job) and keeps it in the history. */
export async function runSiteCheck(ctx: Ctx, orgId: number): Promise<StoredCheck> {
  const org = await getOrg(ctx.db, orgId);
  if (!org) throw notFound('org_not_found', '机构不存在。');
  if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, ['supervisor'], org.path)) throw forbidden();
  const today = todayInShanghai(ctx.now());
  const settings = await readCheckSettings(ctx.db);
  const facts = await collectSiteFacts(ctx.db, org.id, today, await readKinds(ctx.db, org.id));
  // Links: internal item links (in the facts), attachment files always, external links when enabled.
  const missingFiles = await missingAttachmentFiles(ctx.db, org.id, ctx.config.blobDir);
  let externalBroken = 0;
  if (settings.externalLinks.enabled) {
    const urls = await agencyExternalLinks(ctx.db, org.id, new URL(ctx.config.publicUrl).host);
    externalBroken = (await checkExternalLinks(urls, settings.externalLinks)).broken.length;
  }
  const result = checkSite(
    { ...facts, brokenLinksOther: facts.brokenLinksOther + missingFiles + externalBroken },
    settings,
  );
  return tx(ctx, async (trx) => {
    const history = await readHistory(trx, org.id);
    const diff = diffChecks(history[0]?.result ?? null, result);
    const stored: StoredCheck = {
      checkedOn: today,
      at: ctx.now().toISOString(),
      result,
      added: diff.added.map((f) => f.text),
      resolved: diff.resolved.map((f) => f.text),
    };
    await writeSetting(
      trx,
      historyKey(org.id),
      [stored, ...history].slice(0, HISTORY_LIMIT),
      stored.at,
      ctx.actor.userId,
    );
    await writeAudit(trx, ctx, {
      action: 'supervision.site_check',
      subjectType: 'org',
      subjectId: org.id,
      orgId: org.id,
      summary: `网站检查（${org.name}）：${result.verdict}${result.score === null ? '（单项否决）' : `，${result.score} 分`}；新增问题 ${diff.added.length} 项，已整改 ${diff.resolved.length} 项`,
    });
    return stored;
  });
}
