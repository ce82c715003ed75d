import type { Command } from 'commander';
import {
  recomputeRequestDueDates,
  eraseExpiredPersonalData,
  setRetentionYears,
  recountTallyCounts,
  describeRecount,
} from '../requests/index.js';
import { withCli, type OpenCli } from './open.js';

/** `gongkai requests-retention [--years N]`, `gongkai requests-recompute` and `gongkai requests-recount [--check]`. */
export function requestsCli(program: Command, open: OpenCli): void {
  program
    .command('requests-retention')
    .description('设置依申请公开申请人个人信息的保存年限（办结后 N 年），并立即删除已到期的个人信息')
    .option('--years <n>', '保存年限（年）')
    .action((opts: { years?: string }) =>
      withCli(open, async (ctx) => {
        if (opts.years) await setRetentionYears(ctx, Number(opts.years));
        const r = await eraseExpiredPersonalData(ctx);
        console.log(
          r.cutoff
            ? `已删除 ${r.erased} 件 ${r.cutoff} 前办结申请的申请人个人信息。`
            : '未设置保存年限，未删除任何信息。',
        );
      }),
    );
  program
    .command('requests-recompute')
    .description('按当前节假日日历重新计算未办结申请的答复期限')
    .action(() =>
      withCli(open, async (ctx) => {
        const r = await recomputeRequestDueDates(ctx);
        console.log(
          `已重新计算：${r.moved} 件申请的答复期限变动${r.failed ? `，${r.failed} 件无法计算（缺少日历年度）` : ''}。`,
        );
      }),
    );
  program
    .command('requests-recount')
    .description('按申请与缴费记录重新核对年度报告表三计数和信息处理费（触发器停用期间写入数据后使用）')
    .option('--check', '只核对、报告差异，不作更改（有差异时退出码为 1）')
    .action((opts: { check?: boolean }) =>
      withCli(open, async (ctx) => {
        const r = await recountTallyCounts(ctx, { check: opts.check });
        console.log(describeRecount(r));
        if (!r.fixed && (r.tallyGroups || r.feeRows)) process.exitCode = 1;
      }),
    );
}
