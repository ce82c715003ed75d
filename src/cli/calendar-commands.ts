import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { todayInShanghai } from '../platform/dates.js';
import { invalid } from '../platform/errors.js';
import {
  addWorkingDays,
  dayInfo,
  isProvisionalDate,
  workingDaysBetween,
  type WorkCalendar,
  provisionalNote,
  provisionalYears,
  exportYearJson,
  parseCalendarFile,
  previewImport,
  yearSummary,
  getCalendar,
  saveCalendarYears,
} from '../calendar/index.js';
import { computeClock, parseLedger } from '../requests/index.js';
import { withCli as withCtx, type OpenCli as Open } from './open.js';

const readInput = (file: string): string => (file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8'));

/** `gongkai calendar …` and `gongkai clock …`. */
export function calendarCli(program: Command, open: Open): void {
  const cal = program.command('calendar').description('法定节假日与工作日日历');
  // The answer goes to standard output alone (scripts read it); a provisional answer is said on standard error.
  const answer = (value: string, json: boolean | undefined, provisional: string[]): void => {
    if (json) {
      console.log(
        JSON.stringify({
          value: /^(true|false|-?\d+)$/.test(value) ? JSON.parse(value) : value,
          provisional: provisional.length > 0,
          provisionalDates: provisional,
        }),
      );
      return;
    }
    console.log(value);
    if (provisional.length) console.error(`暂定：${provisionalNote(provisionalYears(provisional))}`);
  };
  const provisionalOf = (cal: WorkCalendar, ...dates: string[]): string[] =>
    dates.filter((d) => isProvisionalDate(cal, d));
  cal
    .command('is-working-day <date>')
    .description('该日是否为工作日（含调休上班）：打印 true 或 false；尚未公布安排的年度为暂定')
    .option('--json', '输出 JSON（含是否暂定）')
    .action((date: string, o: { json?: boolean }) =>
      withCtx(open, async (ctx) => {
        const c = await getCalendar(ctx.db);
        const info = dayInfo(c, date);
        answer(String(info.working), o.json, info.provisional ? [date] : []);
      }),
    );
  cal
    .command('add-working-days <date> <n>')
    .description('第 n 个工作日（起算日不计入，民法典第二百零一条）')
    .option('--json', '输出 JSON（含是否暂定）')
    .action((date: string, n: string, o: { json?: boolean }) =>
      withCtx(open, async (ctx) => {
        if (!/^\d{1,4}$/.test(n)) throw invalid('n_invalid', '工作日数应为非负整数。', 'n');
        const c = await getCalendar(ctx.db);
        const due = addWorkingDays(c, date, Number(n));
        answer(due, o.json, provisionalOf(c, due));
      }),
    );
  cal
    .command('between <from> <to>')
    .description('两日之间的工作日数（不含起始日，含截止日）')
    .option('--json', '输出 JSON（含是否暂定）')
    .action((a: string, b: string, o: { json?: boolean }) =>
      withCtx(open, async (ctx) => {
        const c = await getCalendar(ctx.db);
        answer(String(workingDaysBetween(c, a, b)), o.json, provisionalOf(c, a, b));
      }),
    );
  cal
    .command('show <year>')
    .description('列出该年的节假日和调休上班日（尚未公布的年度标明“暂定”）')
    .action((year: string) =>
      withCtx(open, async (ctx) => {
        const s = yearSummary(await getCalendar(ctx.db), Number(year));
        for (const l of s.lines) console.log(l);
      }),
    );
  cal
    .command('export <year>')
    .description('导出该年度安排（JSON，可用 calendar import 原样导入）')
    .option('--out <file>', '写入文件（默认标准输出）')
    .action((year: string, o: { out?: string }) =>
      withCtx(open, async (ctx) => {
        const text = exportYearJson(await getCalendar(ctx.db), Number(year));
        if (o.out) writeFileSync(o.out, text);
        else process.stdout.write(text);
      }),
    );
  cal
    .command('import <file>')
    .description('从 JSON 或 .ics 文件导入（新增或更正）年度安排；先列出各日安排，记录版本并审计')
    .option('--dry-run', '只列出将导入的安排，不保存')
    .action((file: string, o: { dryRun?: boolean }) =>
      withCtx(open, async (ctx) => {
        const text = readInput(file);
        const parsed = parseCalendarFile(text);
        for (const n of parsed.notes) console.log(`提示：${n}`);
        const current = await getCalendar(ctx.db);
        for (const p of previewImport(current, parsed.years)) for (const l of p.lines) console.log(l);
        if (o.dryRun) {
          console.log('（试运行：未保存）');
          return;
        }
        const r = await saveCalendarYears(ctx, parsed.years, 'import');
        for (const s of r.saved)
          console.log(`${s.year} 年：${s.changed ? `已保存（第 ${s.version} 版）` : '与现有数据相同，未修改'}`);
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
          console.log(
            `状态：${r.stateLabel}；答复期限：${r.dueOn ?? '—'}${r.overdue ? `；已逾期 ${r.overdueWorkingDays} 个工作日` : ''}`,
          );
          for (const w of r.warnings) console.log(`注意：${w.message}`);
        } else console.log(JSON.stringify(r, null, 2));
      }),
    );
}
