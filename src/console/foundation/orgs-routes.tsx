import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, SelectField, TextField } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Form, IdParams, Int, OptInt, Text, typed, type Static } from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import {
  ORG_KINDS,
  buildTree,
  type OrgInput,
  can,
  scopePaths,
  findOrg,
  orgOrNotFound,
  orgsWithin,
  type OrgRow,
  createOrg,
  updateOrg,
  setOrgDisabled,
} from '../../orgs/index.js';
import { assertAllowed } from '../guard.js';

type Tree = ReturnType<typeof buildTree<OrgRow>>;

function TreeList({ nodes }: { nodes: Tree }) {
  return (
    <ul>
      {nodes.map((n) => (
        <li>
          <a href={`/console/orgs/${n.id}`}>{n.name}</a>{' '}
          <span class="muted">{ORG_KINDS[n.kind as keyof typeof ORG_KINDS] ?? n.kind}</span>
          {n.is_demo ? <span class="badge demo">示例</span> : null}
          {n.children.length ? <TreeList nodes={n.children as Tree} /> : null}
        </li>
      ))}
    </ul>
  );
}

const OrgForm = Form({
  parentId: OptInt('上级机构'),
  kind: Text('机构类型'),
  name: Text('机构名称'),
  shortName: Text('简称'),
  code: Text('统一社会信用代码或组织机构代码'),
  sortOrder: Int('排序号', { minimum: 0, maximum: 100_000, default: 0 }),
  officeName: Text('工作机构名称'),
  address: Text('办公地址'),
  officeHours: Text('办公时间'),
  phone: Text('联系电话'),
  fax: Text('传真号码'),
  email: Text('电子邮箱'),
  website: Text('网址'),
  postcode: Text('邮政编码'),
});

const formInput = ({
  parentId,
  kind,
  name,
  shortName,
  code,
  sortOrder,
  officeName,
  address,
  officeHours,
  phone,
  fax,
  email,
  website,
  postcode,
}: Static<typeof OrgForm>): OrgInput => ({
  parentId: parentId ?? null,
  kind,
  name,
  shortName,
  code,
  sortOrder,
  officeName,
  address,
  officeHours,
  phone,
  fax,
  email,
  website,
  postcode,
});

function OrgFieldsForm({ v, errors }: { v: Partial<Record<keyof OrgInput, unknown>>; errors?: FieldError[] }) {
  const s = (x: unknown) => (x == null ? '' : String(x));
  return (
    <>
      <SelectField
        name="kind"
        label="机构类型"
        required
        value={s(v.kind)}
        options={Object.entries(ORG_KINDS)}
        placeholder="请选择"
        errors={errors}
      />
      <TextField name="name" label="机构名称" required value={s(v.name)} errors={errors} maxLength={100} />
      <TextField name="shortName" label="简称" value={s(v.shortName)} errors={errors} />
      <TextField
        name="code"
        label="统一社会信用代码或组织机构代码"
        hint="用于生成索引号前段码。18 位统一社会信用代码或 9 位组织机构代码。"
        value={s(v.code)}
        errors={errors}
      />
      <TextField name="sortOrder" label="排序号" inputmode="numeric" value={s(v.sortOrder ?? 0)} errors={errors} />
      <fieldset>
        <legend>政府信息公开工作机构（公开指南使用）</legend>
        <TextField name="officeName" label="工作机构名称" value={s(v.officeName)} errors={errors} />
        <TextField name="address" label="办公地址" value={s(v.address)} errors={errors} />
        <TextField name="officeHours" label="办公时间" value={s(v.officeHours)} errors={errors} />
        <TextField name="phone" label="联系电话" type="tel" value={s(v.phone)} errors={errors} />
        <TextField name="fax" label="传真号码" value={s(v.fax)} errors={errors} />
        <TextField name="email" label="电子邮箱" type="email" value={s(v.email)} errors={errors} />
        <TextField name="website" label="网址" value={s(v.website)} errors={errors} />
        <TextField name="postcode" label="邮政编码" inputmode="numeric" value={s(v.postcode)} errors={errors} />
      </fieldset>
    </>
  );
}

function OrgsPage({
  view,
  orgs,
  errors,
  values,
}: {
  view: ViewCtx;
  orgs: OrgRow[];
  errors?: FieldError[];
  values?: Partial<OrgInput>;
}) {
  const manageable = orgs.filter((o) => can(view.actor, 'org.manage', o.path));
  return (
    <ConsoleLayout view={view} title="机构管理">
      {orgs.length ? (
        <div class="tree">
          <TreeList nodes={buildTree(orgs)} />
        </div>
      ) : (
        <p class="empty">还没有机构。</p>
      )}
      {manageable.length ? (
        <section>
          <h2 id="new">新建下级机构</h2>
          <ErrorSummary errors={errors} />
          <form method="post" action="/console/orgs">
            <CsrfField token={view.csrf} />
            <SelectField
              name="parentId"
              label="上级机构"
              required
              value={values?.parentId != null ? String(values.parentId) : ''}
              options={manageable.map((o) => [String(o.id), `${'　'.repeat(o.depth)}${o.name}`])}
              placeholder="请选择"
              errors={errors}
            />
            <OrgFieldsForm v={values ?? { kind: 'agency' }} errors={errors} />
            <button type="submit">创建机构</button>
          </form>
        </section>
      ) : null}
    </ConsoleLayout>
  );
}

