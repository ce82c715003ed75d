import type { Ctx } from '../platform/context.js';
import { forbidden } from '../platform/errors.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { isSysadmin } from '../orgs/index.js';
import type { YearData } from './calendar.types.js';
import { calendarOf } from './get-calendar.js';
import { getYearRow, readYears } from './calendar.store.js';
import { calendarListeners } from './calendar-listeners.js';
import { OFFICIAL_YEARS } from './official-holidays.data.js';

/** JSON with sorted keys: the same year read from a file or from the database compares equal. */
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;
const sameYear = (stored: string, y: YearData): boolean =>
  JSON.stringify(canonical(JSON.parse(stored))) === JSON.stringify(canonical(y));

const summarize = (y: YearData) =>
  `${y.year}年：${y.holidays.map((h) => `${h.name}${h.offDays.length}天`).join('、')}；调休上班${y.holidays.reduce((n, h) => n + h.makeupWorkdays.length, 0)}天`;

/**
 * Adds or replaces years of the calendar (import, correction). Each change is
 * versioned with the previous data and audited; stored deadlines of open cases
 * are recomputed and the number that moved is returned.
 */
export async function saveCalendarYears(
  ctx: Ctx,
  years: YearData[],
  source: 'import' | 'edit',
): Promise<{
  saved: Array<{ year: number; version: number; changed: boolean }>;
  moved: Array<{ label: string; moved: number }>;
}> {
  if (ctx.actor.kind !== 'system' && !isSysadmin(ctx.actor))
    throw forbidden('calendar_forbidden', '只有系统管理员可以修改节假日日历。');
  // A database that never ran `init` starts from the shipped years (as getCalendar does).
  if (!(await readYears(ctx.db)).length) await seedOfficialCalendar(ctx);
  // Validate the combination before saving: it must build.
  const existing = await readYears(ctx.db);
  const imported = years.map((y) => ({ ...y, provisional: undefined }));
  const merged = [...existing.filter((e) => !imported.some((y) => y.year === e.year)), ...imported];
  const cal = calendarOf(merged);
  const before = existing.length ? calendarOf(existing) : null;
  return tx(ctx, async (trx) => {
    const saved = [];
    const now = ctx.now().toISOString();
    const announced: number[] = [];
    for (const y of imported) {
      const row = await getYearRow(trx, y.year);
      const data = JSON.stringify(y);
      if (!row) announced.push(y.year);
      if (row && sameYear(row.data, y)) {
        saved.push({ year: y.year, version: row.version, changed: false });
        continue;
      }
      const version = (row?.version ?? 0) + 1;
      if (row)
        await trx
          .updateTable('calendar_years')
          .set({ data, version, source, updated_at: now, updated_by: ctx.actor.userId })
          .where('year', '=', y.year)
          .execute();
      else
        await trx
          .insertInto('calendar_years')
          .values({ year: y.year, data, version, source, updated_at: now, updated_by: ctx.actor.userId })
          .execute();
      const summary = `${row ? '修改' : '新增'}${summarize(y)}`;
      await trx
        .insertInto('calendar_changes')
        .values({
          year: y.year,
          version,
          before_data: row?.data ?? null,
          after_data: data,
          summary,
          changed_by: ctx.actor.label,
          changed_at: now,
        })
        .execute();
      await writeAudit(trx, ctx, {
        action: row ? 'calendar.update' : 'calendar.add',
        subjectType: 'calendar_year',
        subjectId: y.year,
        summary: `节假日日历${summary}（第 ${version} 版）`,
      });
      saved.push({ year: y.year, version, changed: true });
    }
    const moved = [];
    const changedYears = saved.filter((s) => s.changed).map((s) => s.year);
    const reason = announced.length
      ? `国务院办公厅公布${announced.join('、')}年节假日安排`
      : `${changedYears.join('、')}年节假日日历更正`;
    if (changedYears.length)
      for (const l of calendarListeners()) moved.push(await l({ ...ctx, db: trx }, cal, { before, reason }));
    return { saved, moved };
  });
}

/** Loads the shipped official years that are not in the database yet (on `init`). */
export async function seedOfficialCalendar(ctx: Ctx): Promise<string | void> {
  const have = new Set((await readYears(ctx.db)).map((y) => y.year));
  const missing = OFFICIAL_YEARS.filter((y) => !have.has(y.year));
  if (!missing.length) return;
  await tx(ctx, async (trx) => {
    const now = ctx.now().toISOString();
    for (const y of missing) {
      const data = JSON.stringify(y);
      await trx
        .insertInto('calendar_years')
        .values({ year: y.year, data, version: 1, source: 'official', updated_at: now, updated_by: null })
        .execute();
      await trx
        .insertInto('calendar_changes')
        .values({
          year: y.year,
          version: 1,
          before_data: null,
          after_data: data,
          summary: `内置数据：${summarize(y)}`,
          changed_by: ctx.actor.label,
          changed_at: now,
        })
        .execute();
    }
    await writeAudit(trx, ctx, {
      action: 'calendar.seed',
      subjectType: 'calendar_year',
      subjectId: null,
      summary: `载入内置节假日日历 ${missing[0].year}–${missing[missing.length - 1].year} 年`,
    });
  });
  return `已载入法定节假日日历：${missing[0].year}–${missing[missing.length - 1].year} 年（${missing.length} 年）。`;
}
