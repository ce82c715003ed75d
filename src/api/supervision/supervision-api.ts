import type { FastifyInstance } from 'fastify';
import { typed, Type } from '../../platform/http/schemas.js';
import { todayInShanghai } from '../../platform/dates.js';
import {
  buildDashboard,
  publicStats,
  isTaskOverdue,
  type TaskView,
  tasksInScope,
  createTask,
  reportTask,
  reviewTask,
} from '../../supervision/index.js';
import { answers, IdParams, Nullable, PUBLIC, STAFF, staff } from '../api-schemas.js';

const tags = ['监督检查'];
const Period = Type.Object({
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  sort: Type.Optional(Type.String()),
  dir: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
});
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

const Columns = Type.Array(
  Type.Object({
    key: Type.String(),
    label: Type.String(),
    format: Type.Unsafe<'int' | 'pct' | 'days' | 'text' | 'score'>({
      type: 'string',
      enum: ['int', 'pct', 'days', 'text', 'score'],
      description: '数字的格式：int 整数、pct 百分比、days 天数、text 文字、score 分数',
    }),
    available: Type.Boolean({ description: '有数据来源（否则各行为 null）' }),
  }),
);
const Values = Type.Record(Type.String(), Nullable(Type.Number()), { description: '列 key → 数值（无数据为 null）' });
const Dashboard = Type.Object({
  from: Type.String(),
  to: Type.String(),
  provisional: Type.Boolean(),
  provisionalNote: Nullable(Type.String(), { description: '期限涉及节假日安排尚未公布的年度（暂定）时的说明' }),
  columns: Columns,
  rows: Type.Array(
    Type.Object({
      orgId: Nullable(Type.Integer(), { description: '合计行为 null' }),
      orgName: Type.String(),
      values: Values,
    }),
    { description: '各单位，最后一行为合计' },
  ),
});
const Task = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  seq: Type.Integer({ description: '序号' }),
  category: Type.String(),
  content: Type.String(),
  jurisdiction: Type.Object({ id: Type.Integer(), name: Type.String() }),
  responsible: Type.Object({ id: Type.Integer(), name: Type.String() }),
  departmentOrgId: Nullable(Type.Integer()),
  deadline: Type.String(),
  evidenceRequired: Type.String(),
  state: Type.String({ description: 'open / reported / returned / accepted' }),
  overdue: Type.Boolean(),
});
const PublicStats = Type.Object({
  org: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  from: Type.String(),
  to: Type.String(),
  columns: Columns,
  total: Values,
  rows: Type.Array(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), values: Values })),
  outcomes: Nullable(Type.Array(Type.Object({ label: Type.String(), n: Type.Integer() })), {
    description: '办理结果统计（无依申请公开数据时为 null）',
  }),
});

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
  const api = typed(app);
  api.get(
    '/api/v1/supervision/dashboard',
    {
      schema: {
        summary: '监督检查：各单位统计',
        tags,
        operationId: 'getSupervisionDashboard',
        security: STAFF,
        querystring: Period,
        response: answers({ 200: Dashboard }),
      },
    },
    async (req) => {
      staff(req);
      const d = await buildDashboard(req.ctx, req.query);
      return {
        from: d.from,
        to: d.to,
        provisional: d.provisionalNote !== null,
        provisionalNote: d.provisionalNote,
        columns: d.columns.map((c) => ({ key: c.key, label: c.label, format: c.format, available: c.available })),
        rows: [...d.rows, d.total].map((r) => ({ orgId: r.orgId || null, orgName: r.orgName, values: r.values })),
      };
    },
  );

  api.get(
    '/api/v1/supervision/tasks',
    {
      schema: {
        summary: '年度任务分解表',
        tags,
        operationId: 'listSupervisionTasks',
        security: STAFF,
        querystring: Type.Object({
          year: Type.Optional(Type.Integer()),
          page: Type.Optional(Type.Integer({ minimum: 1, description: '页码（每页 100 条）' })),
        }),
        response: answers({ 200: Type.Object({ total: Type.Integer(), data: Type.Array(Task) }) }),
      },
    },
    async (req) => {
      staff(req);
      const q = req.query;
      const { rows, total } = await tasksInScope(req.ctx, q);
      const today = todayInShanghai(req.ctx.now());
      return { total, data: rows.map((t) => taskJson(t, today)) };
    },
  );

  api.post(
    '/api/v1/supervision/tasks',
    {
      schema: {
        summary: '新建任务',
        tags,
        operationId: 'createSupervisionTask',
        security: STAFF,
        body: TaskBody,
        response: answers({ 201: Task }),
      },
    },
    async (req, reply) => {
      staff(req);
      const t = await createTask(req.ctx, req.body);
      return reply.status(201).send(taskJson(t, todayInShanghai(req.ctx.now())));
    },
  );

  api.post(
    '/api/v1/supervision/tasks/:id/report',
    {
      schema: {
        summary: '报送任务进展',
        tags,
        operationId: 'reportSupervisionTask',
        security: STAFF,
        params: IdParams,
        body: Type.Object({ progress: Type.String(), links: Type.Optional(Type.String()) }),
        response: answers({ 201: Type.Object({ reportId: Type.Integer() }) }),
      },
    },
    async (req, reply) => {
      staff(req);
      const b = req.body;
      const r = await reportTask(req.ctx, req.params.id, { progress: b.progress, links: b.links ?? '' });
      return reply.status(201).send(r);
    },
  );

  api.post(
    '/api/v1/supervision/tasks/:id/review',
    {
      schema: {
        summary: '验收或退回任务',
        tags,
        operationId: 'reviewSupervisionTask',
        security: STAFF,
        params: IdParams,
        body: Type.Object({
          decision: Type.Union([Type.Literal('accept'), Type.Literal('return')]),
          comment: Type.Optional(Type.String()),
        }),
        response: answers({ 200: Type.Object({ ok: Type.Literal(true) }) }),
      },
    },
    async (req) => {
      staff(req);
      const b = req.body;
      await reviewTask(req.ctx, req.params.id, { decision: b.decision, comment: b.comment ?? '' });
      return { ok: true as const };
    },
  );

  api.get(
    '/api/v1/public/stats',
    {
      schema: {
        summary: '公开统计（汇总数字，不含个人信息）',
        tags: ['公开'],
        operationId: 'getPublicStats',
        security: PUBLIC,
        querystring: Type.Object({
          orgId: Type.Optional(Type.Integer({ minimum: 1 })),
          year: Type.Optional(Type.Integer()),
        }),
        response: answers({ 200: PublicStats }),
      },
    },
    async (req) => {
      const s = await publicStats(req.ctx, req.query);
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
