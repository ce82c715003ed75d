import type { Ctx } from '../platform/context.js';
import { conflict } from '../platform/errors.js';
import { generatePassword, hashPassword } from '../platform/auth/password.js';
import { writeAudit } from '../platform/audit/audit.js';
import { tx } from '../platform/tx.js';
import { usccCheckChar } from './codes.rules.js';
import { insertOrg, type OrgRow } from './orgs.store.js';
import { emptyOrgFields, type OrgKind } from './orgs.rules.js';
import { DEFAULT_ROOT_NAME } from './bootstrap.js';
import type { Role } from './roles.rules.js';

const AGENCIES: Array<[string, string, OrgKind]> = [
  ['示例县人民政府办公室', '县政府办', 'agency'],
  ['示例县发展和改革局', '县发改局', 'agency'],
  ['示例县教育局', '县教育局', 'agency'],
  ['示例县财政局', '县财政局', 'agency'],
  ['示例县人力资源和社会保障局', '县人社局', 'agency'],
  ['示例县自然资源局', '县自然资源局', 'agency'],
  ['示例县住房和城乡建设局', '县住建局', 'agency'],
  ['示例县卫生健康委员会', '县卫健委', 'agency'],
  ['示例县市场监督管理局', '县市场监管局', 'agency'],
  ['示例县城关镇人民政府', '城关镇', 'township'],
];
const SECTIONS = ['办公室', '政策法规股', '业务股'];

/** A valid-looking 统一社会信用代码 for demo agency n (category 11 = 机关, region 419999). */
export function demoUscc(n: number): string {
  const first17 = `11419999MB${String(1000 + n).padStart(4, '0')}000`.slice(0, 17);
  return first17 + usccCheckChar(first17);
}

const blank = emptyOrgFields;

/**
 * The demo county for `gongkai init --demo`: 10 agencies with sections, staff in every role for three of
 * them and the county's 政务公开办 staff for the rest, all marked 示例 (is_demo). One shared demo password
 * is returned.
 */
