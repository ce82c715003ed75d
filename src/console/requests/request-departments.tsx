/** The departments block of a case page (主办科室, 协办科室 with internal due dates and replies) and its form posts. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { CsrfField, SelectField, TextArea, TextField } from '../../platform/views/components.js';
import { postedInstance, postedValues, refusedBody, validateFormsInHandler } from '../../platform/http/form-refusal.js';
import { Act, type PostedAction } from './action-form.js';
import { Form, Int, Params, Text, Type, typed, type Static, OptChosen } from '../../platform/http/schemas.js';
import { isAppError, notFound, type FieldError } from '../../platform/errors.js';
import {
  isOpenState,
  isCoHandlingOverdue,
  seesPersonalData,
  type RequestWithOrg,
  type CaseDepartment,
  setLeadDepartment,
  addCoHandling,
  recordCoHandlingReply,
  removeCoHandling,
} from '../../requests/index.js';

/** The block: who handles the case inside the agency, and the co-handling departments' dates and replies. */
export function DepartmentsSection({
  r,
  departments,
  sections,
  ctx,
  csrf,
  today,
}: {
  r: RequestWithOrg;
  departments: CaseDepartment[];
  sections: Array<{ id: number; name: string }>;
  ctx: Pick<Ctx, 'actor'>;
  csrf: string;
  today: string;
}) {
  const work = seesPersonalData(ctx.actor, r.org_path, r.handler_id) && isOpenState(r.state);
  const lead = departments.find((d) => d.role === 'lead');
  const co = departments.filter((d) => d.role === 'co');
  const free = sections
    .filter((s) => !departments.some((d) => d.org_id === s.id))
    .map((s): [string, string] => [String(s.id), s.name]);
  const base = `/console/requests/${r.id}/departments`;
  return (
    <section aria-labelledby="dept-h" data-testid="departments">
      <h2 id="dept-h">承办科室</h2>
      <dl class="meta">
        <dt>主办科室</dt>
        <dd data-testid="lead-department">
          {lead?.org_name ?? '未指定'}（办理人：{r.handler_name ?? '未分派'}）
        </dd>
      </dl>
      {co.length ? (
        <div class="table-wrap">
          <table>
            <caption>协办科室</caption>
            <thead>
              <tr>
                <th scope="col">科室</th>
                <th scope="col">内部办理期限</th>
                <th scope="col">答复</th>
              </tr>
            </thead>
            <tbody>
              {co.map((d) => (
                <tr data-testid={`cohandling-${d.org_id}`}>
                  <td>{d.org_name}</td>
                  <td>
                    {d.internal_due_on ?? '—'}{' '}
                    {isCoHandlingOverdue(d, today) ? <span class="badge bad">已逾期未答复</span> : null}
                  </td>
                  <td>
                    {d.reply_on ? (
                      <>
                        {d.reply_on}，{d.reply_by}：{d.reply_text}
                        {d.internal_due_on && d.reply_on > d.internal_due_on ? (
                          <span class="badge bad">晚于内部期限</span>
                        ) : null}
                      </>
                    ) : work ? (
                      <>
                        <Act
                          slug="departments/reply"
                          instance={{ name: 'departmentId', value: String(d.org_id) }}
                          id={r.id}
                          csrf={csrf}
                          title="登记答复"
                          submit="登记"
                        >
                          <TextArea name="replyText" label="答复意见" required rows={3} />
                          <TextField name="replyBy" label="答复人" />
                          <TextField name="replyOn" label="答复日期" type="date" hint="不填为今天。" />
                        </Act>
                        <form method="post" action={`${base}/remove`} class="inline">
                          <CsrfField token={csrf} />
                          <input type="hidden" name="departmentId" value={String(d.org_id)} />
                          <button type="submit" class="secondary">
                            撤销协办
                          </button>
                        </form>
                      </>
                    ) : (
                      '待答复'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {work && sections.length ? (
        <>
          <Act
            slug="departments/lead"
            id={r.id}
            csrf={csrf}
            title={lead ? '更改主办科室' : '指定主办科室'}
            submit="保存"
          >
            <SelectField
              name="departmentId"
              label="主办科室"
              required
              value={String(lead?.org_id ?? '')}
              placeholder="请选择"
              options={sections.map((s) => [String(s.id), s.name])}
            />
          </Act>
          {free.length ? (
            <Act slug="departments/add" id={r.id} csrf={csrf} title="增加协办科室" submit="增加">
              <SelectField name="departmentId" label="协办科室" required value="" placeholder="请选择" options={free} />
              <TextField
                name="internalDueOn"
                label="内部办理期限"
                type="date"
                hint="不填则按本机关设置，在答复期限前若干个工作日（依节假日日历计算）。"
              />
            </Act>
          ) : null}
        </>
      ) : work ? (
        <p class="muted">本机关尚未设置内设机构（科室），可在机构管理中添加。</p>
      ) : null}
    </section>
  );
}

const OPS = ['lead', 'add', 'reply', 'remove'] as const;
type Op = (typeof OPS)[number];

/** The case and the operation (an unknown one is a page that does not exist). */
const DeptParams = Params({ id: Int('申请编号'), op: Type.String({ title: '操作' }) });
/** The fields of the four forms of the block (each sends its own; dates are checked by the use-cases). */
const DeptForm = Form({
  departmentId: OptChosen('科室'),
  internalDueOn: Text('内部办理期限'),
  replyText: Text('答复意见'),
  replyOn: Text('答复日期'),
  replyBy: Text('答复人'),
});

/** Runs one department operation; returns the confirmation. */
async function run(ctx: Ctx, requestId: number, op: Op, b: Static<typeof DeptForm>): Promise<string> {
  const orgId = b.departmentId;
  switch (op) {
    case 'lead':
      return `主办科室已定为${(await setLeadDepartment(ctx, { requestId, orgId })).name}。`;
    case 'add': {
      const r = await addCoHandling(ctx, { requestId, orgId, internalDueOn: b.internalDueOn });
      return `已增加协办科室${r.name}，内部办理期限 ${r.internalDueOn}。`;
    }
    case 'reply': {
      const r = await recordCoHandlingReply(ctx, { requestId, orgId, text: b.replyText, on: b.replyOn, by: b.replyBy });
      return r.late ? '已登记协办答复（晚于内部办理期限）。' : '已登记协办答复。';
    }
    case 'remove':
      await removeCoHandling(ctx, { requestId, orgId });
      return '已撤销协办科室。';
  }
}

/**
 * POST /console/requests/:id/departments/:op. A refusal, by the schema or the use-case, shows the case page
 * with that form open, what was typed and the errors (`renderWithErrors`); a refused body runs nothing.
 */
export async function requestDepartmentRoutes(
  app: FastifyInstance,
  renderWithErrors: (
    req: { ctx: Ctx },
    reply: FastifyReply,
    id: number,
    errors: FieldError[],
    status: number,
    form?: Omit<PostedAction, 'errors'>,
  ) => Promise<unknown>,
): Promise<void> {
  await app.register(async (scope) => {
    validateFormsInHandler(scope);
    typed(scope).post(
      '/console/requests/:id/departments/:op',
      { schema: { params: DeptParams, body: DeptForm } },
      async (req, reply) => {
        const { id } = req.params;
        const op = OPS.find((o) => o === req.params.op);
        if (!op) throw notFound('not_found', '您访问的页面不存在。');
        const form = {
          slug: `departments/${op}`,
          instance: op === 'reply' ? postedInstance(req, 'departmentId') : undefined,
          values: postedValues(req),
        };
        const refused = refusedBody(req);
        if (refused) return renderWithErrors(req, reply, id, refused, 400, form);
        try {
          return reply.flashRedirect(`/console/requests/${id}`, await run(req.ctx, id, op, req.body));
        } catch (e) {
          if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'conflict')) throw e;
          return renderWithErrors(req, reply, id, e.errors, e.status, form);
        }
      },
    );
  });
}
