import type { FastifyInstance, FastifyRequest } from 'fastify';
import { assertAllowed } from '../guard.js';
import { typed } from '../../platform/http/schemas.js';
import { isAppError } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { scopePaths } from '../../orgs/index.js';
import {
  quarterOf,
  TASK_VIEW_ROLES,
  tasksMatching,
  createTask,
  tasksToXlsx,
  quarterlyNoticeDocx,
  computeFigures,
  requestsSource,
  interactionSource,
} from '../../supervision/index.js';
import { TaskForm, taskInput } from './task-form.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { TaskQuery, filterFrom, jurisdictionOrgs, renderList } from './tasks-page.js';
import { importRoutes } from './tasks-import-routes.js';

/** Console: the 任务分解表 list, new task, XLSX export, 季度通报 DOCX. */
export async function tasksRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  const visible = (req: FastifyRequest) => scopePaths(req.actor, TASK_VIEW_ROLES).length > 0;

  r.get('/console/supervision/tasks', { schema: { querystring: TaskQuery } }, async (req, reply) => {
    assertAllowed(visible(req));
    return reply.page(await renderList(req, reply.view(), req.query));
  });

  r.post('/console/supervision/tasks', { schema: { querystring: TaskQuery, body: TaskForm } }, async (req, reply) => {
    assertAllowed(visible(req));
    const input = taskInput(req.body);
    try {
      const t = await createTask(req.ctx, input);
      return reply.flashRedirect(`/console/supervision/tasks/${t.id}`, `已新建任务 ${t.year}-${t.seq}。`);
    } catch (e) {
      if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'conflict' && e.kind !== 'not_found')) throw e;
      return reply.page(
        await renderList(req, reply.view(), req.query, { errors: e.errors, values: { ...req.body } }),
        e.status,
      );
    }
  });

  r.get('/console/supervision/tasks.xlsx', { schema: { querystring: TaskQuery } }, async (req, reply) => {
    assertAllowed(visible(req));
    const tasks = await tasksMatching(req.ctx, filterFrom(req, req.query).filter);
    const buf = await tasksToXlsx(tasks, todayInShanghai(req.ctx.now()));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', contentDisposition('任务分解表.xlsx'))
      .send(buf);
  });

  r.get('/console/supervision/tasks/notice.docx', { schema: { querystring: TaskQuery } }, async (req, reply) => {
    assertAllowed(visible(req));
    const today = todayInShanghai(req.ctx.now());
    const { filter } = filterFrom(req, req.query);
    const q = quarterOf(today);
    const year = filter.year ?? q.year;
    const tasks = await tasksMatching(req.ctx, { ...filter, year });
    const { jurisdictions } = await jurisdictionOrgs(req);
    const name = jurisdictions[0]?.name ?? tasks[0]?.org_name ?? '本级';
    const quarter = year === q.year ? q.quarter : 4;
    // The quarter's request and message figures of the same agencies, counted as the dashboard counts them.
    const period =
      year === q.year
        ? { from: q.from, to: today < q.to ? today : q.to }
        : { from: `${year}-10-01`, to: `${year}-12-31` };
    const paths = jurisdictions.length ? jurisdictions.map((j) => j.path) : scopePaths(req.actor, TASK_VIEW_ROLES);
    const f = await computeFigures(req.ctx, paths, period, [requestsSource, interactionSource]);
    const figures = [...f.rows, f.total];
    const buf = await quarterlyNoticeDocx({
      jurisdictionName: name,
      year,
      quarter,
      asOf: today,
      tasks,
      figures,
      figuresPeriod: period,
    });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', contentDisposition(`${year}年季度通报.docx`))
      .send(buf);
  });

  await importRoutes(app);
}
