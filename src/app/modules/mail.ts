import type { CapabilityModule } from '../modules.js';
import { outboxRoutes } from '../../console/mail/outbox-routes.js';
import { deliverOutbox } from '../../platform/mail/mail.js';

/** Outgoing mail (outbox + delivery job) and console notices. */
export const mailModule: CapabilityModule = {
  name: 'mail',
  routes: (app) => outboxRoutes(app),
  jobs: [{ name: 'mail-deliver', period: 'every15min', run: (ctx) => deliverOutbox(ctx) }],
};
