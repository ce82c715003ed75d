import type { Command } from 'commander';
import { reindexSearch, searchDocuments } from '../search/index.js';
import { withCli, type OpenCli } from './open.js';
import { elapsedMs } from '../platform/clock.js';

const plain = (parts: Array<{ t: string; m: boolean }>): string =>
  parts.map((p) => (p.m ? `【${p.t}】` : p.t)).join('');

/** `gongkai search reindex` and `gongkai search query "…"`. */
export function searchCli(program: Command, open: OpenCli): void {
  const s = program.command('search').description('全文检索索引');
  s.command('reindex')
    .description('重建检索索引（重新读取各来源并重新分词），显示进度')
    .action(() =>
      withCli(open, async (ctx) => {
        const t0 = elapsedMs();
        let last = 0;
        const r = await reindexSearch(ctx, (e) => {
          if (e.done !== e.total && elapsedMs() - last < 500) return;
          last = elapsedMs();
          const what = e.phase === 'source' ? `读取来源 ${e.docType}` : '重新分词';
          console.log(`${what}：${e.done}/${e.total}${e.total ? `（${Math.floor((e.done / e.total) * 100)}%）` : ''}`);
        });
        console.log(
          `完成：共 ${r.count} 篇文档${r.removed ? `，移除 ${r.removed} 篇` : ''}，用时 ${((elapsedMs() - t0) / 1000).toFixed(1)} 秒。`,
        );
      }),
    );
  s.command('query <q>')
    .description('在命令行中检索，打印前 20 条结果')
    .option('--org <id>', '机构编号')
    .option('--year <year>', '年份')
    .option('--sort <sort>', 'relevance 或 date', 'relevance')
    .option('--page <n>', '页码', '1')
    .action((q: string, o: { org?: string; year?: string; sort: string; page: string }) =>
      withCli(open, async (ctx) => {
        const r = await searchDocuments(ctx, { q, org: o.org, year: o.year, sort: o.sort, page: o.page });
        console.log(`共 ${r.total} 条（第 ${r.page} 页）`);
        r.hits.forEach((h, i) => {
          console.log(
            `${(r.page - 1) * r.perPage + i + 1}. ${plain(h.title)}  [${h.publishedOn ?? ''}${h.docNo ? ` ${h.docNo}` : ''}] ${h.url}`,
          );
          console.log(`   ${plain(h.snippet)}`);
        });
      }),
    );
}
