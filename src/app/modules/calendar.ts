import type { CapabilityModule } from '../modules.js';
import { registerNav } from '../../console/nav.js';
import { calendarConsoleRoutes } from '../../console/calendar/calendar-routes.js';
import { deadlineRoutes } from '../../portal/calendar/deadline-routes.js';
import { clockApi } from '../../api/calendar/clock-api.js';
import { calendarCli } from '../../cli/calendar-commands.js';
import { seedOfficialCalendar } from '../../calendar/save-calendar-years.js';

/** The statutory calendar and the request clock: console, portal calculator, API, CLI, seed. */
export const calendarModule: CapabilityModule = {
  name: 'calendar',
  async routes(app, { config }) {
    registerNav({ href: '/console/calendar', label: '法定节假日日历', roles: ['sysadmin', 'supervisor'], group: '系统管理' });
    await calendarConsoleRoutes(app);
    await deadlineRoutes(app);
    await clockApi(app, config.limits.apiPerMinute);
  },
  seed: seedOfficialCalendar,
  cli: calendarCli,
};
