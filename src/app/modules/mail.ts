import type { CapabilityModule } from '../modules.js';

/** Outgoing mail (outbox + delivery job) and console notices. */
export const mailModule: CapabilityModule = {
  name: 'mail',
  routes: async (app) => (await import('../../console/mail/outbox-routes.js')).outboxRoutes(app),
  jobs: [
    {
      name: 'mail-deliver',
      label: '发送发件箱中的邮件',
      period: 'every15min',
      run: async (ctx) => (await import('../../platform/mail/mail.js')).deliverOutbox(ctx),
    },
  ],
};
