import type { FastifyInstance } from 'fastify';
import { typed, Type } from '../../platform/http/schemas.js';
import { invalidFields } from '../../platform/errors.js';
import {
  parseRequestListQuery,
  REQUEST_SORTS,
  requestListFor,
  requestListScope,
  staffCase,
  maskCase,
  performRequestCommand,
  RequestCommandSchema,
  requestOutcomeText,
  requestCalendar,
  type RequestWithOrg,
  requestStatistics,
  TABLE3_COLUMNS,
  TABLE4_GROUPS,
  TABLE3_ROWS,
} from '../../requests/index.js';
import { isProvisionalDate, type WorkCalendar } from '../../calendar/index.js';
import { answers, AnyObject, Errors, Nullable, Paged, PageQuery, STAFF, staff } from '../api-schemas.js';
import { ClockResult } from '../calendar/clock.schemas.js';

const QUEUES = ['all', 'mine', 'unconfirmed', 'due_soon', 'overdue', 'waiting'] as const;
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Summary = Type.Object({
  id: Type.Integer(),
  requestNo: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  state: Type.String(),
  channel: Type.String(),
  applicantType: Type.String(),
  applicantKind: Type.Union([Type.String(), Type.Null()]),
  idNumberMasked: Type.String(),
  infoTitle: Type.Union([Type.String(), Type.Null()]),
  receivedOn: Type.Union([Type.String(), Type.Null()]),
  dueOn: Type.Union([Type.String(), Type.Null()]),
  dueProvisional: Type.Boolean({ description: '答复期限落在节假日安排尚未公布的年度（按法定节假日推算，暂定）' }),
  handlerId: Type.Union([Type.Integer(), Type.Null()]),
  outcomeCode: Type.Union([Type.String(), Type.Null()]),
  closedOn: Type.Union([Type.String(), Type.Null()]),
});

const Str = Type.String();
const OptStr = Nullable(Type.String());
const RequestDetail = Type.Composite([
  Summary,
  Type.Object({
    personalDataVisible: Type.Boolean({
      description: '本人可见申请人个人信息（本案办理人、依申请公开负责人）；否则下列个人信息已隐藏',
    }),
    applicant: Type.Object({
      name: Str,
      idType: Str,
      idNumber: Str,
      phone: OptStr,
      email: OptStr,
      address: OptStr,
      postcode: OptStr,
      legalRep: OptStr,
      contactName: OptStr,
    }),
    info: Type.Object({ title: OptStr, ref: OptStr, description: OptStr, form: Str, delivery: Str }),
    outcomeBasis: OptStr,
    answerText: OptStr,
    clock: Nullable(ClockResult, { description: '期限计算；已撤回或无法计算时为 null' }),
    clockProblem: Nullable(Errors.properties.errors.items, { description: '期限无法计算的原因' }),
    history: Type.Array(
      Type.Object({
        id: Type.Integer(),
        on: Str,
        type: Str,
        label: Str,
        payload: AnyObject('事件的内容（随事件类型而定）'),
        actor: Str,
        isPublic: Type.Boolean({ description: '申请人可见' }),
      }),
      { description: '办理记录' },
    ),
    idProofs: Type.Array(Type.Object({ id: Type.Integer(), filename: Str, mime: Str, size: Type.Integer() }), {
      description: '身份证明文件（仅可见个人信息时列出）',
    }),
  }),
]);
const Statistics = Type.Object({
  columns: Type.Array(Str, { description: '表三的列（申请人类别）' }),
  rows: Type.Array(Type.Object({ row: Str, label: Str, outcome: OptStr }), { description: '表三的行' }),
  table4Groups: Type.Array(Str, { description: '表四的分组' }),
  table: Type.Record(Type.String(), Type.Array(Type.Integer()), { description: '表三：行 → 各列数字' }),
  balanced: Type.Boolean({ description: '表三平衡（一 + 二 = 三.(七) + 四）' }),
  table4: Type.Array(Type.Array(Type.Integer()), { description: '表四' }),
  feesCollected: Type.Number({ description: '当年实收信息处理费（元）' }),
});

const summary = (r: RequestWithOrg, cal: WorkCalendar) => {
  const m = maskCase(r, false);
  return {
    id: r.id,
    requestNo: r.request_no,
    orgId: r.org_id,
    orgName: r.org_name,
    state: r.state,
    channel: r.channel,
    applicantType: r.applicant_type,
    applicantKind: r.applicant_kind,
    idNumberMasked: m.id_number,
    infoTitle: r.info_title,
    receivedOn: r.received_on,
    dueOn: r.due_on,
    dueProvisional: !!r.due_on && isProvisionalDate(cal, r.due_on),
    handlerId: r.handler_id,
    outcomeCode: r.outcome_code,
    closedOn: r.closed_on,
  };
};

