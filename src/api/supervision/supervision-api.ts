import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { unauthenticated } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import { buildDashboard } from '../../supervision/build-dashboard.js';
import { publicStats } from '../../supervision/public-stats.js';
import { isTaskOverdue } from '../../supervision/tasks.rules.js';
import { listTasks, type TaskView } from '../../supervision/tasks.store.js';
import { taskScope } from '../../supervision/task-access.js';
import { createTask } from '../../supervision/create-task.js';
import { reportTask } from '../../supervision/report-task.js';
import { reviewTask } from '../../supervision/review-task.js';

const sec = [{ bearer: [] }];
const tags = ['监督检查'];
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Period = Type.Object({ from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })), sort: Type.Optional(Type.String()), dir: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])) });
const TaskBody = Type.Object({
  jurisdictionOrgId: Type.Integer(),
  year: Type.Integer(),
  category: Type.String(),
  content: Type.String(),
  responsibleOrgId: Type.Integer(),
  departmentOrgId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  deadline: Type.String(),
  evidenceRequired: Type.String(),
});

function staff(req: { actor: { kind: string } }) {
  if (req.actor.kind !== 'user') throw unauthenticated();
}

const taskJson = (t: TaskView, today: string) => ({
  id: t.id,
  year: t.year,
  seq: t.seq,
  category: t.category,
  content: t.content,
  jurisdiction: { id: t.org_id, name: t.org_name },
  responsible: { id: t.responsible_org_id, name: t.responsible_name },
  departmentOrgId: t.department_org_id,
  deadline: t.deadline,
  evidenceRequired: t.evidence_required,
  state: t.state,
  overdue: isTaskOverdue(t, today),
});

/** JSON API: dashboard, yearly tasks, public statistics. */
export async function supervisionApi(app: FastifyInstance): Promise<void> {
  app.get('/api/v1/supervision/dashboard', { schema: { summary: '监督检查：各单位统计', tags, security: sec, querystring: Period } }, async (req) => {
    staff(req);
    const d = await buildDashboard(req.ctx, req.query as never);
    return {
      from: d.from,
      to: d.to,
      provisional: d.provisionalNote !== null,
      provisionalNote: d.provisionalNote,
      columns: d.columns.map((c) => ({ key: c.key, label: c.label, format: c.format, available: c.available })),
      rows: [...d.rows, d.total].map((r) => ({ orgId: r.orgId || null, orgName: r.orgName, values: r.values })),
    };
  });

  app.get(
    '/api/v1/supervision/tasks',
    { schema: { summary: '年度任务分解表', tags, security: sec, querystring: Type.Object({ year: Type.Optional(Type.Integer()), page: Type.Optional(Type.Integer({ minimum: 1 })) }) } },
    async (req) => {
      staff(req);
      const q = req.query as { year?: number; page?: number };
      const { rows, total } = await listTasks(req.ctx.db, { ...taskScope(req.actor), year: q.year }, q.page ?? 1, 100);
      const today = todayInShanghai(req.ctx.now());
      return { total, data: rows.map((t) => taskJson(t, today)) };
    },
  );

  app.post('/api/v1/supervision/tasks', { schema: { summary: '新建任务', tags, security: sec, body: TaskBody } }, async (req, reply) => {
    staff(req);
    const t = await createTask(req.ctx, req.body as never);
    return reply.status(201).send(taskJson(t, todayInShanghai(req.ctx.now())));
  });

  app.post(
    '/api/v1/supervision/tasks/:id/report',
    { schema: { summary: '报送任务进展', tags, security: sec, params: IdParams, body: Type.Object({ progress: Type.String(), links: Type.Optional(Type.String()) }) } },
    async (req, reply) => {
      staff(req);
      const b = req.body as { progress: string; links?: string };
      const r = await reportTask(req.ctx, (req.params as { id: number }).id, { progress: b.progress, links: b.links ?? '' });
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/v1/supervision/tasks/:id/review',
    { schema: { summary: '验收或退回任务', tags, security: sec, params: IdParams, body: Type.Object({ decision: Type.Union([Type.Literal('accept'), Type.Literal('return')]), comment: Type.Optional(Type.String()) }) } },
    async (req) => {
      staff(req);
      const b = req.body as { decision: 'accept' | 'return'; comment?: string };
      await reviewTask(req.ctx, (req.params as { id: number }).id, { decision: b.decision, comment: b.comment ?? '' });
      return { ok: true };
    },
  );

  app.get(
    '/api/v1/public/stats',
    { schema: { summary: '公开统计（汇总数字，不含个人信息）', tags: ['公开'], querystring: Type.Object({ orgId: Type.Optional(Type.Integer({ minimum: 1 })), year: Type.Optional(Type.Integer()) }) } },
    async (req) => {
      const q = req.query as { orgId?: number; year?: number };
      const s = await publicStats(req.ctx, q);
      const cols = s.figures.columns;
      return {
        org: s.org ? { id: s.org.id, name: s.org.name } : null,
        from: s.from,
        to: s.to,
        columns: cols.map((c) => ({ key: c.key, label: c.label, format: c.format, available: c.available })),
        total: s.figures.total.values,
        rows: s.figures.rows.map((r) => ({ orgId: r.orgId, orgName: r.orgName, values: r.values })),
        outcomes: s.outcomes,
      };
    },
  );
}
