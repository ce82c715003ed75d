import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { bumpPublicVersion } from '../platform/public-version.js';
import { rolesAllow } from '../orgs/index.js';
import { CHANNELS } from './catalog-labels.rules.js';
import { replaceChannels } from './catalog.store.js';
import { loadItem } from './item-transition.js';
import { LINKERS } from './link-interpretation.js';

/** Records where an item was also published (政府公报, 政务微博 …; 条例第二十三条). */
export async function setChannels(ctx: Ctx, input: { itemId: number; channels: string[] }): Promise<void> {
  // Authorize before validating the channels.
  const first = await loadItem(ctx.db, input.itemId);
  if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, LINKERS, first.org_path)) throw forbidden();
  const channels = [...new Set(input.channels)];
  const bad = channels.filter((c) => !CHANNELS.includes(c));
  if (bad.length)
    throw invalidFields([
      { code: 'item_channel_invalid', message: `未知的发布渠道：${bad.join('、')}。`, field: 'channels' },
    ]);
  await tx(ctx, async (trx) => {
    const item = await loadItem(trx, input.itemId);
    if (ctx.actor.kind !== 'system' && !rolesAllow(ctx.actor, LINKERS, item.org_path)) throw forbidden();
    await replaceChannels(trx, item.id, channels);
    await bumpPublicVersion(trx, ctx); // public pages show it (page cache, Last-Modified)
    await writeAudit(trx, ctx, {
      action: 'item.channels',
      subjectType: 'item',
      subjectId: item.id,
      orgId: item.org_id,
      summary: `「${item.title}」（${item.index_no}）的其他发布渠道：${channels.join('、') || '无'}`,
    });
  });
}
