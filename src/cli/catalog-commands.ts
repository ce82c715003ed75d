import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { importItems, importRows, readImportZip, releaseScheduled } from '../catalog/index.js';
import { withCli, type OpenCli } from './open.js';

/** `gongkai catalog release` and `gongkai catalog import ORG FILE`. */
export function catalogCli(program: Command, open: OpenCli): void {
  const cat = program.command('catalog').description('政府信息公开目录');
  cat
    .command('release')
    .description('发布已到定时发布日期的公开信息')
    .action(() => withCli(open, async (ctx) => console.log(`已发布 ${await releaseScheduled(ctx)} 条定时信息。`)));
  cat
    .command('import <orgId> <file>')
    .description('从 CSV 或 XLSX 导入已有的公开目录（分批提交并显示进度；按索引号去重，中断后重新执行即可续传）')
    .option('--dry-run', '只检查，不保存')
    .option('--zip <zip>', '附件压缩包（“附件”列写压缩包内的文件名，多个用分号分隔）')
    .action((orgId: string, file: string, opts: { dryRun?: boolean; zip?: string }) =>
      withCli(open, async (ctx) => {
        const files = opts.zip ? await readImportZip(readFileSync(opts.zip)) : undefined;
        const r = await importItems(ctx, {
          orgId: Number(orgId),
          table: importRows(file),
          dryRun: !!opts.dryRun,
          files,
          onProgress: (p) =>
            console.log(`进度：已读 ${p.rows} 行${opts.dryRun ? '（试导入）' : `，新增 ${p.created} 条`}`),
        });
        for (const e of r.errors) console.error(`第 ${e.row} 行：${e.message}`);
        console.log(
          `共 ${r.total} 行；已存在跳过 ${r.skipped} 行；${opts.dryRun ? `可导入 ${r.valid - r.skipped} 行（试导入，未保存）` : `新增 ${r.created} 条`}；有问题 ${new Set(r.errors.map((e) => e.row)).size} 行。`,
        );
        if (r.errors.length) process.exitCode = 1;
      }),
    );
}
