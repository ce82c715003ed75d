import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, TextArea } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { str } from '../../platform/http/form.js';
import { isAppError, notFound, type FieldError } from '../../platform/errors.js';
import { can, scopePaths } from '../../orgs/roles.rules.js';
import { getOrg, listOrgs, type OrgRow } from '../../orgs/orgs.store.js';
import { parseId } from '../../orgs/create-user.js';
import { GUIDE_SECTIONS, defaultGuide, missingContacts, type GuideSection, type GuideText } from '../../guide/guide.rules.js';
import { getGuideRow } from '../../guide/guide.store.js';
import { updateGuide } from '../../guide/update-guide.js';
import { assertAllowed } from '../guard.js';
import { registerNav } from '../nav.js';

function GuideForm({ view, org, values, errors }: { view: ViewCtx; org: OrgRow; values: GuideText; errors?: FieldError[] }) {
  const missing = missingContacts(org);
  return (
    <ConsoleLayout view={view} title={`公开指南：${org.name}`}>
      <p>
        <a href="/console/guide">← 返回</a> · <a href={`/zn/${org.id}`}>查看公开页面</a>
      </p>
      {missing.length ? (
        <p class="warning">
          第十二条要求指南载明的以下联系信息尚未填写：{missing.join('、')}。请在 <a href={`/console/orgs/${org.id}`}>机构信息</a> 中补充。
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action={`/console/guide/${org.id}`}>
        <CsrfField token={view.csrf} />
        {(Object.keys(GUIDE_SECTIONS) as GuideSection[]).map((k) => (
          <TextArea name={k} label={GUIDE_SECTIONS[k]} value={values[k]} required rows={6} errors={errors} />
        ))}
        <button type="submit">保存并公开</button>
      </form>
    </ConsoleLayout>
  );
}

/** Console: agency administrators edit their 公开指南. */
export async function guideConsoleRoutes(app: FastifyInstance): Promise<void> {
  registerNav({ href: '/console/guide', label: '公开指南', roles: ['agency_admin'], group: '主动公开' });
  app.get('/console/guide', async (req, reply) => {
    const paths = scopePaths(req.actor, ['agency_admin']);
    assertAllowed(paths.length > 0);
    const orgs = (await listOrgs(req.ctx.db, { underPaths: paths })).filter((o) => o.kind !== 'section');
    return reply.page(
      <ConsoleLayout view={reply.view()} title="政府信息公开指南">
        <ul>
          {orgs.map((o) => (
            <li>
              <a href={`/console/guide/${o.id}`}>{o.name}</a>
            </li>
          ))}
        </ul>
      </ConsoleLayout>,
    );
  });
  const load = async (db: Parameters<typeof getOrg>[0], id: number) => {
    const org = await getOrg(db, id);
    if (!org) throw notFound('org_not_found', '机构不存在。');
    return org;
  };
  app.get('/console/guide/:orgId', async (req, reply) => {
    const org = await load(req.ctx.db, parseId((req.params as { orgId: string }).orgId));
    assertAllowed(can(req.actor, 'org.manage', org.path));
    const row = await getGuideRow(req.ctx.db, org.id);
    const values: GuideText = row
      ? { classification: row.classification, arrangement: row.arrangement, howToObtain: row.how_to_obtain, requestProcedure: row.request_procedure, supervision: row.supervision }
      : defaultGuide(org.name);
    return reply.page(<GuideForm view={reply.view()} org={org} values={values} />);
  });
  app.post('/console/guide/:orgId', async (req, reply) => {
    const org = await load(req.ctx.db, parseId((req.params as { orgId: string }).orgId));
    const values = Object.fromEntries(Object.keys(GUIDE_SECTIONS).map((k) => [k, str(req.body, k)])) as GuideText;
    try {
      await updateGuide(req.ctx, org.id, values);
      return reply.flashRedirect(`/console/guide/${org.id}`, '公开指南已保存并公开。');
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'invalid') throw e;
      return reply.page(<GuideForm view={reply.view()} org={org} values={values} errors={e.errors} />, 400);
    }
  });
}
