import type { Selectable } from 'kysely';
import type { Db } from '../platform/db/schema.js';
import { contains } from '../platform/db/contains.js';
import type { TaskSort } from './tasks.rules.js';
import type { SupervisionTaskReportsTable, SupervisionTasksTable } from './supervision.tables.js';
import './supervision.tables.js';

export type TaskRow = Selectable<SupervisionTasksTable>;
export type TaskReportRow = Selectable<SupervisionTaskReportsTable>;
/** A task with the names and paths of its orgs. */
export type TaskView = TaskRow & {
  org_name: string;
  org_path: string;
  responsible_name: string;
  responsible_path: string;
  department_name: string | null;
};

function taskQuery(db: Db) {
  return db
    .selectFrom('supervision_tasks as t')
    .innerJoin('orgs as j', 'j.id', 't.org_id')
    .innerJoin('orgs as r', 'r.id', 't.responsible_org_id')
    .leftJoin('orgs as d', 'd.id', 't.department_org_id')
    .selectAll('t')
    .select([
      'j.name as org_name',
      'j.path as org_path',
      'r.name as responsible_name',
      'r.path as responsible_path',
      'd.name as department_name',
    ]);
}

/** One task with its org names. */
export const getTask = (db: Db, id: number): Promise<TaskView | undefined> =>
  taskQuery(db).where('t.id', '=', id).executeTakeFirst();

/** Filters of the task list: what the actor may see, and the user's choices. */
export interface TaskFilter {
  /** Subtrees where the actor supervises (tasks whose jurisdiction lies there). */
  supervisePaths: string[];
  /** Subtrees where the actor reports (tasks whose responsible agency lies there). */
  reportPaths: string[];
  year?: number;
  state?: string;
  responsibleOrgId?: number;
  category?: string;
  /** Only tasks past their deadline and not accepted, as of this date. */
  overdueAsOf?: string;
  /** Words in the task's content or category (wildcards taken literally). */
  text?: string;
  sort?: TaskSort;
}

function filtered(db: Db, f: TaskFilter) {
  let q = taskQuery(db);
  const sup = f.supervisePaths;
  const rep = f.reportPaths;
  q = q.where((eb) =>
    eb.or([
      ...sup.map((p) => eb('r.path', 'like', `${p}%`)),
      ...sup.map((p) => eb('j.path', 'like', `${p}%`)),
      ...rep.map((p) => eb('r.path', 'like', `${p}%`)),
      eb.lit(false),
    ]),
  );
  if (f.year) q = q.where('t.year', '=', f.year);
  if (f.state) q = q.where('t.state', '=', f.state);
  if (f.responsibleOrgId) q = q.where('t.responsible_org_id', '=', f.responsibleOrgId);
  if (f.category) q = q.where('t.category', '=', f.category);
  if (f.overdueAsOf) q = q.where('t.deadline', '<', f.overdueAsOf).where('t.state', '<>', 'accepted');
  if (f.text) {
    const text = f.text;
    q = q.where((eb) => eb.or([contains('t.content', text), contains('t.category', text)]));
  }
  return q;
}

/** The list's order: by year and serial (the 任务分解表's own), or by deadline, state or agency first. */
function ordered(q: ReturnType<typeof filtered>, sort: TaskSort = 'number') {
  if (sort === 'deadline') q = q.orderBy('t.deadline').orderBy('t.year', 'desc');
  if (sort === 'state') q = q.orderBy('t.state').orderBy('t.deadline');
  if (sort === 'org') q = q.orderBy('r.path').orderBy('t.deadline');
  return q.orderBy('t.year', 'desc').orderBy('t.org_id').orderBy('t.seq');
}

/** A page of tasks in the chosen order. */
export async function listTasks(
  db: Db,
  f: TaskFilter,
  page = 1,
  perPage = 50,
): Promise<{ rows: TaskView[]; total: number }> {
  const rows = await ordered(filtered(db, f), f.sort)
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  const all = await filtered(db, f)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return { rows, total: Number(all?.n ?? 0) };
}

/** Every task matching the filter (exports, notices). */
export const allTasks = (db: Db, f: TaskFilter): Promise<TaskView[]> => ordered(filtered(db, f), f.sort).execute();

/** Reports of a task, newest first. */
export const listReports = (db: Db, taskId: number): Promise<TaskReportRow[]> =>
  db.selectFrom('supervision_task_reports').selectAll().where('task_id', '=', taskId).orderBy('id', 'desc').execute();

/** Distinct categories of the tasks the actor may see (filters). */
export async function taskCategories(db: Db, f: TaskFilter): Promise<string[]> {
  const rows = await filtered(db, f).clearSelect().select('t.category').distinct().orderBy('t.category').execute();
  return rows.map((r) => r.category);
}

/** Tasks of a year per responsible agency of the subtrees: how many, accepted, and overdue as of `today`. */
export async function taskCounts(
  db: Db,
  q: { paths: readonly string[]; year: number; today: string },
): Promise<Array<{ orgId: number; total: number; accepted: number; overdue: number }>> {
  if (!q.paths.length) return [];
  const rows = await db
    .selectFrom('supervision_tasks as t')
    .innerJoin('orgs as o', 'o.id', 't.responsible_org_id')
    .select((eb) => [
      't.responsible_org_id as org_id',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>(eb.case().when('t.state', '=', 'accepted').then(1).else(0).end()).as('accepted'),
      eb.fn
        .sum<number | string>(
          eb
            .case()
            .when(eb.and([eb('t.state', '<>', 'accepted'), eb('t.deadline', '<', q.today)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('overdue'),
    ])
    .where((eb) => eb.or(q.paths.map((p) => eb('o.path', 'like', `${p}%`))))
    .where('t.year', '=', q.year)
    .groupBy('t.responsible_org_id')
    .execute();
  return rows.map((r) => ({
    orgId: r.org_id,
    total: Number(r.n),
    accepted: Number(r.accepted ?? 0),
    overdue: Number(r.overdue ?? 0),
  }));
}

/** Tasks of any year not accepted and past their deadline on `today`, responsible agency in the subtrees. */
export async function overdueTaskCount(db: Db, q: { paths: readonly string[]; today: string }): Promise<number> {
  if (!q.paths.length) return 0;
  const r = await db
    .selectFrom('supervision_tasks as t')
    .innerJoin('orgs as o', 'o.id', 't.responsible_org_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where((eb) => eb.or(q.paths.map((p) => eb('o.path', 'like', `${p}%`))))
    .where('t.state', '<>', 'accepted')
    .where('t.deadline', '<', q.today)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
