import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, TextArea } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Form, Int, Params, Text, typed } from '../../platform/http/schemas.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { can, scopePaths } from '../../orgs/index.js';
import {
  GUIDE_SECTIONS,
  missingContacts,
  type GuideSection,
  type GuideText,
  GUIDE_EDITORS,
  guideAgencies,
  guideOrg,
  guideText,
  type OrgRow,
  updateGuide,
} from '../../guide/index.js';
import { assertAllowed } from '../guard.js';
import { registerNav } from '../nav.js';

function GuideForm({
  view,
  org,
  values,
  errors,
}: {
  view: ViewCtx;
  org: OrgRow;
  values: GuideText;
  errors?: FieldError[];
}) {
  const missing = missingContacts(org);
  return (
    <ConsoleLayout view={view} title={`公开指南：${org.name}`}>
      <p>
        <a href="/console/guide">← 返回</a> · <a href={`/zn/${org.id}`}>查看公开页面</a>
      </p>
      {missing.length ? (
        <p class="warning">
          第十二条要求指南载明的以下联系信息尚未填写：{missing.join('、')}。请在{' '}
          <a href={`/console/orgs/${org.id}`}>机构信息</a> 中补充。
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

const GuideParams = Params({ orgId: Int('机构') });
// No minimum length here: the use-case authorizes before it validates (an empty section of another agency's guide gets 403).
const GuideBody = Form({
  classification: Text(GUIDE_SECTIONS.classification),
  arrangement: Text(GUIDE_SECTIONS.arrangement),
  howToObtain: Text(GUIDE_SECTIONS.howToObtain),
  requestProcedure: Text(GUIDE_SECTIONS.requestProcedure),
  supervision: Text(GUIDE_SECTIONS.supervision),
});

/** Console: agency administrators edit their 公开指南. */
export async function guideConsoleRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  registerNav({ href: '/console/guide', label: '公开指南', roles: [...GUIDE_EDITORS], group: '主动公开' });
  r.get('/console/guide', async (req, reply) => {
    assertAllowed(scopePaths(req.actor, GUIDE_EDITORS).length > 0);
    const orgs = await guideAgencies(req.ctx.db, req.actor);
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
  r.get('/console/guide/:orgId', { schema: { params: GuideParams } }, async (req, reply) => {
    const org = await guideOrg(req.ctx.db, req.params.orgId);
    assertAllowed(can(req.actor, 'org.manage', org.path));
    return reply.page(<GuideForm view={reply.view()} org={org} values={await guideText(req.ctx.db, org)} />);
  });
  r.post('/console/guide/:orgId', { schema: { params: GuideParams, body: GuideBody } }, async (req, reply) => {
    const org = await guideOrg(req.ctx.db, req.params.orgId);
    const { classification, arrangement, howToObtain, requestProcedure, supervision } = req.body;
    const values: GuideText = { classification, arrangement, howToObtain, requestProcedure, supervision };
    try {
      await updateGuide(req.ctx, org.id, values);
      return reply.flashRedirect(`/console/guide/${org.id}`, '公开指南已保存并公开。');
    } catch (e) {
      if (!isAppError(e) || e.kind !== 'invalid') throw e;
      return reply.page(<GuideForm view={reply.view()} org={org} values={values} errors={e.errors} />, 400);
    }
  });
}
