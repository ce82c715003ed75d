import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, Empty, beijingTime } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Choice, Int, Params, Type, typed } from '../../platform/http/schemas.js';
import type { OrgRow } from '../../orgs/index.js';
import {
  type StoredCheck,
  agencyChecks,
  checkOverview,
  runSiteCheck,
  setColumnKinds,
} from '../../supervision/index.js';

const KIND_LABELS: Array<[string, string]> = [
  ['other', '其他栏目'],
  ['news', '动态、要闻类（2周）'],
  ['notice', '通知公告、政策文件类（6个月）'],
];

const verdictText = (c: StoredCheck | undefined) =>
  !c ? '未检查' : c.result.score === null ? '不合格（单项否决）' : `${c.result.verdict}，${c.result.score} 分`;

function ListPage({ view, rows }: { view: ViewCtx; rows: Array<{ org: OrgRow; last?: StoredCheck }> }) {
  return (
    <ConsoleLayout view={view} title="网站检查">
      <p>
        依据国办秘函〔2019〕19号：首页 2 周不更新、栏目不更新（≥5 个）、长期未更新栏目（≥10 个）、空白栏目（≥5
        个）、留言超过 3 个月未回应，任一情形即单项否决；其余按扣分表计分，低于 60 分为不合格。每天 6 时自动检查。
        <a href="/console/supervision/checks/settings">阈值、扣分表和外部链接检查设置</a>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">最近检查</th>
            <th scope="col">结果</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">
                <a href={`/console/supervision/checks/${r.org.id}`}>{r.org.name}</a>
              </th>
              <td>{r.last?.checkedOn ?? '—'}</td>
              <td>{verdictText(r.last)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ConsoleLayout>
  );
}

function OrgPage({
  view,
  org,
  history,
  categories,
  kinds,
}: {
  view: ViewCtx;
  org: OrgRow;
  history: StoredCheck[];
  categories: Array<{ id: number; name: string }>;
  kinds: Record<string, string>;
}) {
  const last = history[0];
  return (
    <ConsoleLayout view={view} title={`网站检查：${org.name}`}>
      <p>
        <a href="/console/supervision/checks">← 返回网站检查</a>
      </p>
      <form method="post" action={`/console/supervision/checks/${org.id}/run`}>
        <CsrfField token={view.csrf} />
        <button type="submit">立即检查</button>
      </form>
      <h2>最近一次：{verdictText(last)}</h2>
      {last ? (
        <>
          <p class="muted">检查时间：{beijingTime(last.at)}</p>
          {last.result.findings.length ? (
            <ul>
              {last.result.findings.map((f) => (
                <li>
                  {f.veto ? <span class="badge bad">单项否决</span> : <span class="badge">扣 {f.points} 分</span>}{' '}
                  {f.text}
                </li>
              ))}
            </ul>
          ) : (
            <p>未发现问题。</p>
          )}
          <h3>与上次检查相比</h3>
          <p>新增问题：{last.added.length ? last.added.join('；') : '无'}</p>
          <p>已整改：{last.resolved.length ? last.resolved.join('；') : '无'}</p>
        </>
      ) : (
        <Empty>尚未检查。</Empty>
      )}
      <h2>检查记录</h2>
      {history.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">结果</th>
              <th scope="col">问题数</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr>
                <td>{h.checkedOn}</td>
                <td>{verdictText(h)}</td>
                <td>{h.result.findings.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h2>栏目类型</h2>
      {categories.length ? (
        <form method="post" action={`/console/supervision/checks/${org.id}/kinds`}>
          <CsrfField token={view.csrf} />
          {categories.map((c) => (
            <div class="field">
              <label for={`f-kind-${c.id}`}>{c.name}</label>
              <select id={`f-kind-${c.id}`} name={`kind_${c.id}`}>
                {KIND_LABELS.map(([v, l]) => (
                  <option value={v} selected={(kinds[String(c.id)] ?? 'other') === v}>
                    {l}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit">保存栏目类型</button>
        </form>
      ) : (
        <Empty>该单位还没有公开目录栏目。</Empty>
      )}
    </ConsoleLayout>
  );
}

const OrgParams = Params({ orgId: Int('机构') });
/** One select per category: `kind_<category id>`. */
const KindsForm = Type.Record(
  Type.TemplateLiteral('kind_${number}'),
  Choice('栏目类型', ['other', 'news', 'notice'] as const),
  { title: '栏目类型' },
);

/** Console: website checks per agency (supervisors): results, history, what changed, category kinds, run now. */
export async function checksRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/supervision/checks', async (req, reply) =>
    reply.page(<ListPage view={reply.view()} rows={await checkOverview(req.ctx)} />),
  );

  r.get('/console/supervision/checks/:orgId', { schema: { params: OrgParams } }, async (req, reply) => {
    const a = await agencyChecks(req.ctx, req.params.orgId);
    return reply.page(
      <OrgPage view={reply.view()} org={a.org} history={a.history} categories={a.categories} kinds={a.kinds} />,
    );
  });

  // The use-cases find the agency and check that the actor supervises it.
  r.post('/console/supervision/checks/:orgId/run', { schema: { params: OrgParams } }, async (req, reply) => {
    const c = await runSiteCheck(req.ctx, req.params.orgId);
    return reply.flashRedirect(`/console/supervision/checks/${req.params.orgId}`, `检查完成：${verdictText(c)}。`);
  });

  r.post(
    '/console/supervision/checks/:orgId/kinds',
    { schema: { params: OrgParams, body: KindsForm } },
    async (req, reply) => {
      const kinds: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.body)) if (k.startsWith('kind_')) kinds[k.slice(5)] = v;
      await setColumnKinds(req.ctx, req.params.orgId, kinds);
      return reply.flashRedirect(`/console/supervision/checks/${req.params.orgId}`, '已保存栏目类型。');
    },
  );
}
