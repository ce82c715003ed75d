import type { CapabilityModule } from './modules.js';
import { calendarModule } from './modules/calendar.js';
import { mailModule } from './modules/mail.js';
import { requestsModule } from './modules/requests.js';

/** The capabilities composed into the application, in dependency order. Add one line per capability. */
export const capabilityModules: CapabilityModule[] = [mailModule, calendarModule, requestsModule];
