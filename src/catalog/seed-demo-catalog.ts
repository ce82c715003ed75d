import type { Ctx } from '../platform/context.js';
import { addDays, compare, dayOfWeek, todayInShanghai, toDayNumber, fromDayNumber } from '../platform/dates.js';
import { seededRandom, seedOf } from '../platform/seeded-random.js';
import { tx } from '../platform/tx.js';
import { cjkParagraph, gongwenDocument, gongwenSection, packDocx } from '../platform/office/gongwen-docx.js';
import { demoStaff } from '../orgs/index.js';
import { ensureCategories } from './categories.js';
import { createItem } from './create-item.js';
import { submitItem } from './submit-item.js';
import { reviewItem } from './review-item.js';
import { publishItem } from './publish-item.js';
import { addAttachment } from './add-attachment.js';
import { linkInterpretation } from './link-interpretation.js';
import { setValidity } from './set-validity.js';
import { demoBody, interpretationOf, planItem, type DemoItemPlan } from './demo-items.rules.js';

/** How many items of each category an agency publishes over the demo period (min, max). */
const PER_AGENCY: Array<[string, number, number]> = [
  ['机构职能', 1, 1],
  ['政策文件', 2, 4],
  ['规划计划', 1, 2],
  ['财政资金', 2, 4],
  ['人事信息', 1, 3],
  ['行政执法', 1, 4],
  ['重点领域', 2, 4],
  ['回应关切', 1, 2],
  ['公告公示', 1, 3],
  ['工作动态', 3, 6],
  ['统计信息', 1, 3],
  ['建议提案办理', 1, 2],
  ['其他', 1, 1],
];

/** The nearest working day (Mon–Fri) on or before `d`. */
const workday = (d: string): string => {
  const w = dayOfWeek(d);
  return w === 6 ? addDays(d, -1) : w === 7 || w === 0 ? addDays(d, -2) : d;
};

interface Planned extends DemoItemPlan {
  orgId: number;
  orgName: string;
  day: string;
  /** Published however recent (the agency's latest news). */
  fresh?: boolean;
  /** Left in review (recent items): the step it stops before. */
  stopAt?: 'draft' | 'secrecy' | 'approval';
}

/** A small DOCX whose text is the item's body (so the attachment is searchable). */
async function attachmentDocx(p: Planned): Promise<Buffer> {
  const lines = demoBody(p, p.orgName);
  const doc = gongwenDocument({
    title: p.title,
    creator: p.orgName,
    sections: [gongwenSection([cjkParagraph(p.title, { align: 'center' }), ...lines.map((l) => cjkParagraph(l))])],
  });
  return packDocx(doc);
}

/**
 * Demo catalogue: the standard categories for every demo agency, and a year and more of items in every
 * category (政策解读 linked to their documents, a few documents 失效, some with a DOCX attachment, the
 * latest few still in review), each taken through the ordinary create → submit → review → publish
 * use-cases by the demo staff on its day. Dated relative to ctx.now(), drawn from the seed.
 */
