import type { CapabilityModule } from '../modules.js';
import { registerNav } from '../../console/nav.js';
import { onCalendarChange } from '../../calendar/calendar-listeners.js';
import { VIEW_ROLES, HANDLE_ROLES, APPROVE_ROLES } from '../../requests/requests.policy.rules.js';
import { recomputeRequestDueDates } from '../../requests/recompute-due-dates.js';
import { eraseExpiredPersonalData, setRetentionYears } from '../../requests/retention.js';
import { sendReminders } from '../../requests/send-reminders.js';
import { seedDemoRequests } from '../../requests/seed-demo-requests.js';
import { requestsListRoutes } from '../../console/requests/requests-list-routes.js';
import { requestNewRoutes } from '../../console/requests/request-new-routes.js';
import { requestDetailRoutes } from '../../console/requests/request-detail-routes.js';
import { requestFilesRoutes } from '../../console/requests/request-files-routes.js';
import { requestSettingsRoutes } from '../../console/requests/request-settings-routes.js';
import { requestsPortalRoutes } from '../../portal/requests/requests-portal-routes.js';
import { requestsApi } from '../../api/requests/requests-api.js';
import { letterTemplateRoutes } from '../../console/requests/letter-templates-routes.js';
import { requestDepartmentsApi } from '../../api/requests/request-departments-api.js';

// Stored due dates follow the calendar: recomputed whenever a year is imported or corrected.
onCalendarChange(async (ctx, cal, change) => {
  const r = await recomputeRequestDueDates(ctx, cal, change);
  return { label: r.label, moved: r.moved };
});

/** 依申请公开: portal form and status page, console queues and case pages, JSON API, CLI. */
export const requestsModule: CapabilityModule = {
  name: 'requests',
  async routes(app) {
    registerNav(
      { href: '/console/requests', label: '申请办理', roles: VIEW_ROLES, group: '依申请公开' },
      { href: '/console/requests/new', label: '登记申请', roles: HANDLE_ROLES, group: '依申请公开' },
      { href: '/console/requests/settings', label: '依申请公开设置', roles: ['sysadmin'], group: '依申请公开' },
      { href: '/console/requests/letter-templates', label: '文书模板与协办期限', roles: APPROVE_ROLES, group: '依申请公开' },
    );
    await requestsListRoutes(app);
    await requestNewRoutes(app);
    await letterTemplateRoutes(app);
    await requestDetailRoutes(app);
    await requestFilesRoutes(app);
    await requestSettingsRoutes(app);
    await requestsPortalRoutes(app);
    await requestsApi(app);
    await requestDepartmentsApi(app);
  },
  seedDemo: seedDemoRequests,
  jobs: [
    {
      name: 'requests.reminders',
      period: 'daily',
      atHour: 8,
      async run(ctx) {
        const r = await sendReminders(ctx);
        return `提醒 ${r.handlers} 名办理人，${r.cases} 件申请`;
      },
    },
    {
      name: 'requests.retention',
      period: 'daily',
      atHour: 2,
      async run(ctx) {
        const r = await eraseExpiredPersonalData(ctx);
        return r.cutoff ? `删除 ${r.erased} 件申请的申请人个人信息、${r.files} 个身份证明文件（${r.cutoff} 前办结）` : '未设置保存年限';
      },
    },
  ],
  cli(program, open) {
    program
      .command('requests-retention')
      .description('设置依申请公开申请人个人信息的保存年限（办结后 N 年），并立即删除已到期的个人信息')
      .option('--years <n>', '保存年限（年）')
      .action(async (opts: { years?: string }) => {
        const c = await open();
        try {
          if (opts.years) await setRetentionYears(c.ctx, Number(opts.years));
          const r = await eraseExpiredPersonalData(c.ctx);
          console.log(r.cutoff ? `已删除 ${r.erased} 件 ${r.cutoff} 前办结申请的申请人个人信息。` : '未设置保存年限，未删除任何信息。');
        } catch (e) {
          const err = e as { errors?: Array<{ code: string; message: string }>; message?: string };
          console.error(err.errors ? err.errors.map((x) => `错误 [${x.code}]: ${x.message}`).join('\n') : `错误: ${err.message ?? String(e)}`);
          process.exitCode = 1;
        } finally {
          await c.close();
        }
      });
    program
      .command('requests-recompute')
      .description('按当前节假日日历重新计算未办结申请的答复期限')
      .action(async () => {
        const c = await open();
        try {
          const r = await recomputeRequestDueDates(c.ctx);
          console.log(`已重新计算：${r.moved} 件申请的答复期限变动${r.failed ? `，${r.failed} 件无法计算（缺少日历年度）` : ''}。`);
        } catch (e) {
          const err = e as { errors?: Array<{ code: string; message: string }>; message?: string };
          console.error(err.errors ? err.errors.map((x) => `错误 [${x.code}]: ${x.message}`).join('\n') : `错误: ${err.message ?? String(e)}`);
          process.exitCode = 1;
        } finally {
          await c.close();
        }
      });
  },
};
