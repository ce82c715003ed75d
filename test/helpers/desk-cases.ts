/**
 * The agency, people and cases of the console desk tests (desk.http.test.ts, desk-actions.http.test.ts):
 * 县交通运输局 with a 综合股, two handlers, the head of office, a supervisor, and five cases as of 2025-10-09.
 */
import assert from 'node:assert/strict';
import type { DbHandles } from './db.js';
import type { AppHandles, Client } from './http.js';
import { makeOrg, makeUser } from './factories.js';
import { residentIdCheckChar } from '../../src/orgs/codes.rules.js';
import type { OrgRow } from '../../src/orgs/orgs.store.js';
import type { Actor } from '../../src/platform/context.js';
import { registerRequest } from '../../src/requests/register-request.js';
import { assignRequest } from '../../src/requests/assign-request.js';
import { answerRequest } from '../../src/requests/answer-request.js';

const ID17 = '11010519491231002';
/** The applicants' 身份证号 (never shown to those who may not see it). */
export const DESK_ID = ID17 + residentIdCheckChar(ID17);
/** The app's clock: 2025-10-09 10:00 Beijing time. */
export const DESK_NOW = new Date('2025-10-09T02:00:00Z');
const form = {
  applicantType: 'citizen',
  idType: 'resident_id',
  idNumber: DESK_ID,
  phone: '13912345678',
  form: 'electronic',
  delivery: 'pickup',
};
export type DeskUser = { id: number; username: string; actor: Actor };
type Case = { id: number; requestNo: string; queryCode: string };

export interface DeskCases {
  org: OrgRow;
  office: OrgRow;
  a: DeskUser;
  b: DeskUser;
  head: DeskUser;
  supervisor: DeskUser;
  c: Record<'mine' | 'late' | 'soon' | 'closed' | 'other', Case>;
  /** A signed-in client of `u`. */
  login(u: { username: string }): Promise<Client>;
}

/** Creates them; `c.other` belongs to 县自然资源局. */
export async function deskCases(h: AppHandles): Promise<DeskCases> {
  const c = {} as DeskCases['c'];
  const NOW = DESK_NOW;
  const county = await makeOrg(h.db(), { name: '示范县' });
  const org = await makeOrg(h.db(), { parent: county, name: '县交通运输局' });
  const office = await makeOrg(h.db(), { parent: org, kind: 'section', name: '综合股' });
  const other = await makeOrg(h.db(), { parent: county, name: '县自然资源局' });
  const a = await makeUser(h.db(), [['request_handler', org]]);
  const b = await makeUser(h.db(), [['request_handler', org]]);
  const head = await makeUser(h.db(), [['request_admin', org]]);
  const supervisor = await makeUser(h.db(), [['supervisor', county]]);
  const otherHead = await makeUser(h.db(), [['request_admin', other]]);
  const reg = (actor: Actor, orgId: number, name: string, infoTitle: string, receivedOn: string) =>
    registerRequest(h.ctx(actor, NOW), { ...form, name, infoTitle, orgId, channel: 'in_person', receivedOn });
  c.mine = await reg(a.actor, org.id, '李四', '某路段拓宽工程批复', '2025-09-26');
  c.late = await reg(a.actor, org.id, '赵六', '城区道路养护合同', '2025-08-20');
  c.soon = await reg(a.actor, org.id, '钱七', '公交线路调整方案', '2025-09-30');
  c.closed = await reg(a.actor, org.id, '孙八', '桥梁检测报告', '2025-09-01');
  c.other = await reg(otherHead.actor, other.id, '李四', '土地征收批复', '2025-09-26');
  for (const x of [c.mine, c.late, c.closed])
    await assignRequest(h.ctx(head.actor, NOW), { requestId: x.id, handlerId: a.id });
  // A date inside the 3 working days (2025-10-09 … 2025-10-14) for the unassigned case.
  await h.db().updateTable('requests').set({ due_on: '2025-10-13' }).where('id', '=', c.soon.id).execute();
  await answerRequest(h.ctx(a.actor, NOW), {
    requestId: c.closed.id,
    outcome: '1',
    letter: '经审查，予以公开。',
    on: '2025-10-09',
  });
  const login = async (u: { username: string }) => {
    const cl = h.client();
    assert.equal((await cl.login(u.username)).statusCode, 303);
    return cl;
  };
  return { org, office, a, b, head, supervisor, c, login };
}

/** The 申请编号 of the cases a console list shows, in order. */
export const listedNos = (body: string): Array<string | undefined> =>
  [...body.matchAll(/href="\/console\/requests\/\d+">(YSQ-[^<]+)</g)].map((m) => m[1]);

/** Who handles a case now. */
export const handlerOfCase = async (h: Pick<DbHandles, 'db'>, id: number): Promise<number | null> =>
  (await h.db().selectFrom('requests').select('handler_id').where('id', '=', id).executeTakeFirstOrThrow()).handler_id;
