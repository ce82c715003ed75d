import type { Command } from 'commander';
import type { Ctx } from '../platform/context.js';
import { openCli, fail, configOrExit, databaseFor, withCli } from './open.js';

/** The id of a user named on the command line (a Chinese error when there is none). */
async function userId(ctx: Ctx, username: string): Promise<number> {
  const u = await (await import('../orgs/index.js')).findUserByUsername(ctx.db, username);
  if (!u) throw new Error(`用户不存在：${username}`);
  return u.id;
}

/**
 * The platform's commands: serve, migrate, init, user, token, backup, restore, jobs, audit. Each action
 * imports what it runs, so `serve` (and the cluster primary) does not load the account commands' code.
 */
export function coreCli(program: Command): void {
  program
    .command('serve')
    .description('启动 Web 服务（首次启动时自动建库并创建管理员）')
    .option('-p, --port <port>', '端口')
    .action(async (opts: { port?: string }) => (await import('./serve.js')).serve(opts));

  program
    .command('migrate')
    .description('把数据库迁移到最新版本')
    .action(async () => {
      const config = configOrExit();
      const db = databaseFor(config);
      try {
        const { migrateToLatest } = await import('../platform/db/migrate.js');
        const done = await migrateToLatest(db.db);
        console.log(done.length ? `已执行迁移：\n  ${done.join('\n  ')}` : '数据库已是最新版本。');
      } catch (e) {
        fail(e);
      } finally {
        await db.close();
      }
    });

  program
    .command('init')
    .description('初始化：建库、载入内置参考数据、创建管理员')
    .option(
      '--demo',
      '同时载入示例县（10 个单位、各角色示例用户和截至今天约一年的公开、申请、留言、年报和监督记录，均标注“示例”）',
    )
    .option('--seed <n>', '示例数据的随机种子（同一天、同一种子生成同样的示例县）')
    .option('--name <name>', '根机构名称（默认“本级人民政府”）')
    .action((opts: { demo?: boolean; name?: string; seed?: string }) =>
      withCli(
        () => openCli('init'),
        async (ctx) => {
          const seed = opts.seed === undefined ? undefined : Number(opts.seed);
          if (seed !== undefined && !Number.isInteger(seed)) throw new Error('--seed 应为整数。');
          await (await import('./init.js')).runInit(ctx, { ...opts, seed });
        },
      ),
    );

  const user = program.command('user').description('管理工作人员账号');
  user
    .command('add')
    .description('新建用户，打印一次性密码')
    .requiredOption('--username <username>', '用户名')
    .requiredOption('--name <displayName>', '姓名')
    .requiredOption('--role <role>', '角色，如 editor、agency_admin、sysadmin')
    .requiredOption('--org <orgId>', '授权范围（机构编号）')
    .option('--email <email>', '电子邮箱')
    .action((o: { username: string; name: string; role: string; org: string; email?: string }) =>
      withCli(openCli, async (ctx) => {
        const { createUser } = await import('../orgs/index.js');
        const r = await createUser(ctx, {
          username: o.username,
          displayName: o.name,
          email: o.email,
          grants: [{ role: o.role, orgId: Number(o.org) }],
        });
        console.log(`已创建用户 ${r.user.username}（编号 ${r.user.id}）。一次性密码：${r.oneTimePassword}`);
      }),
    );
  user
    .command('reset-password <username>')
    .description('重置密码，打印新的一次性密码')
    .action((username: string) =>
      withCli(openCli, async (ctx) => {
        const { resetPassword } = await import('../orgs/index.js');
        console.log(`一次性密码：${(await resetPassword(ctx, await userId(ctx, username))).oneTimePassword}`);
      }),
    );
  user
    .command('disable <username>')
    .description('停用账号（立即退出所有登录）')
    .action((username: string) =>
      withCli(openCli, async (ctx) => {
        const { setUserDisabled } = await import('../orgs/index.js');
        await setUserDisabled(ctx, await userId(ctx, username), true);
        console.log(`已停用 ${username}。`);
      }),
    );

  const token = program.command('token').description('管理 API 令牌');
  token
    .command('create')
    .description('为用户创建 API 令牌，打印令牌（只显示一次）')
    .requiredOption('--user <username>', '用户名')
    .requiredOption('--name <name>', '令牌名称')
    .requiredOption('--roles <roles>', '权限范围，逗号分隔的角色')
    .option('--expires <date>', '有效期至 YYYY-MM-DD')
    .action((o: { user: string; name: string; roles: string; expires?: string }) =>
      withCli(openCli, async (ctx) => {
        const { createToken } = await import('../orgs/index.js');
        const r = await createToken(ctx, {
          userId: await userId(ctx, o.user),
          name: o.name,
          roles: o.roles.split(',').map((s) => s.trim()),
          expiresOn: o.expires ?? null,
        });
        console.log(`令牌编号 ${r.row.id}：${r.token}`);
      }),
    );
  token
    .command('revoke <id>')
    .description('撤销 API 令牌')
    .action((id: string) =>
      withCli(openCli, async (ctx) => {
        await (await import('../orgs/index.js')).revokeToken(ctx, Number(id));
        console.log(`已撤销令牌 ${id}。`);
      }),
    );

  program
    .command('backup <file>')
    .description('在线备份数据库（SQLite 备份接口；PostgreSQL 使用 pg_dump）')
    .action(async (file: string) => {
      const c = await openCli('backup');
      try {
        await c.database.backup(file);
        // Then the uploaded files and the server secret (the database snapshot first: blobs are written once).
        const { dir } = (await import('../platform/backup-files.js')).backupFiles(c.config, file);
        console.log(`已备份到 ${file}（上传的文件在 ${dir}）`);
      } catch (e) {
        fail(e);
      } finally {
        await c.close();
      }
    });

  program
    .command('restore <file>')
    .description('从备份恢复数据库（先停止服务）')
    .action(async (file: string) => {
      const config = configOrExit();
      try {
        const { restoreDatabase } = await import('../platform/db/database.js');
        await restoreDatabase({ dialect: config.db, sqliteFile: config.sqliteFile, url: config.databaseUrl }, file);
        if (!(await import('../platform/backup-files.js')).restoreFiles(config, file))
          console.error(`注意：备份没有文件部分（${file}.files），上传的附件未恢复。`);
        // The audit chain now legitimately ends earlier: say so in the anchor file, outside the database.
        const c = await openCli('restore');
        try {
          await (await import('../platform/audit/audit.js')).anchorRestoredHead(c.ctx.db, config);
        } finally {
          await c.close();
        }
        console.log(`已从 ${file} 恢复。`);
      } catch (e) {
        fail(e);
      }
    });

  program
    .command('jobs')
    .description('定时任务：各任务最近一次运行、结果和是否按期运行')
    .option('--job <name>', '只看这个任务的运行记录（最新在前）')
    .option('--limit <n>', '--job 时列出的条数', '20')
    .option('--check', '有任务失败、中断、未按期运行或从未运行时以退出码 1 结束（供监控使用）')
    .action((o: { job?: string; limit: string; check?: boolean }) =>
      withCli(
        () => openCli('jobs'),
        async (ctx) => (await import('./jobs-command.js')).jobsAction(ctx, o),
      ),
    );

  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('检查审计日志哈希链，报告被修改、插入或删除的记录')
    .action(() =>
      withCli(
        () => openCli('audit'),
        async (ctx) => {
          const r = await (await import('../platform/audit/audit.js')).verifyAuditLog(ctx.db, ctx.config);
          if (!r.problems.length) console.log(`审计日志完整：共检查 ${r.checked} 条记录，未发现篡改。`);
          else {
            console.log(`发现 ${r.problems.length} 处问题（共 ${r.checked} 条记录）：`);
            for (const p of r.problems) console.log(`  第 ${p.seq} 条：${p.detail}`);
            process.exitCode = 1;
          }
        },
      ),
    );

  audit
    .command('rekey')
    .description('用密钥重新计算启用密钥之前写入的审计记录的哈希（先检查整条链），此后整条链按密钥校验')
    .action(() =>
      withCli(
        () => openCli('audit'),
        async (ctx) => {
          const r = await (await import('../platform/audit/audit-rekey.js')).rekeyAuditLog(ctx);
          if (!r.legacy) console.log('审计日志中没有启用密钥之前的记录，无需重新计算。');
          else
            console.log(
              `已用密钥重新计算 ${r.legacy} 条旧记录的哈希，其后 ${r.relinked} 条随之重新衔接；锚点文件已更新。`,
            );
        },
      ),
    );
}
