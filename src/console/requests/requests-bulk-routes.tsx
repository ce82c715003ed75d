import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { assertAllowed } from '../guard.js';
import { CsrfField } from '../../platform/views/components.js';
import { Checkbox, Form, Ints, OptChoice, Text, ticked, typed, OptChosen } from '../../platform/http/schemas.js';
import { rolesAllow } from '../../orgs/index.js';
import {
  HANDLE_ROLES,
  viewableRequests,
  stateLabel,
  bulkRequestAction,
  bulkTargetName,
  bulkVerb,
  BULK_ACTIONS as ACTIONS,
  BULK_MAX as MAX,
} from '../../requests/index.js';

/** The list's bulk form, then its confirmation (`confirm` ticked). A missing choice is answered with a note on the list. */
const BulkForm = Form({
  back: Text('返回地址'),
  action: OptChoice('批量操作', ['assign', 'lead'] as const),
  ids: Ints('选择'),
  handlerId: OptChosen('分派办理人'),
  departmentId: OptChosen('主办科室'),
  confirm: Checkbox('确认'),
});

/**
 * Console: bulk actions on the request list (分派办理人, 主办科室). The first post shows a confirmation
 * page; the confirmed post runs each case as its own use-case (own transaction, policy and audit event)
 * and shows every case's result.
 */
export async function requestsBulkRoutes(app: FastifyInstance): Promise<void> {
  typed(app).post('/console/requests/bulk', { schema: { body: BulkForm } }, async (req, reply) => {
    assertAllowed(rolesAllow(req.actor, HANDLE_ROLES));
    const backQ = req.body.back;
    const back = backQ.startsWith('/console/requests?') || backQ === '/console/requests' ? backQ : '/console/requests';
    const action = req.body.action;
    if (!action) return reply.flashRedirect(back, '请选择要执行的批量操作。');
    const ids = [...new Set(req.body.ids)];
    if (!ids.length) return reply.flashRedirect(back, '请先勾选要处理的申请。');
    if (ids.length > MAX) return reply.flashRedirect(back, `一次最多批量处理 ${MAX} 件申请，请缩小范围。`);
    const targetId = (action === 'assign' ? req.body.handlerId : req.body.departmentId) ?? 0;
    const target = await bulkTargetName(req.ctx, action, targetId);
    if (!target) return reply.flashRedirect(back, action === 'assign' ? '请选择办理人。' : '请选择主办科室。');
    const cases = await viewableRequests(req.ctx, ids);
    if (!cases.length) return reply.flashRedirect(back, '所勾选的申请不存在或不在您的管辖范围内。');
    const view = reply.view();
    const verb = bulkVerb(action, target);

    if (!ticked(req.body.confirm)) {
      return reply.page(
        <ConsoleLayout view={view} title={`确认批量${ACTIONS[action]}`}>
          <p data-testid="bulk-confirm">
            将把以下 {cases.length} 件申请{verb}。每件申请单独办理、单独记入办理记录；不能办理的会逐件说明原因。
          </p>
          <form method="post" action="/console/requests/bulk">
            <CsrfField token={view.csrf} />
            <input type="hidden" name="action" value={action} />
            <input type="hidden" name={action === 'assign' ? 'handlerId' : 'departmentId'} value={String(targetId)} />
            <input type="hidden" name="back" value={back} />
            <input type="hidden" name="confirm" value="1" />
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">申请编号</th>
                    <th scope="col">受理机关</th>
                    <th scope="col">状态</th>
                    <th scope="col">当前办理人</th>
                  </tr>
                </thead>
                <tbody>
                  {cases.map((r) => (
                    <tr>
                      <td>
                        <input type="hidden" name="ids" value={String(r.id)} />
                        {r.request_no}
                      </td>
                      <td>{r.org_name}</td>
                      <td>{stateLabel(r.state)}</td>
                      <td>{r.handler_name ?? '未分派'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p class="actions">
              <button type="submit">确认{ACTIONS[action]}</button> <a href={back}>取消，返回列表</a>
            </p>
          </form>
        </ConsoleLayout>,
      );
    }

    const { results } = await bulkRequestAction(req.ctx, { action, ids: cases.map((r) => r.id), targetId });
    const done = results.filter((x) => x.ok).length;
    return reply.page(
      <ConsoleLayout view={view} title={`批量${ACTIONS[action]}结果`}>
        <p role="status" data-testid="bulk-summary">
          成功 {done} 件，未成功 {results.length - done} 件。
        </p>
        <div class="table-wrap">
          <table data-testid="bulk-results">
            <thead>
              <tr>
                <th scope="col">申请编号</th>
                <th scope="col">受理机关</th>
                <th scope="col">结果</th>
              </tr>
            </thead>
            <tbody>
              {results.map((x) => (
                <tr>
                  <td>{x.requestNo ? <a href={`/console/requests/${x.id}`}>{x.requestNo}</a> : `#${x.id}`}</td>
                  <td>{x.orgName ?? ''}</td>
                  <td>
                    {x.ok ? (
                      <span class="badge ok">{x.message}</span>
                    ) : (
                      <span class="badge bad">未成功：{x.message}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <a href={back}>← 返回申请列表</a>
        </p>
      </ConsoleLayout>,
    );
  });
}
