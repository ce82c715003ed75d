import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, SelectField, TextField } from '../../platform/views/components.js';
import { Form, IdParams, Int, OptInt, Text, Choice, typed } from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { rolesAllow, scopePaths, findOrg } from '../../orgs/index.js';
import {
  agenciesFor,
  CATEGORY_EDITORS,
  addCategory,
  renameCategory,
  deleteCategory,
  categoriesOf,
  categoryOrg,
  type CategoryRow,
  getIndexPattern,
  setIndexPattern,
  setSeparationOfDuties,
  strictSeparation,
} from '../../catalog/index.js';
import { assertAllowed } from '../guard.js';

async function render(
  req: FastifyRequest,
  reply: FastifyReply,
  orgId: number | undefined,
  errors?: FieldError[],
  status = 200,
) {
  const paths = scopePaths(req.actor, CATEGORY_EDITORS);
  assertAllowed(paths.length > 0);
  const orgs = await agenciesFor(req.ctx.db, req.actor, CATEGORY_EDITORS);
  const org = orgId ? await findOrg(req.ctx, orgId) : orgs.length === 1 ? orgs[0] : undefined;
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
              <button
                type="submit"
                formaction={`/console/catalog/categories/${c.id}/delete`}
                class="danger"
                data-confirm={`确定删除分类「${c.name}」吗？删除后不能恢复。`}
              >
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
        <SelectField
          name="orgId"
          label="机构"
          value={org ? String(org.id) : ''}
          options={orgs.map((o) => [String(o.id), o.name])}
          placeholder="请选择"
        />
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
            <SelectField
              name="parentId"
              label="上级分类"
              value=""
              options={cats.filter((c) => c.parent_id === null).map((c) => [String(c.id), c.name])}
              placeholder="（顶级分类）"
            />
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
            <p class="muted">
              同一人不能承担同一信息的保密审查、合法性审查、领导签发中的两个环节（始终执行，不能放宽）。当前：
              {strict ? '从严——参与起草、修改或提交的人员也不能审核或签发' : '标准'}。
            </p>
            <SelectField
              name="level"
              label="本单位要求"
              value={strict ? 'strict' : 'standard'}
              options={[
                ['standard', '标准'],
                ['strict', '从严（起草、修改、提交者不得审核签发）'],
              ]}
            />
            <button type="submit">保存</button>
          </form>
        </>
      ) : null}
    </ConsoleLayout>,
    status,
  );
}

const OrgQuery = Form({ orgId: OptInt('机构') });
const CategoryForm = Form({ orgId: Int('机构'), name: Text('分类名称'), parentId: OptInt('上级分类') });
const PatternForm = Form({ orgId: Int('机构'), pattern: Text('索引号格式') });
const SeparationForm = Form({
  orgId: Int('机构'),
  level: Choice('本单位要求', ['standard', 'strict'] as const, { default: 'standard' }),
});
const RenameForm = Form({ name: Text('分类名称') });

/** Console: edit an agency's 公开目录 category tree. */
export async function categoriesRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/catalog/categories', { schema: { querystring: OrgQuery } }, async (req, reply) =>
    render(req, reply, req.query.orgId),
  );

  const run = async (
    req: FastifyRequest,
    reply: FastifyReply,
    orgOf: () => Promise<number | undefined>,
    fn: () => Promise<unknown>,
    done: string,
  ) => {
    const orgId = await orgOf();
    try {
      await fn();
      return reply.flashRedirect(`/console/catalog/categories?orgId=${orgId ?? ''}`, done);
    } catch (e) {
      if (!isAppError(e) || !['invalid', 'conflict'].includes(e.kind)) throw e;
      return render(req, reply, orgId, e.errors, e.status);
    }
  };
  const orgOfCategory = (req: FastifyRequest, id: number) => () => categoryOrg(req.ctx, id);

  r.post('/console/catalog/categories', { schema: { body: CategoryForm } }, async (req, reply) => {
    const { orgId, name, parentId } = req.body;
    return run(
      req,
      reply,
      async () => orgId,
      () => addCategory(req.ctx, { orgId, name, parentId: parentId ?? null }),
      '已新增分类。',
    );
  });
  r.post('/console/catalog/index-pattern', { schema: { body: PatternForm } }, async (req, reply) => {
    const { orgId, pattern } = req.body;
    return run(
      req,
      reply,
      async () => orgId,
      () => setIndexPattern(req.ctx, { orgId, pattern }),
      '已保存索引号格式。',
    );
  });
  r.post('/console/catalog/separation', { schema: { body: SeparationForm } }, async (req, reply) => {
    const { orgId, level } = req.body;
    return run(
      req,
      reply,
      async () => orgId,
      () => setSeparationOfDuties(req.ctx, { orgId, strict: level === 'strict' }),
      '已保存审核职责分离要求。',
    );
  });
  r.post('/console/catalog/categories/:id', { schema: { params: IdParams, body: RenameForm } }, async (req, reply) =>
    run(
      req,
      reply,
      orgOfCategory(req, req.params.id),
      () => renameCategory(req.ctx, { id: req.params.id, name: req.body.name }),
      '已改名。',
    ),
  );
  r.post('/console/catalog/categories/:id/delete', { schema: { params: IdParams } }, async (req, reply) =>
    run(
      req,
      reply,
      orgOfCategory(req, req.params.id),
      () => deleteCategory(req.ctx, { id: req.params.id }),
      '已删除分类。',
    ),
  );
}
