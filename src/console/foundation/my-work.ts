/**
 * “我的工作”: what waits for a person — counts each capability contributes, each opening the filtered list
 * it counts. Shown on the console home and sent as the daily digest (work-digest.ts). A source reads only
 * `ctx.actor` and the database, so the same counts serve a page and a job.
 */
import type { Ctx } from '../../platform/context.js';

/** One count of “我的工作”: what waits for the person (a head of office: the whole agency), opening the filtered list. */
export interface WorkCount {
  label: string;
  count: number;
  href: string;
  /** Heading the count is shown under (依申请公开, 主动公开 …). */
  group: string;
  /** 'bad' when a non-zero count means a date has been missed. */
  level?: 'bad';
}
/** A capability's counts for `ctx.actor` (empty when the person has no part in it). */
export type WorkSource = (ctx: Ctx) => Promise<WorkCount[]>;
const workSources: WorkSource[] = [];
/** Registers a source once (apps built again in one process register the same function again). */
export const registerWorkSource = (s: WorkSource): void => {
  if (!workSources.includes(s)) workSources.push(s);
};

/** Every registered source's counts for `ctx.actor`, in registration order. */
export async function myWork(ctx: Ctx): Promise<WorkCount[]> {
  return (await Promise.all(workSources.map((s) => s(ctx)))).flat();
}
