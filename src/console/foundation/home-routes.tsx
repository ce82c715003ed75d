import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { navFor } from '../nav.js';
import { roleLabel, myDisplayName } from '../../orgs/index.js';
import { typed } from '../../platform/http/schemas.js';
import { myWork } from './my-work.js';

/** Widgets other capabilities add to the console home (warnings, counts). */
export type HomeWidget = (
  req: FastifyRequest,
) => Promise<{ title: string; body: string; level?: 'warning' | 'info' } | null>;
const widgets: HomeWidget[] = [];
export const registerHomeWidget = (w: HomeWidget): void => void widgets.push(w);

/** The console home: my work (counts that open lists), warnings that need attention, what the user can do. */
export async function homeRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get('/console', async (req, reply) => {
    const view = reply.view();
    const notes = (await Promise.all(widgets.map((w) => w(req)))).filter((x) => x !== null);
    const work = await myWork(req.ctx);
    const groups = [...new Set(work.map((w) => w.group))];
    const nav = navFor(req.actor);
    const name = await myDisplayName(req.ctx);
    return reply.page(
      <ConsoleLayout view={view} title="工作台首页">
        <p>
          您好，{name || req.actor.label}。您的角色：
          {[...new Set(req.actor.grants.map((g) => roleLabel(g.role)))].join('、') || '无'}
        </p>
        {notes.map((n) => (
          <div class={n.level === 'warning' ? 'warning' : 'card'} role={n.level === 'warning' ? 'alert' : undefined}>
            <strong>{n.title}</strong> {n.body}
          </div>
        ))}
        {work.length ? (
          <section aria-labelledby="my-work-h" data-testid="my-work">
            <h2 id="my-work-h">我的工作</h2>
            <p class="muted">
              有待办时，每天早上另发一份摘要（<a href="/console/account/digest">设置接收方式</a>）。
            </p>
            {groups.map((g) => (
              <div class="work-group">
                <h3>{g}</h3>
                <ul class="work-counts">
                  {work
                    .filter((w) => w.group === g)
                    .map((w) => (
                      <li>
                        <a
                          href={w.href}
                          class={`work-count${w.count ? (w.level === 'bad' ? ' bad' : ' due') : ''}`}
                          data-testid="work-count"
                        >
                          <span class="n">{w.count}</span>
                          <span class="label">{w.label}</span>
                        </a>
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </section>
        ) : null}
        <h2>功能</h2>
        <div class="cards">
          {nav.map((n) => (
            <a class="card" href={n.href}>
              <strong>{n.label}</strong>
              <br />
              <span class="muted">{n.group}</span>
            </a>
          ))}
        </div>
      </ConsoleLayout>,
    );
  });
}
