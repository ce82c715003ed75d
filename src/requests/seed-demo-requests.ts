/** Demo requests for `gongkai init --demo`: one awaiting confirmation, one in progress, one answered. */
import { today } from '../platform/context.js';
import type { Ctx } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { residentIdCheckChar } from '../orgs/index.js';
import type { ApplicationFields } from './applicant.rules.js';
import { appendEvent, recomputeDue } from './case-support.js';
import { insertCase } from './new-case.js';
import { getRequest, updateRequest } from './requests.store.js';
import { outcomeByCode } from './outcomes.rules.js';
import { putLetterSettings } from './letter-numbers.store.js';

const ID17 = '11010119900307001';

/** Seeds three demo cases in the first demo agency (marked 示例 in the applicant's name) and its 发文字号 pattern. */
export async function seedDemoRequests(ctx: Ctx, demo: { countyId: number }): Promise<string> {
  const office = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'name'])
    .where('is_demo', '=', 1)
    .where('kind', '=', 'agency')
    .orderBy('id')
    .executeTakeFirst();
  const orgId = office?.id ?? demo.countyId;
  if ((await ctx.db.selectFrom('requests').select('id').where('org_id', '=', orgId).limit(1).execute()).length)
    return '依申请公开：示例申请已存在。';
  const day = today(ctx);
  const year = Number(day.slice(0, 4));
  const base: ApplicationFields = {
    applicantType: 'citizen',
    orgKind: null,
    name: '示例申请人',
    idType: 'resident_id',
    idNumber: ID17 + residentIdCheckChar(ID17),
    legalRep: null,
    contactName: null,
    phone: '13800000000',
    email: null,
    address: '示例县示例路1号',
    postcode: null,
    infoTitle: `示例县${year}年老旧小区改造项目清单（示例）`,
    infoRef: null,
    infoDescription: '申请获取本年度老旧小区改造项目名称、地点和资金安排。',
    form: 'electronic',
    delivery: 'pickup',
  };
  await tx(ctx, async (trx) => {
    // The demo office numbers its letters (GB/T 9704-2012 发文字号), as an agency sets on the templates page.
    await putLetterSettings(
      trx,
      orgId,
      {
        numberPattern: '示政办公开〔{year}〕{n}号',
        cc: [],
        reviewBody: '示例县人民政府（示例）',
        court: '示例县人民法院（示例）',
      },
      ctx.now().toISOString(),
      null,
    );
    const a = await insertCase(trx, ctx, base, { orgId, channel: 'online', receivedOn: null, state: 'submitted' });
    await appendEvent(trx, ctx, a.id, { type: 'submitted', on: day });
    for (const [channel, answered] of [
      ['in_person', false],
      ['email', true],
    ] as const) {
      const c = await insertCase(
        trx,
        ctx,
        {
          ...base,
          infoTitle: answered ? `示例县${year - 1}年政府信息公开工作年度报告数据来源（示例）` : base.infoTitle,
        },
        { orgId, channel, receivedOn: day, state: 'processing' },
      );
      await appendEvent(trx, ctx, c.id, { type: 'received', on: day, payload: { channel } });
      if (answered) await appendEvent(trx, ctx, c.id, { type: 'answered', on: day, payload: { outcome: '1' } });
      const { dueOn } = await recomputeDue(trx, ctx, (await getRequest(trx, c.id))!);
      await updateRequest(
        trx,
        c.id,
        answered
          ? {
              due_on: dueOn,
              state: 'answered',
              outcome_code: '1',
              outcome_basis: outcomeByCode('1')!.basis,
              answer_text: '经查，现向您提供所申请的信息（示例）。',
              closed_on: day,
            }
          : { due_on: dueOn },
      );
    }
    await writeAudit(trx, ctx, {
      action: 'request.seed_demo',
      subjectType: 'request',
      orgId,
      summary: '载入3件示例依申请公开申请',
    });
  });
  return `依申请公开：载入3件示例申请（${office?.name ?? '示例县'}）。`;
}
