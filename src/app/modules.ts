import type { FastifyInstance } from 'fastify';
import type { Command } from 'commander';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context.js';
import type { JobDefinition } from '../platform/jobs/scheduler.js';

/**
 * What a capability contributes to the composed application. Each capability
 * exports one `CapabilityModule` from `src/app/modules/<name>.ts` and is listed
 * below; nothing else in the composition root changes when a capability lands.
 */
export interface CapabilityModule {
  name: string;
  /** Registers portal, console and API routes (and console nav entries). */
  routes?(app: FastifyInstance, deps: { config: Config; database: Database }): Promise<void>;
  /** Built-in reference data, loaded by `gongkai init` (idempotent). */
  seed?(ctx: Ctx): Promise<string | void>;
  /** Demo data for `gongkai init --demo` (after the demo county exists). */
  seedDemo?(ctx: Ctx, demo: { countyId: number }): Promise<string | void>;
  /** CLI sub-commands. */
  cli?(program: Command, open: () => Promise<{ ctx: Ctx; close(): Promise<void> }>): void;
  /** Periodic jobs. */
  jobs?: JobDefinition[];
}