/** JSON API for requests (staff; lists never carry personal data in clear). */
export async function requestsApi(app: FastifyInstance): Promise<void> {
  const api = typed(app);
  api.get(
    '/api/v1/requests',
    {
      schema: {
        summary: '依申请公开申请列表（本人管辖范围，个人信息已隐藏）',
        tags: ['依申请公开'],
        operationId: 'listRequests',
        security: STAFF,
        querystring: Type.Object({
          queue: Type.Optional(Type.Union(QUEUES.map((q) => Type.Literal(q)))),
          ...PageQuery(200),
          q: Type.Optional(
            Type.String({
              maxLength: 100,
              description: '申请编号、所需信息；有权查看的，也可为申请人姓名（查询码不可检索）',
            }),
          ),
          state: Type.Optional(Type.String()),
          channel: Type.Optional(Type.String()),
          handler: Type.Optional(Type.String({ description: 'me、none（未分派）或用户 ID' })),
          department: Type.Optional(Type.Integer({ minimum: 1, description: '主办科室 ID' })),
          outcome: Type.Optional(Type.String()),
          receivedFrom: Type.Optional(Type.String({ format: 'date' })),
          receivedTo: Type.Optional(Type.String({ format: 'date' })),
          dueFrom: Type.Optional(Type.String({ format: 'date' })),
          dueTo: Type.Optional(Type.String({ format: 'date' })),
          provisional: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0')])),
          sort: Type.Optional(Type.Union(Object.keys(REQUEST_SORTS).map((k) => Type.Literal(k)))),
          org: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: answers({ 200: Paged(Summary) }),
      },
    },
    async (req) => {
      staff(req);
      const within = await requestListScope(req.ctx, req.query.org);
      const page = req.query.page ?? 1;
      const perPage = req.query.perPage ?? 50;
      // The same search, filters and order as the console list (request-list.rules.ts); the API's default queue is all.
      const { query, errors } = parseRequestListQuery(req.query, 'all');
      if (errors.length) throw invalidFields(errors);
      const { rows, total, cal } = await requestListFor(req.ctx, within, query, {
        limit: perPage,
        offset: (page - 1) * perPage,
      });
      return { data: rows.map((r) => summary(r, cal)), page, perPage, total };
    },
  );

  api.get(
    '/api/v1/requests/statistics',
    {
      schema: {
        summary: '年度报告表三：收到和处理政府信息公开申请情况（按申请人类别）',
        tags: ['依申请公开'],
        operationId: 'getRequestStatistics',
        security: STAFF,
        querystring: Type.Object({
          orgId: Type.Integer({ minimum: 1 }),
          year: Type.Integer({ minimum: 2008, maximum: 2100 }),
        }),
        response: answers({ 200: Statistics }),
      },
    },
    async (req) => {
      staff(req);
      return {
        columns: [...TABLE3_COLUMNS],
        rows: [...TABLE3_ROWS],
        table4Groups: [...TABLE4_GROUPS],
        ...(await requestStatistics(req.ctx, req.query)),
      };
    },
  );

  api.get(
    '/api/v1/requests/:id',
    {
      schema: {
        summary: '申请详情与期限计算（个人信息仅对本案办理人和负责人显示）',
        tags: ['依申请公开'],
        operationId: 'getRequest',
        security: STAFF,
        params: IdParams,
        response: answers({ 200: RequestDetail }),
      },
    },
    async (req) => {
      staff(req);
      const c = await staffCase(req.ctx, req.params.id);
      const r = c.request;
      return {
        ...summary(r, await requestCalendar(req.ctx.db)),
        personalDataVisible: c.personalDataVisible,
        applicant: {
          name: r.applicant_name,
          idType: r.id_type,
          idNumber: r.id_number,
          phone: r.phone,
          email: r.email,
          address: r.address,
          postcode: r.postcode,
          legalRep: r.legal_rep,
          contactName: r.contact_name,
        },
        info: {
          title: r.info_title,
          ref: r.info_ref,
          description: r.info_description,
          form: r.info_form,
          delivery: r.delivery,
        },
        outcomeBasis: r.outcome_basis,
        answerText: r.answer_text,
        clock: c.clock.result,
        clockProblem: c.clock.problem,
        history: c.history,
        idProofs: c.idProofs,
      };
    },
  );

  /** What `POST /api/v1/requests/:id/events` returns: the confirmation and the case's state and clock after the action. */
  const ActionDone = Type.Object({
    message: Type.String({ description: '操作结果（中文确认文字）' }),
    state: Type.String({ description: '申请的新状态' }),
    dueOn: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: '答复期限' }),
    clock: Type.Union(
      [
        Type.Object(
          {
            state: Type.String(),
            stateLabel: Type.String(),
            asOf: Type.String({ format: 'date' }),
            receivedOn: Type.String({ format: 'date' }),
            dueOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
            dueOnProvisional: Type.Boolean({ description: '暂停计时中，期限将顺延' }),
            calendarProvisional: Type.Boolean({ description: '答复期限落在节假日安排尚未公布的年度（暂定）' }),
            extendedDays: Type.Integer(),
            pausedWorkingDays: Type.Integer(),
            workingDaysUsed: Type.Integer(),
            workingDaysLeft: Type.Union([Type.Integer(), Type.Null()]),
            overdue: Type.Boolean(),
            overdueWorkingDays: Type.Integer(),
            answeredOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
            steps: Type.Array(Type.String(), { description: '期限计算步骤（中文）' }),
          },
          { additionalProperties: true, description: '期限计算（与 GET /api/v1/requests/{id} 的 clock 相同）' },
        ),
        Type.Null(),
      ],
      { description: '期限计算；尚未收到申请或无法计算时为 null' },
    ),
  });
  typed(app).post(
    '/api/v1/requests/:id/events',
    {
      schema: {
        operationId: 'performRequestAction',
        summary: '办理操作：确认收到、分派、补正、征求意见、延期、答复等',
        description:
          '请求体是一个办理操作，`type` 决定其余字段（每种操作一个结构）。成功时返回确认文字和申请的新状态、答复期限与期限计算。',
        tags: ['依申请公开'],
        security: [{ bearer: [] }],
        params: IdParams,
        body: RequestCommandSchema,
        response: answers({ 201: ActionDone }),
      },
    },
    async (req, reply) => {
      staff(req);
      const id = req.params.id;
      const outcome = await performRequestCommand(req.ctx, id, req.body);
      const c = await staffCase(req.ctx, id);
      return reply.status(201).send({
        message: requestOutcomeText(outcome),
        state: c.request.state,
        dueOn: c.request.due_on,
        clock: c.clock.result,
      });
    },
  );
}
