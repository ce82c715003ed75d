import type { CapabilityModule } from '../modules.js';
import { registerNav } from '../../console/nav.js';
import { HANDLE_ROLES, PUBLISH_ROLES, VIEW_ROLES } from '../../interaction/interaction.policy.rules.js';
import { messagesListRoutes } from '../../console/interaction/messages-list-routes.js';
import { messageDetailRoutes } from '../../console/interaction/message-detail-routes.js';
import { messagesPortalRoutes } from '../../portal/interaction/messages-portal-routes.js';
import { qaRoutes } from '../../portal/interaction/qa-routes.js';
import { consultationsRoutes } from '../../console/interaction/consultations-routes.js';
import { consultationsPortalRoutes } from '../../portal/interaction/consultations-portal-routes.js';
import { interactionSettingsRoutes } from '../../console/interaction/settings-routes.js';
import { seedDemoInteraction } from '../../interaction/seed-demo-interaction.js';
import { withCli } from '../../cli/open.js';
import { invalid } from '../../platform/errors.js';
import { isValidIsoDate } from '../../platform/dates.js';
import { getOrg } from '../../orgs/orgs.store.js';
import { messageFigures } from '../../interaction/message-figures.js';
import { formatRate } from '../../interaction/figures.rules.js';
import { interactionApi } from '../../api/interaction/interaction-api.js';
import { onCalendarChange } from '../../calendar/calendar-listeners.js';
import { recomputeMessageDueDates } from '../../interaction/recompute-message-due-dates.js';

// Stored reply deadlines follow the calendar: recomputed whenever a year is imported or corrected.
onCalendarChange((ctx, cal, change) => recomputeMessageDueDates(ctx, cal, change));

/** 互动交流: messages (咨询/投诉/建议) with reply limits and figures, public Q&A, comment periods. */
export const interactionModule: CapabilityModule = {
  name: 'interaction',
  async routes(app) {
    registerNav(
      { href: '/console/messages', label: '留言办理', roles: VIEW_ROLES, group: '互动交流' },
      { href: '/console/messages/new', label: '登记留言', roles: HANDLE_ROLES, group: '互动交流' },
      { href: '/console/consultations', label: '意见征集', roles: [...PUBLISH_ROLES, 'supervisor'], group: '互动交流' },
      { href: '/console/messages/settings', label: '互动交流设置', roles: ['sysadmin'], group: '互动交流' },
    );
    await interactionSettingsRoutes(app);
    await messagesListRoutes(app);
    await messageDetailRoutes(app);
    await messagesPortalRoutes(app);
    await qaRoutes(app);
    await consultationsRoutes(app);
    await consultationsPortalRoutes(app);
    await interactionApi(app);
  },
  seedDemo: seedDemoInteraction,
  cli(program, open) {
    program
      .command('interaction:figures')
      .description('留言办理统计：收到、办结、办结率、按时办结率、满意率、平均答复用时、超过3个月未回应')
      .requiredOption('--from <date>', '统计起始日（收到日期）')
      .requiredOption('--to <date>', '统计截止日（收到日期）')
      .option('--org <id>', '机关（含下级），默认全部')
      .option('--json', '输出 JSON')
      .action((o: { from: string; to: string; org?: string; json?: boolean }) =>
        withCli(open, async (ctx) => {
          if (!isValidIsoDate(o.from) || !isValidIsoDate(o.to)) throw invalid('invalid_date', '日期应为“年-月-日”格式。', 'from');
          const org = o.org ? await getOrg(ctx.db, Number(o.org)) : undefined;
          if (o.org && !org) throw invalid('org_not_found', '机关不存在。', 'org');
          const f = await messageFigures(ctx, { orgPaths: [org?.path ?? '/'], from: o.from, to: o.to });
          if (o.json) return void console.log(JSON.stringify(f, null, 2));
          for (const [name, x] of [['合计', f.total] as const, ...f.byOrg.map((b) => [b.orgName, b.figures] as const)]) {
            console.log(`${name}：收到 ${x.received}，办结 ${x.closed}，办结率 ${formatRate(x.completionRate)}，按时办结率 ${formatRate(x.onTimeRate)}，满意率 ${formatRate(x.satisfactionRate)}，平均答复用时 ${x.avgReplyWorkingDays ?? '—'} 个工作日，超过3个月未回应 ${x.unansweredOver3Months}${x.veto ? '（单项否决）' : ''}`);
          }
        }),
      );
  },
};
