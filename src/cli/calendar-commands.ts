import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { todayInShanghai } from '../platform/dates.js';
import { invalid } from '../platform/errors.js';
import { addWorkingDays, isWorkingDay, workingDaysBetween, yearSummary } from '../calendar/calendar.rules.js';
import { getCalendar } from '../calendar/get-calendar.js';
import { parseCalendarIcs, parseCalendarJson } from '../calendar/calendar-import.rules.js';
import { saveCalendarYears } from '../calendar/save-calendar-years.js';
import { computeClock } from '../requests/clock/request-clock.rules.js';
import { parseLedger } from '../requests/clock/clock-input.rules.js';
import { withCli as withCtx, type OpenCli as Open } from './open.js';

const readInput = (file: string): string => (file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8'));

/** `gongkai calendar …` and `gongkai clock …`. */
export function calendarCli(program: Command, open: Open): void {
  const cal = program.command('calendar').description('法定节假日与工作日日历');
  cal
    .command('is-working-day <date>')
    .description('该日是否为工作日（含调休上班）：打印 true 或 false')
    .action((date: string) => withCtx(open, async (ctx) => console.log(String(isWorkingDay(await getCalendar(ctx.db), date)))));
  cal
    .command('add-working-days <date> <n>')
    .description('第 n 个工作日（起算日不计入，民法典第二百零一条）')
    .action((date: string, n: string) =>
      withCtx(open, async (ctx) => {
        if (!/^\d{1,4}$/.test(n)) throw invalid('n_invalid', '工作日数应为非负整数。', 'n');
        console.log(addWorkingDays(await getCalendar(ctx.db), date, Number(n)));
      }),
    );
  cal
    .command('between <from> <to>')
    .description('两日之间的工作日数（不含起始日，含截止日）')
    .action((a: string, b: string) => withCtx(open, async (ctx) => console.log(String(workingDaysBetween(await getCalendar(ctx.db), a, b)))));
  cal
    .command('show <year>')
    .description('列出该年的节假日和调休上班日')
    .action((year: string) =>
      withCtx(open, async (ctx) => {
        const s = yearSummary(await getCalendar(ctx.db), Number(year));
        for (const l of s.lines) console.log(l);
      }),
    );
  cal
    .command('import <file>')
    .description('从 JSON 或 .ics 文件导入（新增或更正）年度安排；记录版本并审计')
    .action((file: string) =>
      withCtx(open, async (ctx) => {
        const text = readInput(file);
        const parsed = /BEGIN:VCALENDAR/.test(text) ? parseCalendarIcs(text) : parseCalendarJson(text);
        for (const n of parsed.notes) console.log(`提示：${n}`);
        const r = await saveCalendarYears(ctx, parsed.years, 'import');
        for (const s of r.saved) console.log(`${s.year} 年：${s.changed ? `已保存（第 ${s.version} 版）` : '与现有数据相同，未修改'}`);
        for (const m of r.moved) console.log(`${m.label}：${m.moved} 个期限随之调整`);
      }),
    );

  program
    .command('clock <file>')
    .description('依申请公开期限计算：读取事件 JSON（- 表示标准输入），输出期限状态')
    .option('--as-of <date>', '计算日期（默认北京时间今天）')
    .option('--explain', '输出中文说明而不是 JSON')
    .action((file: string, o: { asOf?: string; explain?: boolean }) =>
      withCtx(open, async (ctx) => {
        let input: unknown;
        try {
          input = JSON.parse(readInput(file));
        } catch (e) {
          throw invalid('json_invalid', `输入不是有效的 JSON：${(e as Error).message}`);
        }
        const r = computeClock(await getCalendar(ctx.db), parseLedger(input), o.asOf ?? todayInShanghai(ctx.now()));
        if (o.explain) {
          for (const s of r.steps) console.log(s);
          console.log(`状态：${r.stateLabel}；答复期限：${r.dueOn ?? '—'}${r.overdue ? `；已逾期 ${r.overdueWorkingDays} 个工作日` : ''}`);
          for (const w of r.warnings) console.log(`注意：${w.message}`);
        } else console.log(JSON.stringify(r, null, 2));
      }),
    );
}
