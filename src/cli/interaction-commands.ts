import type { Command } from 'commander';
import { invalid } from '../platform/errors.js';
import { isValidIsoDate } from '../platform/dates.js';
import { getOrg } from '../orgs/index.js';
import { messageFigures, formatRate } from '../interaction/index.js';
import { withCli, type OpenCli } from './open.js';

/** `gongkai interaction:figures --from D --to D`. */
export function interactionCli(program: Command, open: OpenCli): void {
  program
    .command('interaction:figures')
    .description('留言办理统计：收到、办结、办结率、按时办结率、满意率、平均答复用时、超过3个月未回应')
    .requiredOption('--from <date>', '统计起始日（收到日期）')
    .requiredOption('--to <date>', '统计截止日（收到日期）')
    .option('--org <id>', '机关（含下级），默认全部')
    .option('--json', '输出 JSON')
    .action((o: { from: string; to: string; org?: string; json?: boolean }) =>
      withCli(open, async (ctx) => {
        if (!isValidIsoDate(o.from) || !isValidIsoDate(o.to))
          throw invalid('invalid_date', '日期应为“年-月-日”格式。', 'from');
        const org = o.org ? await getOrg(ctx.db, Number(o.org)) : undefined;
        if (o.org && !org) throw invalid('org_not_found', '机关不存在。', 'org');
        const f = await messageFigures(ctx, { orgPaths: [org?.path ?? '/'], from: o.from, to: o.to });
        if (o.json) return void console.log(JSON.stringify(f, null, 2));
        for (const [name, x] of [['合计', f.total] as const, ...f.byOrg.map((b) => [b.orgName, b.figures] as const)]) {
          console.log(
            `${name}：收到 ${x.received}，办结 ${x.closed}，办结率 ${formatRate(x.completionRate)}，按时办结率 ${formatRate(x.onTimeRate)}，满意率 ${formatRate(x.satisfactionRate)}，平均答复用时 ${x.avgReplyWorkingDays ?? '—'} 个工作日，超过3个月未回应 ${x.unansweredOver3Months}${x.veto ? '（单项否决）' : ''}`,
          );
        }
      }),
    );
}
