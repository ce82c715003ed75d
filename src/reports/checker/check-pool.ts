/**
 * Checks reports on several threads. Reading a PDF is CPU work inside PDF.js (about a third of a second
 * per report on this kind of machine), so a batch is checked on worker threads. Workers load the
 * TypeScript sources through tsx, as the main thread does.
 */
import { Worker } from 'node:worker_threads';
import type { ReportTables } from '../report-format.rules.js';
import { unreadable, type CheckResult } from './check-report.js';
import type { CheckJob } from './check-worker.js';

/** A pool of checking threads. */
export interface CheckPool {
  check(name: string, data: Buffer, previous?: Pick<ReportTables, 'table3'> | null): Promise<CheckResult>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  /** The job being checked, with what to do with its result. */
  job: { name: string; done: (r: CheckResult) => void } | null;
}

/** Starts `size` worker threads; a job waits for a free one. */
export function checkPool(size: number): CheckPool {
  const queue: Array<(slot: Slot) => void> = [];
  let closed = false;
  const release = (slot: Slot): void => {
    slot.job = null;
    const next = queue.shift();
    if (next) next(slot);
  };
  const start = (): Slot => {
    const slot: Slot = {
      worker: new Worker(new URL('./check-worker.mjs', import.meta.url), { execArgv: [] }),
      job: null,
    };
    slot.worker.on('message', (m: { result: CheckResult }) => {
      const job = slot.job;
      release(slot);
      job?.done(m.result);
    });
    slot.worker.on('error', () => undefined);
    // A worker that dies (a file that exhausts its memory) fails its own job, not the batch.
    slot.worker.on('exit', () => {
      if (closed) return;
      const job = slot.job;
      const fresh = start();
      slots[slots.indexOf(slot)] = fresh;
      release(fresh);
      job?.done(unreadable(job.name, '文件无法读取：处理时出错（文件过大或已损坏）。'));
    });
    return slot;
  };
  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, start);
  let nextId = 1;
  return {
    check(name, data, previous = null) {
      return new Promise<CheckResult>((done) => {
        const run = (slot: Slot): void => {
          slot.job = { name, done };
          const job: CheckJob = { id: nextId++, name, data: new Uint8Array(data), previous };
          slot.worker.postMessage(job);
        };
        const idle = slots.find((s) => !s.job);
        if (idle) run(idle);
        else queue.push(run);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