export async function seedDemoCounty(
  ctx: Ctx,
  rootId: number,
): Promise<{
  countyId: number;
  password: string;
  users: Array<{ username: string; roles: string }>;
  agencyIds: number[];
}> {
  const password = generatePassword();
  const hash = await hashPassword(password);
  return tx(ctx, async (trx) => {
    const existing = await trx
      .selectFrom('orgs')
      .select('id')
      .where('is_demo', '=', 1)
      .where('kind', '=', 'county')
      .executeTakeFirst();
    if (existing) throw conflict('demo_exists', '示例数据已存在。');
    const root = await trx.selectFrom('orgs').selectAll().where('id', '=', rootId).executeTakeFirstOrThrow();
    const now = ctx.now().toISOString();
    const countyFields = {
      ...blank('county', '示例县人民政府（示例）'),
      short_name: '示例县',
      code: demoUscc(0),
      office_name: '示例县人民政府办公室政务公开科',
      address: '示例县人民路1号',
      office_hours: '工作日 8:30-12:00，14:30-17:30',
      phone: '0000-1234567',
      email: 'gk@example.gov.cn',
      postcode: '999999',
    };
    // On a new database the root is still the untouched placeholder: 示例县 becomes the root (no phantom
    // agency above it, and the site is named after it). Otherwise 示例县 is added under the existing root.
    const untouched =
      root.parent_id === null &&
      root.name === DEFAULT_ROOT_NAME &&
      !root.is_demo &&
      !(await trx.selectFrom('orgs').select('id').where('parent_id', '=', root.id).executeTakeFirst());
    const county = untouched
      ? await trx
          .updateTable('orgs')
          .set({ ...countyFields, is_demo: 1, updated_at: now })
          .where('id', '=', root.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await insertOrg(trx, root, countyFields, now, true);
    const users: Array<{ username: string; roles: string }> = [];
    const agencies: OrgRow[] = [];
    for (const [i, [name, short, kind]] of AGENCIES.entries()) {
      const a = await insertOrg(
        trx,
        county,
        {
          ...blank(kind, `${name}（示例）`),
          short_name: short,
          code: demoUscc(i + 1),
          sort_order: i,
          office_name: `${short}办公室`,
          address: `示例县人民路${i + 2}号`,
          office_hours: '工作日 8:30-12:00，14:30-17:30',
          phone: `0000-12345${String(i).padStart(2, '0')}`,
          postcode: '999999',
        },
        now,
        true,
      );
      agencies.push(a);
      for (const [j, s] of SECTIONS.entries())
        await insertOrg(trx, a, { ...blank('section', `${s}（示例）`), sort_order: j }, now, true);
    }
    const mk = async (username: string, displayName: string, grants: Array<[Role, number]>) => {
      const u = await trx
        .insertInto('users')
        .values({
          username,
          display_name: `${displayName}（示例）`,
          email: null,
          phone: null,
          password_hash: hash,
          must_change_password: 0,
          password_changed_at: now,
          disabled: 0,
          failed_logins: 0,
          locked_until: null,
          last_login_at: null,
          is_demo: 1,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [role, orgId] of grants)
        await trx
          .insertInto('role_grants')
          .values({ user_id: u.id, role, org_id: orgId, created_at: now, created_by: null })
          .execute();
      users.push({ username, roles: grants.map(([r]) => r).join(',') });
    };
    await mk('demo.supervisor', '王监督', [['supervisor', county.id]]);
    await mk('demo.countyadmin', '李管理', [['agency_admin', county.id]]);
    // The county's 政务公开办 works for the agencies without their own staff (grants cover the subtree).
    await mk('demo.county.editor', '县政务公开办信息员', [['editor', county.id]]);
    await mk('demo.county.secrecy', '县政务公开办保密审查员', [['secrecy_reviewer', county.id]]);
    await mk('demo.county.legal', '县司法局法制审核员', [['legality_reviewer', county.id]]);
    await mk('demo.county.approver', '县政务公开办主任', [['approver', county.id]]);
    await mk('demo.county.handler', '县政务公开办申请办理人', [['request_handler', county.id]]);
    await mk('demo.county.head', '县政务公开办负责人', [
      ['request_admin', county.id],
      ['request_handler', county.id],
    ]);
    await mk('demo.county.message', '县政务公开办留言办理人', [['message_handler', county.id]]);
    const staffed: Array<[string, OrgRow]> = [
      ['edu', agencies[2]],
      ['fin', agencies[3]],
      ['gov', agencies[0]],
    ];
    for (const [k, a] of staffed) {
      await mk(`demo.${k}.admin`, `${a.short_name}管理员`, [['agency_admin', a.id]]);
      await mk(`demo.${k}.editor`, `${a.short_name}信息员`, [['editor', a.id]]);
      await mk(`demo.${k}.secrecy`, `${a.short_name}保密审查员`, [['secrecy_reviewer', a.id]]);
      await mk(`demo.${k}.legal`, `${a.short_name}法制审核员`, [['legality_reviewer', a.id]]);
      await mk(`demo.${k}.approver`, `${a.short_name}分管领导`, [['approver', a.id]]);
      await mk(`demo.${k}.handler`, `${a.short_name}申请办理人`, [['request_handler', a.id]]);
      await mk(`demo.${k}.head`, `${a.short_name}公开工作负责人`, [
        ['request_admin', a.id],
        ['request_handler', a.id],
      ]);
      await mk(`demo.${k}.message`, `${a.short_name}留言办理人`, [['message_handler', a.id]]);
    }
    await writeAudit(trx, ctx, {
      action: 'system.demo_seed',
      subjectType: 'org',
      subjectId: county.id,
      orgId: county.id,
      summary: `载入示例数据：示例县、${agencies.length} 个单位、${users.length} 个示例用户`,
    });
    return { countyId: county.id, password, users, agencyIds: agencies.map((a) => a.id) };
  });
}
