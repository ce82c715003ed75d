import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, type FieldError } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { writeSetting } from '../platform/settings.store.js';
import { tx } from '../platform/tx.js';
import { bumpPublicVersion } from '../platform/public-version.js';
import { can } from '../orgs/index.js';
import { areaWordsProblem, KEY_AREAS, parseAreaWords } from './key-areas.rules.js';
import { keyAreaMapping, KEY_AREAS_SETTING } from './key-areas.js';

/** The mapping form as typed: area slug → its words (one a line, or separated by 、，). */
export type KeyAreaInput = Readonly<Record<string, string | undefined>>;

/**
 * Saves which 公开目录 categories each 重点领域 page lists (system administrators: the pages cover the
 * whole county). Every area needs at least one word; the audit event names the areas that changed.
 */
export async function setKeyAreaMapping(ctx: Ctx, input: KeyAreaInput): Promise<void> {
  if (!can(ctx.actor, 'settings.manage')) throw forbidden();
  const errors: FieldError[] = [];
  const next: Record<string, string[]> = {};
  for (const a of KEY_AREAS) {
    const words = parseAreaWords(input[a.slug] ?? '');
    const problem = areaWordsProblem(a, words);
    if (problem) errors.push({ code: 'key_area_invalid', message: problem, field: a.slug });
    next[a.slug] = words;
  }
  if (errors.length) throw invalidFields(errors);
  await tx(ctx, async (trx) => {
    const before = await keyAreaMapping(trx);
    const changed = KEY_AREAS.filter((a) => (before[a.slug] ?? []).join('、') !== next[a.slug]!.join('、'));
    const at = ctx.now().toISOString();
    await writeSetting(trx, KEY_AREAS_SETTING, JSON.stringify(next), at, ctx.actor.userId);
    await bumpPublicVersion(trx, ctx); // the /zdly pages change: public pages report a new Last-Modified
    await writeAudit(trx, ctx, {
      action: 'catalog.key_areas',
      subjectType: 'settings',
      subjectId: null,
      orgId: null,
      summary: changed.length
        ? `重点领域分类设置：${changed.map((a) => `${a.name}（${next[a.slug]!.join('、')}）`).join('；')}`
        : '重点领域分类设置：未改变',
    });
  });
}
