/**
 * A worker thread of the check pool (check-pool.ts): checks the reports it is sent, one at a time, and
 * answers with the results (plain objects, copied back to the main thread).
 */
import { parentPort } from 'node:worker_threads';
import type { ReportTables } from '../report-format.rules.js';
import { checkReportBytes } from './check-report.js';

/** A job: a report to check. */
export interface CheckJob {
  id: number;
  name: string;
  data: Uint8Array;
  previous: Pick<ReportTables, 'table3'> | null;
}

parentPort?.on('message', (job: CheckJob) => {
  void checkReportBytes(
    Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength),
    job.name,
    job.previous,
  ).then((result) => parentPort?.postMessage({ id: job.id, result }));
});
