import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { navFor } from '../nav.js';
import { roleLabel } from '../../orgs/roles.rules.js';

/** Widgets other capabilities add to the console home (warnings, counts). */
export type HomeWidget = (req: FastifyRequest) => Promise<{ title: string; body: string; level?: 'warning' | 'info' } | null>;
const widgets: HomeWidget[] = [];
export const registerHomeWidget = (w: HomeWidget): void => void widgets.push(w);

/** The console home: what the user can do, and warnings that need attention. */
export async function homeRoutes(app: FastifyInstance): Promise<void> {
  app.get('/console', async (req, reply) => {
    const view = reply.view();
    const notes = (await Promise.all(widgets.map((w) => w(req)))).filter((x) => x !== null);
    const nav = navFor(req.actor);
    return reply.page(
      <ConsoleLayout view={view} title="工作台首页">
        <p>
          您好，{req.actor.label}。您的角色：{[...new Set(req.actor.grants.map((g) => roleLabel(g.role)))].join('、') || '无'}
        </p>
        {notes.map((n) => (
          <div class={n.level === 'warning' ? 'warning' : 'card'} role={n.level === 'warning' ? 'alert' : undefined}>
            <strong>{n.title}</strong> {n.body}
          </div>
        ))}
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
