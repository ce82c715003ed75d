/**
 * The one clock. Everything that needs "now" or "today" receives a `Clock` (through `Ctx.now`, the
 * server or the CLI) instead of reading the wall clock, so a test or a demo can run on any day.
 *
 * `GONGKAI_NOW` (config `clockStart`) starts the clock at a given instant; it then runs on at the
 * machine's pace (monotonic time), so timestamps still increase. Without it the clock is the system clock.
 */
import { performance } from 'node:perf_hooks';

/** Returns the current instant. */
export type Clock = () => Date;

/** The machine's clock. The only place that reads the wall clock. */
export const systemClock: Clock = () => new Date();

const started = new Map<string, Clock>();

/**
 * A clock that reads `startIso` now and runs on from there. Clocks made for the same instant share
 * their origin, so the server, the jobs and a test's use-case context agree to the millisecond.
 */
export function clockFrom(startIso: string): Clock {
  let c = started.get(startIso);
  if (!c) {
    const start = Date.parse(startIso);
    if (Number.isNaN(start)) throw new Error(`not an instant: ${startIso}`);
    const t0 = performance.now();
    c = () => new Date(start + Math.round(performance.now() - t0));
    started.set(startIso, c);
  }
  return c;
}

/** The clock a configuration asks for: `clockStart` when set, else the system clock. */
export const clockFor = (config: { readonly clockStart?: string }): Clock =>
  config.clockStart ? clockFrom(config.clockStart) : systemClock;

/** Milliseconds of a monotonic timer, for durations and cache ages (never a date). */
export const elapsedMs = (): number => performance.now();
