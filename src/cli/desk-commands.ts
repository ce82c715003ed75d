import type { Command } from 'commander';
import { sendWorkDigest } from '../console/foundation/work-digest.js';
import { withCli, type OpenCli } from './open.js';

/** `gongkai desk:digest`: today's work digest now (the daily job does it at 08:00). */
export function deskCli(program: Command, open: OpenCli): void {
  program
    .command('desk:digest')
    .description('立即发送今日每日工作摘要（站内通知与邮件）')
    .action(() => withCli(open, async (ctx) => console.log((await sendWorkDigest(ctx)).summary)));
}
