import type { Command } from 'commander';
import { runAllSiteChecks, sendDailyDigest } from '../supervision/index.js';
import { withCli, type OpenCli } from './open.js';

/** `gongkai supervision:check` and `gongkai supervision:digest`. */
export function supervisionCli(program: Command, open: OpenCli): void {
  program
    .command('supervision:check')
    .description('立即对所有单位进行网站检查（19号单项否决与扣分）')
    .action(() => withCli(open, async (ctx) => console.log(await runAllSiteChecks(ctx))));
  program
    .command('supervision:digest')
    .description('立即发送今日监督检查提醒（站内通知与邮件）')
    .action(() => withCli(open, async (ctx) => console.log(await sendDailyDigest(ctx))));
}
