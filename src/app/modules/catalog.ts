import { readFileSync } from 'node:fs';
import type { CapabilityModule } from '../modules.js';
import type { Ctx } from '../../platform/context.js';
import { fail } from '../../cli/open.js';
import { importItems } from '../../catalog/import-items.js';
import { readImportTable } from '../../catalog/import-file.js';
import { readImportZip } from '../../catalog/import-attachments.js';
import { registerNav } from '../../console/nav.js';
import { itemsRoutes } from '../../console/catalog/items-routes.js';
import { itemRoutes } from '../../console/catalog/item-routes.js';
import { lateRoutes } from '../../console/catalog/late-routes.js';
import { attachmentRoutes } from '../../console/catalog/attachment-routes.js';
import { interpretationRoutes } from '../../console/catalog/interpretation-routes.js';
import { importExportRoutes } from '../../console/catalog/import-export-routes.js';
import { categoriesRoutes } from '../../console/catalog/categories-routes.js';
import { table2Routes } from '../../console/catalog/table2-routes.js';
import { fileRoutes } from '../../portal/catalog/file-routes.js';
import { catalogPortalRoutes } from '../../portal/catalog/catalog-portal-routes.js';
import { catalogApi } from '../../api/catalog/catalog-api.js';
import { seedDemoCatalog } from '../../catalog/seed-demo-catalog.js';
import { releaseScheduled } from '../../catalog/release-scheduled.js';
import { registerSearchSource } from '../../search/search-sources.js';
import { catalogSearchSource } from '../../catalog/catalog-search-source.js';
import { CATALOG_QUEUE_ROLES, CATALOG_VIEWERS } from '../../catalog/catalog-policy.rules.js';

/** Proactive disclosure: the catalogue, review before publication, publication, timeliness. */
export const catalogModule: CapabilityModule = {
  name: 'catalog',
  async routes(app, { config }) {
    registerSearchSource(catalogSearchSource);
    registerNav(
      { href: '/console/items', label: '公开信息', roles: CATALOG_VIEWERS, group: '主动公开' },
      { href: '/console/items/queue', label: '我的待办（审核）', roles: CATALOG_QUEUE_ROLES, group: '主动公开' },
      { href: '/console/items/new', label: '新建信息', roles: ['editor', 'agency_admin'], group: '主动公开' },
      { href: '/console/items/late', label: '公开时效', roles: CATALOG_VIEWERS, group: '主动公开' },
      { href: '/console/catalog/categories', label: '公开目录分类', roles: ['agency_admin'], group: '主动公开' },
      { href: '/console/catalog/table2', label: '年报表二数据', roles: CATALOG_VIEWERS, group: '主动公开' },
      { href: '/console/items/import', label: '导入公开目录', roles: ['agency_admin'], group: '主动公开' },
      { href: '/console/items/uninterpreted', label: '待解读的政策文件', roles: CATALOG_VIEWERS, group: '主动公开' },
    );
    await itemsRoutes(app);
    await lateRoutes(app);
    await itemRoutes(app);
    await attachmentRoutes(app);
    await interpretationRoutes(app);
    await importExportRoutes(app);
    await categoriesRoutes(app);
    await table2Routes(app);
    await fileRoutes(app, config);
    await catalogPortalRoutes(app);
    await catalogApi(app);
  },
  seedDemo: seedDemoCatalog,
  cli(program, open) {
    const run = async (fn: (ctx: Ctx) => Promise<void>) => {
      const { ctx, close } = await open();
      try {
        await fn(ctx);
      } catch (e) {
        fail(e);
      } finally {
        await close();
      }
    };
    const cat = program.command('catalog').description('政府信息公开目录');
    cat
      .command('release')
      .description('发布已到定时发布日期的公开信息')
      .action(() => run(async (ctx) => console.log(`已发布 ${await releaseScheduled(ctx)} 条定时信息。`)));
    cat
      .command('import <orgId> <file>')
      .description('从 CSV 或 XLSX 导入已有的公开目录（分批提交并显示进度；按索引号去重，中断后重新执行即可续传）')
      .option('--dry-run', '只检查，不保存')
      .option('--zip <zip>', '附件压缩包（“附件”列写压缩包内的文件名，多个用分号分隔）')
      .action((orgId: string, file: string, opts: { dryRun?: boolean; zip?: string }) =>
        run(async (ctx) => {
          const files = opts.zip ? await readImportZip(readFileSync(opts.zip)) : undefined;
          const r = await importItems(ctx, {
            orgId: Number(orgId),
            table: await readImportTable(readFileSync(file)),
            dryRun: !!opts.dryRun,
            files,
            onProgress: (done, total) => console.log(`进度：${done}/${total}`),
          });
          for (const e of r.errors) console.error(`第 ${e.row} 行：${e.message}`);
          console.log(`共 ${r.total} 行；已存在跳过 ${r.skipped} 行；${opts.dryRun ? `可导入 ${r.valid - r.skipped} 行（试导入，未保存）` : `新增 ${r.created} 条`}；有问题 ${new Set(r.errors.map((e) => e.row)).size} 行。`);
          if (r.errors.length) process.exitCode = 1;
        }),
      );
  },
  jobs: [{ name: 'catalog.release_scheduled', period: 'hourly', run: async (ctx) => `已发布 ${await releaseScheduled(ctx)} 条定时信息。` }],
};
