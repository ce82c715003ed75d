import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeDb } from '../../test/helpers/db.js';
import { makeOrg, makeUser } from '../../test/helpers/factories.js';
import { residentIdCheckChar } from '../orgs/codes.rules.js';
import { registerRequest } from '../requests/register-request.js';
import { assignRequest } from '../requests/assign-request.js';
import { answerRequest } from '../requests/answer-request.js';
import { registerReportSource } from './report-source.js';
import { requestsReportSource } from './requests-source.js';
import { createReport } from './create-report.js';
import { getReport, rowTables } from './reports.store.js';
import { checkIdentities } from './identities.rules.js';

const ID17 = '11010519491231002';
const form = {
  applicantType: 'citizen',
  name: '张三',
  idType: 'resident_id',
  idNumber: ID17 + residentIdCheckChar(ID17),
  phone: '13800138000',
  address: '某市某路1号',
  infoTitle: '某项目环评报告',
  form: 'electronic',
  delivery: 'pickup',
};
const at = (d: string) => new Date(`${d}T02:00:00Z`);

describeDb('annual report computed from the request records', (h) => {
  it('one answered case (本机关不掌握) and one still open at year end: table 三 counts them, identities hold', async () => {
    registerReportSource(requestsReportSource);
    const org = await makeOrg(h.db(), { parent: await makeOrg(h.db()), name: '县民政局', kind: 'agency' });
    const handler = await makeUser(h.db(), [['request_handler', org]]);
    const admin = await makeUser(h.db(), [['agency_admin', org]]);
    const a = await registerRequest(h.ctx(handler.actor, at('2025-03-02')), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2025-03-02',
    });
    await assignRequest(h.ctx(handler.actor, at('2025-03-02')), { requestId: a.id, handlerId: handler.id });
    await answerRequest(h.ctx(handler.actor, at('2025-03-10')), {
      requestId: a.id,
      outcome: '4.1',
      letter: '经检索，本机关未制作、获取该信息。',
    });
    await registerRequest(h.ctx(handler.actor, at('2025-12-29')), {
      ...form,
      orgId: org.id,
      channel: 'in_person',
      receivedOn: '2025-12-29',
    });
    const { id } = await createReport(h.ctx(admin.actor, at('2026-01-05')), { orgId: org.id, year: 2025 });
    const t = rowTables((await getReport(h.db(), id))!);
    assert.deepEqual(t.table3['4.1'], [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(t.table3.new, [2, 0, 0, 0, 0, 0, 2]);
    assert.deepEqual(t.table3.total, [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(t.table3.next, [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(checkIdentities(t), []);
    assert.match((await getReport(h.db(), id))!.overview, /本年新收政府信息公开申请 2 件/);
    assert.match((await getReport(h.db(), id))!.other, /2025年本机关实际收取信息处理费共计0元/);
  });
});
