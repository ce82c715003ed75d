import type { Ctx } from '../platform/context.js';
import { todayInShanghai, addDays } from '../platform/dates.js';
import { tx } from '../platform/tx.js';
import { ensureCategories } from './categories.js';
import { createItem } from './create-item.js';
import { submitItem } from './submit-item.js';
import { reviewItem } from './review-item.js';
import { publishItem } from './publish-item.js';

/** Demo catalogue: categories for every demo agency and a few published items in the 示例县 government office. */
export async function seedDemoCatalog(ctx: Ctx, demo: { countyId: number }): Promise<string> {
  const agencies = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'name', 'kind'])
    .where('is_demo', '=', 1)
    .where('kind', '!=', 'section')
    .orderBy('id')
    .execute();
  const now = ctx.now().toISOString();
  await tx(ctx, async (trx) => {
    for (const a of agencies) await ensureCategories(trx, a.id, now);
  });
  const office = agencies.find((a) => a.kind === 'agency') ?? agencies.find((a) => a.id === demo.countyId);
  if (!office) return '公开目录：没有示例机构。';
  const cats = await ensureCategories(ctx.db, office.id, now);
  const cat = (name: string) => cats.find((c) => c.name === name)?.id ?? null;
  const today = todayInShanghai(ctx.now());
  // Dated relative to today, so the demo always looks current.
  const written = addDays(today, -12);
  const y = written.slice(0, 4);
  const quarter = '一二三四'[Math.floor((Number(written.slice(5, 7)) - 1) / 3)];
  const samples = [
    {
      title: `示例县人民政府办公室关于做好${y}年政务公开工作的通知（示例）`,
      docNo: `示政办发〔${y}〕3号`,
      genre: '通知',
      category: '政策文件',
      topic: '综合政务\\政务公开',
      normative: false,
    },
    {
      title: `示例县人民政府办公室${y}年第${quarter}季度工作动态（示例）`,
      docNo: '',
      genre: '其他',
      category: '工作动态',
      topic: '综合政务\\其他',
      normative: false,
    },
    {
      title: '示例县城乡居民最低生活保障办法（示例）',
      docNo: `示政规〔${y}〕1号`,
      genre: '通知',
      category: '政策文件',
      topic: '民政、扶贫、救灾\\社会福利',
      normative: true,
    },
  ];
  for (const s of samples) {
    const createdOn = addDays(today, -10);
    const { id } = await createItem(ctx, {
      orgId: office.id,
      title: s.title,
      summary: '示例数据，仅用于演示。',
      bodyHtml: `<p>${s.title}正文（示例）。</p>`,
      docNo: s.docNo,
      genre: s.genre,
      topic: s.topic,
      categoryId: cat(s.category),
      disclosureMode: '主动公开',
      isNormative: s.normative,
      writtenOn: addDays(today, -12),
      createdOn,
      article20Item: s.normative ? 1 : null,
    });
    await submitItem(ctx, id);
    await reviewItem(ctx, { id, decision: 'approve' });
    if (s.normative) await reviewItem(ctx, { id, decision: 'approve' });
    await publishItem(ctx, { id });
  }
  return `公开目录：${agencies.length} 个示例机构的目录分类，${samples.length} 条已公开示例信息。`;
}
