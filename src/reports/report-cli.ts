import type { Command } from 'commander';
import { runReportCheck } from './check-files.js';

/** `gongkai report …` commands (the checker needs no database). */
export function reportCli(program: Command): void {
  const report = program.command('report').description('政府信息公开工作年度报告');
  report
    .command('check <files...>')
    .description('检查年度报告（HTML、DOCX、XLSX，或文件夹）表二、表三、表四的勾稽关系；退出码：0 一致，1 无法读取，2 有误或不完整')
    .option('--csv <file>', '把每份报告的结论汇总写入 CSV 文件')
    .option('--previous <file>', '上年报告：核对本年“二、上年结转”等于上年“四、结转下年度继续办理”')
    .action(async (files: string[], opts: { csv?: string; previous?: string }) => {
      try {
        process.exitCode = await runReportCheck(files, opts);
      } catch (e) {
        console.error(`错误：检查失败（${(e as Error).message}）`);
        process.exitCode = 1;
      }
    });
}
