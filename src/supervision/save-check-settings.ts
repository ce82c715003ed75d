import type { Ctx } from '../platform/context.js';
import { forbidden, invalidFields, type FieldError } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { rolesAllow } from '../orgs/index.js';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings, type DeductionKey } from './site-check.rules.js';
import { TABLE_KEY, writeSetting } from './site-check-settings.js';

/** Form values by name: thresholds, `d.<key>.points`, `d.<key>.cap`, `ext.enabled`, `ext.timeoutMs`, `ext.perHost`. */
export type CheckSettingsForm = Record<string, string | undefined>;

const THRESHOLDS = [
  'newsDays',
  'noticeMonths',
  'longUnupdatedMonths',
  'vetoStaleColumns',
  'vetoLongUnupdated',
  'vetoEmptyColumns',
  'homeDays',
] as const;

/** Parses and checks the form; every problem is reported with its field. */
export function parseCheckSettings(f: CheckSettingsForm): { settings?: CheckSettings; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const num = (name: string, min: number, max: number, int: boolean): number => {
    const raw = (f[name] ?? '').trim();
    const n = Number(raw);
    if (!raw || !Number.isFinite(n) || n < min || n > max || (int && !Number.isInteger(n))) {
      errors.push({
        code: 'setting_invalid',
        message: `请填写 ${min} 至 ${max} 之间的${int ? '整数' : '数字'}。`,
        field: name,
      });
      return 0;
    }
    return n;
  };
  const t = Object.fromEntries(THRESHOLDS.map((k) => [k, num(k, 1, 1000, true)])) as Record<
    (typeof THRESHOLDS)[number],
    number
  >;
  const deductions = Object.fromEntries(
    (Object.keys(DEFAULT_CHECK_SETTINGS.deductions) as DeductionKey[]).map((k) => [
      k,
      { points: num(`d.${k}.points`, 0, 100, false), cap: num(`d.${k}.cap`, 0, 100, false) },
    ]),
  ) as CheckSettings['deductions'];
  const externalLinks = {
    enabled: f['ext.enabled'] === '1',
    timeoutMs: num('ext.timeoutMs', 500, 60000, true),
    perHost: num('ext.perHost', 1, 100, true),
  };
  if (errors.length) return { errors };
  return { errors, settings: { ...t, deductions, externalLinks } };
}

/** A supervisor or system administrator changes the website-check thresholds and deduction table (audited). */
export async function saveCheckSettings(ctx: Ctx, form: CheckSettingsForm): Promise<CheckSettings> {
  if (!rolesAllow(ctx.actor, ['supervisor'])) throw forbidden();
  const { settings, errors } = parseCheckSettings(form);
  if (!settings) throw invalidFields(errors);
  await tx(ctx, async (trx) => {
    await writeSetting(trx, TABLE_KEY, settings, ctx.now().toISOString(), ctx.actor.userId);
    await writeAudit(trx, ctx, {
      action: 'supervision.check_settings',
      subjectType: 'settings',
      subjectId: TABLE_KEY,
      summary: `修改网站检查设置：外部链接检查${settings.externalLinks.enabled ? '开启' : '关闭'}，扣分表 ${Object.entries(
        settings.deductions,
      )
        .map(([k, v]) => `${k}=${v.points}/${v.cap}`)
        .join('，')}`,
    });
  });
  return settings;
}
