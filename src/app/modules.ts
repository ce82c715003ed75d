import type { FastifyInstance } from 'fastify';
import type { Command } from 'commander';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context.js';
import type { JobDefinition } from '../platform/jobs/scheduler.js';

/** Opens the configured (migrated) database with a system actor, for one CLI action. */
export type OpenCli = () => Promise<{ ctx: Ctx; close(): Promise<void> }>;

/** A top-level command as `gongkai --help` lists it: its name with arguments, and its description. */
export interface CliCommand {
  readonly name: string;
  readonly description: string;
}

/**
 * A capability's CLI commands: listed by name and description without loading anything; `load`
 * imports the registration (and through it the actions' code) only when one of them runs.
 */
export interface CliCommands {
  readonly commands: readonly CliCommand[];
  load(): Promise<(program: Command, open: OpenCli) => void>;
}

/**
 * What a capability contributes to the composed application. Each capability exports one
 * `CapabilityModule` from `src/app/modules/<name>.ts` and is listed in `module-list.ts`; nothing else
 * in the composition root changes when a capability lands.
 *
 * A module file stays light: it is loaded by every process (`gongkai --help`, the cluster primary), so
 * routes, use-cases and libraries are imported inside the functions that need them (`await import(…)`).
 */
/** What a capability's demo seeder gets: the demo county and the random seed. */
export interface DemoSeed {
  countyId: number;
  seed: number;
}

export interface CapabilityModule {
  name: string;
  /** Registers portal, console and API routes (and console nav entries). */
  routes?(app: FastifyInstance, deps: { config: Config; database: Database }): Promise<void>;
  /**
   * Cross-capability hooks (calendar listeners, report and search sources). Installed once per process
   * (installCapabilityHooks) before routes, a CLI command's action or `init` runs.
   */
  hooks?(): Promise<void>;
  /** Built-in reference data, loaded by `gongkai init` (idempotent). */
  seed?(ctx: Ctx): Promise<string | void>;
  /**
   * Demo data for `gongkai init --demo` (after the demo county exists), dated relative to `ctx.now()` and
   * drawn from `seed` (platform/seeded-random.ts): the same clock and seed give the same county.
   */
  seedDemo?(ctx: Ctx, demo: DemoSeed): Promise<string | void>;
  /** CLI sub-commands. */
  cli?: CliCommands;
  /** Periodic jobs (their `run` imports its use-case when it first runs). */
  jobs?: JobDefinition[];
}
