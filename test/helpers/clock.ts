/**
 * The tests' clock. No test reads the wall clock: the database contexts, the composed app and the
 * browser journeys all run on a clock that starts at TEST_NOW (unless a test sets its own), so the
 * suite gives the same answers on any day of the year. `.ci/run` runs the suite a second time under
 * faketime to prove it.
 */
import { clockFrom, type Clock } from '../../src/platform/clock.js';

/** Monday 16 November 2026, 10:00 in Shanghai: inside the official calendar data, away from year ends. */
export const TEST_NOW = '2026-11-16T02:00:00.000Z';

/** The shared test clock (starts at TEST_NOW, runs on). */
export const testClock: Clock = clockFrom(TEST_NOW);

/** A clock that starts at a given instant (e.g. `clockAt('2026-12-28T02:00:00Z')`) and runs on. */
export const clockAt = (iso: string): Clock => clockFrom(iso);

/** A clock frozen at an instant. */
export const fixedClock = (iso: string): Clock => {
  const d = Date.parse(iso);
  return () => new Date(d);
};
