/**
 * The commands of `gongkai`, loaded lazily: every command is listed by name and description (core
 * commands below, capabilities' in src/app/modules/*.ts), and only the group holding the command typed
 * is imported and registered in full; `gongkai --help` imports no command at all.
 */
import { Command } from 'commander';
import { capabilityModules } from '../app/module-list.js';
import type { CliCommands } from '../app/modules.js';

const core: CliCommands & { label: string } = {
  label: 'cli',
  commands: [
    { name: 'serve', description: '启动 Web 服务（首次启动时自动建库并创建管理员）' },
    { name: 'migrate', description: '把数据库迁移到最新版本' },
    { name: 'init', description: '初始化：建库、载入内置参考数据、创建管理员' },
    { name: 'user', description: '管理工作人员账号' },
    { name: 'token', description: '管理 API 令牌' },
    { name: 'backup <file>', description: '在线备份数据库（SQLite 备份接口；PostgreSQL 使用 pg_dump）' },
    { name: 'restore <file>', description: '从备份恢复数据库（先停止服务）' },
    { name: 'jobs', description: '定时任务：各任务最近一次运行、结果和是否按期运行' },
    { name: 'audit', description: '审计日志' },
  ],
  load: async () => (await import('./core-commands.js')).coreCli,
};

/** Every group of commands: the platform's, then each capability's. */
export const commandGroups: ReadonlyArray<CliCommands & { label: string }> = [
  core,
  ...capabilityModules.flatMap((m) => (m.cli ? [{ ...m.cli, label: m.name }] : [])),
];

/** The top-level command a command line runs (`gongkai help X` runs X's help). */
export function invokedCommand(args: readonly string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

const topName = (name: string): string => name.split(' ')[0]!;

/** The program with the invoked command's group registered in full and the others listed only. */
export async function buildProgram(args: readonly string[]): Promise<Command> {
  const program = new Command();
  program.name('gongkai').description('Gongkai（公开）政府信息公开平台').showHelpAfterError();
  const invoked = invokedCommand(args);
  for (const g of commandGroups) {
    if (invoked && g.commands.some((c) => topName(c.name) === invoked)) {
      const register = await g.load();
      register(program, async () => (await import('./open.js')).openCli(g.label));
    } else for (const c of g.commands) program.command(c.name).description(c.description);
  }
  return program;
}
