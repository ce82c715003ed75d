import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, SelectField, TextField } from '../../platform/views/components.js';
import { intOrUndef, str } from '../../platform/http/form.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { rolesAllow, scopePaths } from '../../orgs/roles.rules.js';
import { getOrg, listOrgs } from '../../orgs/orgs.store.js';
import { parseId } from '../../orgs/create-user.js';
import { assertAllowed } from '../guard.js';
import { CATEGORY_EDITORS } from '../../catalog/category.rules.js';
import type { CategoryRow } from '../../catalog/catalog.store.js';
import { addCategory } from '../../catalog/add-category.js';
import { renameCategory } from '../../catalog/rename-category.js';
import { deleteCategory } from '../../catalog/delete-category.js';
import { categoriesOf } from './items-routes.js';
import { getIndexPattern } from '../../catalog/index-pattern.js';
import { setIndexPattern } from '../../catalog/set-index-pattern.js';
import { setSeparationOfDuties } from '../../catalog/set-separation-of-duties.js';
import { strictSeparation } from '../../catalog/separation-of-duties.js';

async function render(req: FastifyRequest, reply: FastifyReply, orgId: number | undefined, errors?: FieldError[], status = 200) {
  const paths = scopePaths(req.actor, CATEGORY_EDITORS);
  assertAllowed(paths.length > 0);
  const orgs = (await listOrgs(req.ctx.db, { underPaths: paths })).filter((o) => o.kind !== 'section' && rolesAllow(req.actor, CATEGORY_EDITORS, o.path));
  const org = orgId ? await getOrg(req.ctx.db, orgId) : orgs.length === 1 ? orgs[0] : undefined;
  if (org) assertAllowed(rolesAllow(req.actor, CATEGORY_EDITORS, org.path));
  const cats: CategoryRow[] = org ? await categoriesOf(req.ctx, org.id) : [];
  const pattern = org ? await getIndexPattern(req.ctx.db, org.id) : '';
  const strict = org ? await strictSeparation(req.ctx.db, org.path) : false;
  const view = reply.view();
  const Tree = ({ parent, depth }: { parent: number | null; depth: number }) => (
    <ul>
      {cats
        .filter((c) => c.parent_id === parent)
        .map((c) => (
          <li>
            <form method="post" action={`/console/catalog/categories/${c.id}`} class="actions">
              <CsrfField token={view.csrf} />
              <label>
                <span class="visually-hidden">分类名称</span>
                <input name="name" value={c.name} maxLength={30} />
              </label>{' '}
              <button type="submit" class="secondary">
                改名
              </button>{' '}
              <button type="submit" formaction={`/console/catalog/categories/${c.id}/delete`} class="danger">
                删除
              </button>
            </form>
            {depth < 3 ? <Tree parent={c.id} depth={depth + 1} /> : null}
          </li>
        ))}
    </ul>
  );
  return reply.page(
    <ConsoleLayout view={view} title="公开目录分类与索引号">
      <form method="get" action="/console/catalog/categories" class="filters">
        <SelectField name="orgId" label="机构" value={org ? String(org.id) : ''} options={orgs.map((o) => [String(o.id), o.name])} placeholder="请选择" />
        <button type="submit">查看</button>
      </form>
      <ErrorSummary errors={errors} />
      {org ? (
        <>
          <h2>{org.name}</h2>
          <Tree parent={null} depth={1} />
          <form method="post" action="/console/catalog/categories">
            <CsrfField token={view.csrf} />
            <input type="hidden" name="orgId" value={String(org.id)} />
            <TextField name="name" label="新增分类名称" required maxLength={30} errors={errors} />
            <SelectField name="parentId" label="上级分类" value="" options={cats.filter((c) => c.parent_id === null).map((c) => [String(c.id), c.name])} placeholder="（顶级分类）" />
            <button type="submit">新增分类</button>
          </form>
          <form method="post" action="/console/catalog/index-pattern">
            <h2>索引号格式</h2>
            <CsrfField token={view.csrf} />
            <input type="hidden" name="orgId" value={String(org.id)} />
            <TextField
              name="pattern"
              label="新信息的索引号格式"
              hint="占位符：{code} 前段码（组织机构代码）、{yyyy} 年份、{yyyymm} 年月、{serial:N} N 位流水号。默认 {code}/{yyyy}-{serial:5}。已生成的索引号不会改变。"
              value={pattern}
              errors={errors}
            />
            <button type="submit">保存格式</button>
          </form>
          <form method="post" action="/console/catalog/separation">
            <h2>审核职责分离</h2>
            <CsrfField token={view.csrf} />
            <input type="hidden" name="orgId" value={String(org.id)} />
            <p class="muted">同一人不能承担同一信息的保密审查、合法性审查、领导签发中的两个环节（始终执行，不能放宽）。当前：{strict ? '从严——参与起草、修改或提交的人员也不能审核或签发' : '标准'}。</p>
            <SelectField name="level" label="本单位要求" value={strict ? 'strict' : 'standard'} options={[['standard', '标准'], ['strict', '从严（起草、修改、提交者不得审核签发）']]} />
            <button type="submit">保存</button>
          </form>
        </>
      ) : null}
    </ConsoleLayout>,
    status,
  );
}

