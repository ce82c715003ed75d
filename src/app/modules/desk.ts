import type { CapabilityModule } from '../modules.js';

/** The staff desk across capabilities: “我的工作” sent as a daily digest, and each person's choice of how to receive it. */
export const deskModule: CapabilityModule = {
  name: 'desk',
  routes: async (app) => (await import('../../console/foundation/digest-prefs-routes.js')).digestPrefsRoutes(app),
  cli: {
    commands: [{ name: 'desk:digest', description: '立即发送今日每日工作摘要（站内通知与邮件）' }],
    load: async () => (await import('../../cli/desk-commands.js')).deskCli,
  },
  jobs: [
    {
      name: 'desk.work_digest',
      label: '向工作人员发送每日工作摘要',
      period: 'daily',
      atHour: 8,
      run: async (ctx) => (await (await import('../../console/foundation/work-digest.js')).sendWorkDigest(ctx)).summary,
    },
  ],
};
