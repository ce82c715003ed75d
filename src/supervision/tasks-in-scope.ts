/** Read query: the yearly tasks the reader supervises or reports on, one page of 100. */
import type { Ctx } from '../platform/context.js';
import { listTasks, type TaskView } from './tasks.store.js';
import { taskScope } from './task-access.js';

export const tasksInScope = (
  ctx: Ctx,
  f: { year?: number; page?: number },
): Promise<{ rows: TaskView[]; total: number }> =>
  listTasks(ctx.db, { ...taskScope(ctx.actor), year: f.year }, f.page ?? 1, 100);