function OrgPage({
  view,
  org,
  errors,
  values,
}: {
  view: ViewCtx;
  org: OrgRow;
  errors?: FieldError[];
  values?: Partial<OrgInput>;
}) {
  const v = values ?? {
    kind: org.kind,
    name: org.name,
    shortName: org.short_name,
    code: org.code,
    sortOrder: org.sort_order,
    officeName: org.office_name,
    address: org.address,
    officeHours: org.office_hours,
    phone: org.phone,
    fax: org.fax,
    email: org.email,
    website: org.website,
    postcode: org.postcode,
  };
  const editable = can(view.actor, 'org.manage', org.path);
  return (
    <ConsoleLayout view={view} title={org.name}>
      <p>
        <a href="/console/orgs">← 返回机构列表</a> {org.is_demo ? <span class="badge demo">示例</span> : null}
        {org.disabled ? <span class="badge bad">已停用</span> : null}
      </p>
      <ErrorSummary errors={errors} />
      {editable ? (
        <>
          <form method="post" action={`/console/orgs/${org.id}`}>
            <CsrfField token={view.csrf} />
            <OrgFieldsForm v={v} errors={errors} />
            <button type="submit">保存</button>
          </form>
          <form
            method="post"
            action={`/console/orgs/${org.id}/${org.disabled ? 'enable' : 'disable'}`}
            data-confirm={org.disabled ? '' : `确定停用「${org.name}」吗？停用后不再出现在列表中，历史记录保留。`}
            class="actions"
          >
            <CsrfField token={view.csrf} />
            <button type="submit" class={org.disabled ? 'secondary' : 'danger'}>
              {org.disabled ? '重新启用' : '停用机构'}
            </button>
          </form>
        </>
      ) : (
        <dl class="meta">
          <dt>类型</dt>
          <dd>{ORG_KINDS[org.kind as keyof typeof ORG_KINDS]}</dd>
          <dt>机构代码</dt>
          <dd>{org.code ?? '—'}</dd>
          <dt>办公地址</dt>
          <dd>{org.address ?? '—'}</dd>
          <dt>联系电话</dt>
          <dd>{org.phone ?? '—'}</dd>
        </dl>
      )}
    </ConsoleLayout>
  );
}

/** Console pages to manage the organisation tree. */
export async function orgsRoutes(app: FastifyInstance): Promise<void> {
  const visible = (req: { actor: Parameters<typeof scopePaths>[0] }) =>
    scopePaths(req.actor, ['agency_admin', 'supervisor', 'sysadmin']);
  const r = typed(app);

  r.get('/console/orgs', async (req, reply) => {
    const paths = visible(req);
    assertAllowed(paths.length > 0);
    return reply.page(
      <OrgsPage view={reply.view()} orgs={await orgsWithin(req.ctx, { underPaths: paths, includeDisabled: true })} />,
    );
  });

  r.post('/console/orgs', { schema: { body: OrgForm } }, async (req, reply) => {
    const input = formInput(req.body);
    try {
      const org = await createOrg(req.ctx, input);
      return reply.flashRedirect(`/console/orgs/${org.id}`, `已创建机构「${org.name}」。`);
    } catch (e) {
      if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'conflict')) throw e;
      const orgs = await orgsWithin(req.ctx, { underPaths: visible(req), includeDisabled: true });
      return reply.page(<OrgsPage view={reply.view()} orgs={orgs} errors={e.errors} values={input} />, e.status);
    }
  });

  r.get('/console/orgs/:id', { schema: { params: IdParams } }, async (req, reply) => {
    const org = await orgOrNotFound(req.ctx, req.params.id);
    assertAllowed(can(req.actor, 'org.view', org.path));
    return reply.page(<OrgPage view={reply.view()} org={org} />);
  });

  r.post('/console/orgs/:id', { schema: { params: IdParams, body: OrgForm } }, async (req, reply) => {
    const { id } = req.params;
    const input = formInput(req.body);
    try {
      await updateOrg(req.ctx, id, input);
      return reply.flashRedirect(`/console/orgs/${id}`, '已保存。');
    } catch (e) {
      if (!isAppError(e) || (e.kind !== 'invalid' && e.kind !== 'conflict')) throw e;
      const org = await findOrg(req.ctx, id);
      if (!org) throw e;
      return reply.page(<OrgPage view={reply.view()} org={org} errors={e.errors} values={input} />, e.status);
    }
  });

  for (const action of ['disable', 'enable'] as const) {
    r.post(`/console/orgs/:id/${action}`, { schema: { params: IdParams } }, async (req, reply) => {
      const { id } = req.params;
      await setOrgDisabled(req.ctx, id, action === 'disable');
      return reply.flashRedirect(`/console/orgs/${id}`, action === 'disable' ? '机构已停用。' : '机构已启用。');
    });
  }
}
