/**
 * Benchmark of the request clock: builds the official calendar and computes 100,000 varied clocks
 * (with explanations). Target: under 1 s.
 *
 * Run directly: `node --import tsx bench/clock.bench.ts`, or import `run()` from a bench runner.
 */
import { pathToFileURL } from 'node:url';
import { rng } from './search-corpus.js';
import { buildCalendar } from '../src/calendar/calendar.rules.js';
import { OFFICIAL_YEARS } from '../src/calendar/official-holidays.data.js';
import { computeClock } from '../src/requests/clock/request-clock.rules.js';
import type { Channel, ClockEvent, ClockLedger } from '../src/requests/clock/clock.types.js';
import { addDays, fromDayNumber, toDayNumber } from '../src/platform/dates.js';

const CLOCKS = 100_000;
const CHANNELS: Channel[] = ['in_person', 'post_signed', 'post_unsigned', 'online', 'fax', 'email', 'oral'];

/** Small deterministic PRNG (mulberry32) so every run measures the same work. */

/** One valid ledger of a random shape, and the date to evaluate it at. */
function makeCase(r: () => number): { ledger: ClockLedger; asOf: string } {
  const from = toDayNumber('2009-01-01');
  const to = toDayNumber('2026-06-30');
  const on = fromDayNumber(from + Math.floor(r() * (to - from)));
  const channel = CHANNELS[Math.floor(r() * CHANNELS.length)] as Channel;
  const at = (days: number): string => addDays(on, days);
  const events: ClockEvent[] = [];
  switch (Math.floor(r() * 8)) {
    case 0:
      break;
    case 1:
      events.push(
        { type: 'correction_requested', on: at(3), until: at(18) },
        { type: 'correction_received', on: at(10) },
      );
      break;
    case 2:
      events.push(
        { type: 'consultation_started', on: at(5), party: 'third_party' },
        { type: 'consultation_ended', on: at(5 + Math.floor(r() * 20)) },
      );
      break;
    case 3:
      events.push(
        { type: 'consultation_started', on: at(4), party: 'third_party' },
        { type: 'consultation_started', on: at(6), party: 'other_agency' },
        { type: 'consultation_ended', on: at(12), party: 'third_party' },
        { type: 'consultation_ended', on: at(15), party: 'other_agency' },
      );
      break;
    case 4:
      events.push({ type: 'fee_notice_sent', on: at(2) }, { type: 'fee_paid', on: at(2 + Math.floor(r() * 10)) });
      break;
    case 5:
      events.push({ type: 'extended', on: at(5), days: 1 + Math.floor(r() * 20) }, { type: 'answered', on: at(30) });
      break;
    case 6:
      events.push({ type: 'consultation_started', on: at(7), party: 'other_agency' });
      break;
    default:
      events.push({ type: 'deadline_set', on: at(3), dueOn: at(60), reason: '申请数量较大' });
  }
  return { ledger: { received: { on, channel }, events }, asOf: at(40) };
}

/** Runs the benchmark and returns its figures. */
export async function run(): Promise<{ name: string; figures: Record<string, number> }> {
  const t0 = performance.now();
  const cal = buildCalendar(OFFICIAL_YEARS);
  const buildMs = performance.now() - t0;

  const r = rng(20251030);
  const cases = Array.from({ length: CLOCKS }, () => makeCase(r));
  let checksum = 0;
  const t1 = performance.now();
  for (const c of cases) {
    const res = computeClock(cal, c.ledger, c.asOf);
    checksum += res.workingDaysUsed + res.steps.length;
  }
  const elapsedMs = performance.now() - t1;
  const figures = {
    clocks: CLOCKS,
    elapsedMs: Math.round(elapsedMs),
    microsPerClock: Math.round(((elapsedMs * 1000) / CLOCKS) * 100) / 100,
    calendarBuildMs: Math.round(buildMs * 100) / 100,
    checksum,
  };
  console.log(
    `clock: ${CLOCKS} clocks in ${figures.elapsedMs} ms (${figures.microsPerClock} µs each; calendar built in ${figures.calendarBuildMs} ms)`,
  );
  return { name: 'clock', figures };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
