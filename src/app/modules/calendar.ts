import type { CapabilityModule } from '../modules.js';

/** The statutory calendar and the request clock: console, portal calculator, API, CLI, seed. */
export const calendarModule: CapabilityModule = {
  name: 'calendar',
  async routes(app, { config }) {
    const [{ registerNav }, { calendarConsoleRoutes }, { deadlineRoutes }, { clockApi }] = await Promise.all([
      import('../../console/nav.js'),
      import('../../console/calendar/calendar-routes.js'),
      import('../../portal/calendar/deadline-routes.js'),
      import('../../api/calendar/clock-api.js'),
    ]);
    registerNav({
      href: '/console/calendar',
      label: '法定节假日日历',
      roles: ['sysadmin', 'supervisor'],
      group: '系统管理',
    });
    await calendarConsoleRoutes(app);
    await deadlineRoutes(app);
    await clockApi(app, config.limits.apiPerMinute);
  },
  seed: async (ctx) => (await import('../../calendar/index.js')).seedOfficialCalendar(ctx),
  cli: {
    commands: [
      { name: 'calendar', description: '法定节假日与工作日日历' },
      { name: 'clock <file>', description: '依申请公开期限计算：读取事件 JSON（- 表示标准输入），输出期限状态' },
    ],
    load: async () => (await import('../../cli/calendar-commands.js')).calendarCli,
  },
};
