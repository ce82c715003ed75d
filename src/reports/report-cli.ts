import type { Command } from 'commander';
import { runReportCheck } from './check-files.js';

/** `gongkai report …` commands (the checker needs no database). */
export function reportCli(program: Command): void {
  const report = program.command('report').description('政府信息公开工作年度报告');
  report
    .command('check <files...>')
    .description(
      '检查年度报告（PDF、HTML、DOCX、XLSX、TXT，文件夹或 ZIP 压缩包）表三、表四的勾稽关系；同一单位相邻年度自动核对“上年结转”。退出码：0 全部一致，2 有误，3 无法判断（无有误），1 命令出错',
    )
    .option('--csv <file>', '把每份报告的结论和明细写入 CSV 文件')
    .option('--xlsx <file>', '把结论和明细写入 XLSX 文件（“结论”“明细”两个工作表）')
    .option('--previous <file>', '上年报告：核对本年“二、上年结转”等于上年“四、结转下年度继续办理”')
    .option('--workers <n>', '同时检查的线程数（默认：PDF 在 4 份以上时为 CPU 核数，最多 4）', (v) =>
      Math.max(1, Math.min(16, Number.parseInt(v, 10) || 1)),
    )
    .option('--quiet', '不显示进度')
    .action(
      async (
        files: string[],
        opts: { csv?: string; xlsx?: string; previous?: string; workers?: number; quiet?: boolean },
      ) => {
        try {
          const live = !opts.quiet && process.stderr.isTTY;
          process.exitCode = await runReportCheck(
            files,
            opts,
            undefined,
            live ? (l) => process.stderr.write(`\r${l.slice(0, 100)}\x1b[K`) : undefined,
          );
          if (live) process.stderr.write('\r\x1b[K');
        } catch (e) {
          console.error(`错误：检查失败（${(e as Error).message}）`);
          process.exitCode = 1;
        }
      },
    );
}