export async function seedDemoCatalog(ctx: Ctx, demo: { countyId: number; seed: number }): Promise<string> {
  const r = seededRandom(seedOf(demo.seed, 'catalog'));
  const orgs = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'name', 'short_name', 'kind'])
    .where('is_demo', '=', 1)
    .where('kind', '!=', 'section')
    .orderBy('id')
    .execute();
  const now = ctx.now().toISOString();
  const cats = new Map<number, Map<string, number>>();
  await tx(ctx, async (trx) => {
    for (const o of orgs)
      cats.set(o.id, new Map((await ensureCategories(trx, o.id, now)).map((c) => [c.name, c.id] as const)));
  });
  const today = todayInShanghai(ctx.now());
  const start = `${Number(today.slice(0, 4)) - 1}-01-04`;
  const span = toDayNumber(today) - toDayNumber(start);
  const plans: Planned[] = [];
  for (const o of orgs) {
    const short = o.short_name || o.name.replace('（示例）', '');
    const abbr = short.replace(/^县|^示例县/, '').slice(0, 2);
    let n = 0;
    for (const [category, min, max] of PER_AGENCY) {
      for (let k = r.int(min, max); k > 0; k--) {
        const day = workday(fromDayNumber(toDayNumber(start) + r.int(0, span - 1)));
        const y = Number(day.slice(0, 4));
        const p: Planned = { ...planItem(r, { category, short, abbr, y, n: ++n }), orgId: o.id, orgName: o.name, day };
        plans.push(p);
        if (category === '政策文件' && r.chance(0.7)) {
          const iDay = workday(addDays(day, r.int(0, 3)));
          plans.push({
            ...interpretationOf(p),
            orgId: o.id,
            orgName: o.name,
            day: compare(iDay, today) > 0 ? day : iDay,
            explains: plans.length - 1,
          });
        }
      }
    }
    // Agencies keep their home page fresh (the website check's 14 days); the township lags behind.
    if (o.kind !== 'township') {
      const day = workday(addDays(today, -r.int(1, 8)));
      const y = Number(day.slice(0, 4));
      const news = planItem(r, { category: '工作动态', short, abbr, y, n: ++n });
      plans.push({ ...news, orgId: o.id, orgName: o.name, day, fresh: true });
    }
  }
  // Chronological, so 索引号 serials and the audit log run with time.
  const order = plans.map((p, i) => ({ p, i })).sort((a, b) => compare(a.p.day, b.p.day) || a.i - b.i);
  const recent = addDays(today, -14);
  for (const { p } of order)
    if (compare(p.day, recent) >= 0 && p.explains === undefined && !p.fresh && r.chance(0.5))
      p.stopAt = r.pick(['draft', 'secrecy', 'approval'] as const);
  const staff = await demoStaff(ctx);
  const ids = new Map<number, number>();
  let minute = 0;
  let published = 0;
  let attachments = 0;
  for (const { p, i } of order) {
    const editor = await staff.actor(p.orgId, 'editor');
    const at = (a: typeof editor, day = p.day) => staff.at(a, day, minute++ % 420);
    const { id } = await createItem(at(editor), {
      orgId: p.orgId,
      title: p.title,
      summary: '示例数据，仅用于演示。',
      bodyHtml: demoBody(p, p.orgName)
        .map((l) => `<p>${l}</p>`)
        .join(''),
      docNo: p.docNo,
      genre: p.genre,
      topic: p.topic,
      categoryId: cats.get(p.orgId)?.get(p.category) ?? null,
      disclosureMode: '主动公开',
      isNormative: p.normative,
      writtenOn: p.day,
      createdOn: p.day,
      article20Item: p.normative ? 1 : null,
    });
    ids.set(i, id);
    if (p.attachment) {
      await addAttachment(at(editor), {
        itemId: id,
        filename: `${p.title.replace('（示例）', '')}.docx`,
        data: await attachmentDocx(p),
      });
      attachments++;
    }
    if (p.stopAt === 'draft') continue;
    await submitItem(at(editor), id);
    if (p.stopAt === 'secrecy') continue;
    await reviewItem(at(await staff.actor(p.orgId, 'secrecy_reviewer')), { id, decision: 'approve' });
    if (p.normative) await reviewItem(at(await staff.actor(p.orgId, 'legality_reviewer')), { id, decision: 'approve' });
    if (p.stopAt === 'approval') continue;
    await publishItem(at(await staff.actor(p.orgId, 'approver')), { id });
    published++;
    if (p.explains !== undefined) {
      const docId = ids.get(p.explains);
      if (docId && !plans[p.explains].stopAt)
        await linkInterpretation(at(editor), { interpretationId: id, documentId: docId });
    }
  }
  // Older 政策文件 (not 规范性文件) lapse: 失效 from a day after they were published.
  let lapsed = 0;
  for (const { p, i } of order) {
    if (p.category !== '政策文件' || p.normative || compare(p.day, addDays(today, -220)) > 0 || !r.chance(0.6))
      continue;
    const on = workday(addDays(p.day, r.int(100, 200)));
    await setValidity(staff.at(await staff.actor(p.orgId, 'editor'), on), {
      id: ids.get(i)!,
      validity: '失效',
      validityOn: on,
    });
    lapsed++;
  }
  return `公开目录：${orgs.length} 个示例机构的目录分类，${plans.length} 条示例信息（已公开 ${published} 条，${lapsed} 条失效，${attachments} 个附件）。`;
}
