import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { Empty } from '../../platform/views/components.js';
import { addDays, todayInShanghai } from '../../platform/dates.js';
import { scopePaths } from '../../orgs/index.js';
import { assertAllowed } from '../guard.js';
import {
  CATALOG_VIEWERS,
  timelinessCandidates,
  type ItemWithOrg,
  catalogCalendar,
  lateBucket,
  timeliness,
  timelinessLabel,
  DUE_SOON_WORKING_DAYS,
  isItemStatus,
  STATUS_LABELS,
} from '../../catalog/index.js';
import { typed } from '../../platform/http/schemas.js';

type Bucket = 'published_late' | 'overdue' | 'due_soon';
const TITLES: Record<Bucket, string> = {
  overdue: '超过 20 个工作日仍未公开',
  due_soon: `${DUE_SOON_WORKING_DAYS} 个工作日内到期、尚未公开`,
  published_late: '逾期公开（已发布）',
};

/** Console: per agency, items published late and items about to be late (条例第二十六条). */
export async function lateRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get('/console/items/late', async (req, reply) => {
    const paths = scopePaths(req.actor, CATALOG_VIEWERS);
    assertAllowed(paths.length > 0);
    const today = todayInShanghai(req.ctx.now());
    const cal = await catalogCalendar(req.ctx.db);
    const rows = await timelinessCandidates(req.ctx.db, paths, addDays(today, -400));
    const lists: Record<Bucket, Array<{ r: ItemWithOrg; label: string }>> = {
      overdue: [],
      due_soon: [],
      published_late: [],
    };
    const perOrg = new Map<string, Record<Bucket, number>>();
    for (const r of rows) {
      const t = timeliness(cal, r.created_on, r.status === 'published' ? r.published_on : null, today);
      const b = lateBucket(t);
      if (!b) continue;
      lists[b].push({ r, label: timelinessLabel(t) });
      const o = perOrg.get(r.org_name) ?? { overdue: 0, due_soon: 0, published_late: 0 };
      o[b]++;
      perOrg.set(r.org_name, o);
    }
    const view = reply.view();
    return reply.page(
      <ConsoleLayout view={view} title="公开时效（条例第二十六条）" wide>
        <p class="muted">主动公开的政府信息应自形成或变更之日起 20 个工作日内公开。统计近 400 天内生成的信息。</p>
        {perOrg.size ? (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">机构</th>
                  <th scope="col">{TITLES.overdue}</th>
                  <th scope="col">{TITLES.due_soon}</th>
                  <th scope="col">{TITLES.published_late}</th>
                </tr>
              </thead>
              <tbody>
                {[...perOrg].map(([name, o]) => (
                  <tr>
                    <td>{name}</td>
                    <td>{o.overdue}</td>
                    <td>{o.due_soon}</td>
                    <td>{o.published_late}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty>没有逾期或即将逾期的信息。</Empty>
        )}
        {(Object.keys(TITLES) as Bucket[]).map((b) =>
          lists[b].length ? (
            <section>
              <h2>{TITLES[b]}</h2>
              <ul>
                {lists[b].map(({ r, label }) => (
                  <li>
                    <a href={`/console/items/${r.id}`}>{r.title}</a>（{r.org_name}，生成日期 {r.created_on}，
                    {isItemStatus(r.status) ? STATUS_LABELS[r.status] : r.status}）：{label}
                  </li>
                ))}
              </ul>
            </section>
          ) : null,
        )}
      </ConsoleLayout>,
    );
  });
}
