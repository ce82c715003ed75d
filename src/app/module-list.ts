import type { CapabilityModule } from './modules.js';
import type { JobDefinition } from '../platform/jobs/scheduler.js';
import { searchModule } from './modules/search.js';
import { calendarModule } from './modules/calendar.js';
import { mailModule } from './modules/mail.js';
import { guideModule } from './modules/guide.js';
import { requestsModule } from './modules/requests.js';
import { catalogModule } from './modules/catalog.js';
import { interactionModule } from './modules/interaction.js';
import { reportsModule } from './modules/reports.js';
import { supervisionModule } from './modules/supervision.js';
import { deskModule } from './modules/desk.js';

/** The capabilities composed into the application, in dependency order. Add one line per capability. */
export const capabilityModules: CapabilityModule[] = [
  mailModule,
  calendarModule,
  guideModule,
  requestsModule,
  catalogModule,
  searchModule,
  interactionModule,
  reportsModule,
  supervisionModule,
  deskModule,
];

/** Every capability's periodic jobs. */
export const capabilityJobs = (): JobDefinition[] => capabilityModules.flatMap((m) => m.jobs ?? []);

let hooks: Promise<void> | undefined;

/** Installs every capability's cross-capability hooks, once per process. */
export function installCapabilityHooks(): Promise<void> {
  hooks ??= (async () => {
    for (const m of capabilityModules) await m.hooks?.();
  })();
  return hooks;
}