/** Console: edit an agency's 公开目录 category tree. */
export async function categoriesRoutes(app: FastifyInstance): Promise<void> {
  app.get('/console/catalog/categories', async (req, reply) => render(req, reply, intOrUndef(req.query, 'orgId')));

  const run = async (req: FastifyRequest, reply: FastifyReply, orgOf: () => Promise<number | undefined>, fn: () => Promise<unknown>, done: string) => {
    const orgId = await orgOf();
    try {
      await fn();
      return reply.flashRedirect(`/console/catalog/categories?orgId=${orgId ?? ''}`, done);
    } catch (e) {
      if (!isAppError(e) || !['invalid', 'conflict'].includes(e.kind)) throw e;
      return render(req, reply, orgId, e.errors, e.status);
    }
  };
  const orgOfCategory = (req: FastifyRequest) => async () =>
    (await req.ctx.db.selectFrom('catalog_categories').select('org_id').where('id', '=', parseId((req.params as { id: string }).id)).executeTakeFirst())?.org_id;

  app.post('/console/catalog/categories', async (req, reply) => {
    const orgId = intOrUndef(req.body, 'orgId');
    return run(req, reply, async () => orgId, () => addCategory(req.ctx, { orgId: orgId ?? 0, name: str(req.body, 'name'), parentId: intOrUndef(req.body, 'parentId') ?? null }), '已新增分类。');
  });
  app.post('/console/catalog/index-pattern', async (req, reply) => {
    const orgId = intOrUndef(req.body, 'orgId');
    return run(req, reply, async () => orgId, () => setIndexPattern(req.ctx, { orgId: orgId ?? 0, pattern: str(req.body, 'pattern') }), '已保存索引号格式。');
  });
  app.post('/console/catalog/separation', async (req, reply) => {
    const orgId = intOrUndef(req.body, 'orgId');
    return run(req, reply, async () => orgId, () => setSeparationOfDuties(req.ctx, { orgId: orgId ?? 0, strict: str(req.body, 'level') === 'strict' }), '已保存审核职责分离要求。');
  });
  app.post('/console/catalog/categories/:id', async (req, reply) =>
    run(req, reply, orgOfCategory(req), () => renameCategory(req.ctx, { id: parseId((req.params as { id: string }).id), name: str(req.body, 'name') }), '已改名。'),
  );
  app.post('/console/catalog/categories/:id/delete', async (req, reply) =>
    run(req, reply, orgOfCategory(req), () => deleteCategory(req.ctx, { id: parseId((req.params as { id: string }).id) }), '已删除分类。'),
  );
}
