import type { CapabilityModule } from './modules.js';

/** The capabilities composed into the application, in dependency order. Add one line per capability. */
export const capabilityModules: CapabilityModule[] = [];
