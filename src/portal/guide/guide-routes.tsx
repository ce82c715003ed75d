import type { FastifyInstance } from 'fastify';
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { notFound } from '../../platform/errors.js';
import { beijingTime } from '../../platform/views/components.js';
import { findPublicAgency, publicAgencies, ORG_KINDS } from '../../orgs/index.js';
import { Params, typed, Int } from '../../platform/http/schemas.js';
import { PAGE_BY_ID, unknownPageIfBadParams, CACHED_PAGE } from '../page-input.js';
import {
  GUIDE_CONTACT_FIELDS,
  GUIDE_SECTIONS,
  defaultGuide,
  type GuideSection,
  agencyGuide,
} from '../../guide/index.js';

const AgencyParams = Params({ orgId: Int('机构') });
const orgNotFound = () => notFound('org_not_found', '该机构不存在。');

const COLUMN: Record<
  GuideSection,
  'classification' | 'arrangement' | 'how_to_obtain' | 'request_procedure' | 'supervision'
> = {
  classification: 'classification',
  arrangement: 'arrangement',
  howToObtain: 'how_to_obtain',
  requestProcedure: 'request_procedure',
  supervision: 'supervision',
};

/** 政府信息公开指南 per agency (条例第十二条) and the agency directory. */
export async function guideRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/zn', CACHED_PAGE, async (req, reply) => {
    const orgs = await publicAgencies(req.ctx.db);
    return reply.page(
      <PortalLayout view={reply.view()} title="政府信息公开指南">
        <h1>政府信息公开指南</h1>
        <p>
          各机关的政府信息公开指南载明信息的分类、编排体系、获取方式，以及政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码和互联网联系方式。
        </p>
        <ul class="agency-list">
          {orgs.map((o) => (
            <li>
              {'　'.repeat(o.depth)}
              <a href={`/zn/${o.id}`}>{o.name}</a>{' '}
              <span class="muted">{ORG_KINDS[o.kind as keyof typeof ORG_KINDS]}</span>
            </li>
          ))}
        </ul>
      </PortalLayout>,
    );
  });

  r.get('/zn/:orgId', { schema: { params: AgencyParams }, ...PAGE_BY_ID, ...CACHED_PAGE }, async (req, reply) => {
    unknownPageIfBadParams(req, orgNotFound);
    const org = await findPublicAgency(req.ctx.db, req.params.orgId);
    if (!org) throw orgNotFound();
    const row = await agencyGuide(req.ctx.db, org.id);
    const text = defaultGuide(org.name);
    const section = (k: GuideSection) => (row ? row[COLUMN[k]] : text[k]);
    return reply.page(
      <PortalLayout view={reply.view()} title={`${org.name}政府信息公开指南`}>
        <h1>{org.name}政府信息公开指南</h1>
        {row ? (
          <p class="muted">更新时间：{beijingTime(row.updated_at)}</p>
        ) : (
          <p class="muted">本指南为通用文本，本机关尚未修订。</p>
        )}
        {(Object.keys(GUIDE_SECTIONS) as GuideSection[]).map((k) => (
          <section>
            <h2>{GUIDE_SECTIONS[k]}</h2>
            {section(k)
              .split(/\n+/)
              .map((p) => (
                <p>{p}</p>
              ))}
          </section>
        ))}
        <section>
          <h2>六、政府信息公开工作机构</h2>
          <dl class="meta">
            {(Object.entries(GUIDE_CONTACT_FIELDS) as Array<[keyof typeof GUIDE_CONTACT_FIELDS, string]>).map(
              ([k, label]) => (
                <>
                  <dt>{label}</dt>
                  <dd>{org[k] ?? '（暂未公布）'}</dd>
                </>
              ),
            )}
          </dl>
        </section>
        <p class="no-print">
          <a href="/ysqgk">在线提交政府信息公开申请</a>
        </p>
      </PortalLayout>,
    );
  });
}
