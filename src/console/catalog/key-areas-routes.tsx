import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, TextArea } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { Form, OptText, typed } from '../../platform/http/schemas.js';
import { can } from '../../orgs/index.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { assertAllowed } from '../guard.js';
import {
  DEFAULT_KEY_AREA_MAPPING,
  keyAreaMapping,
  setKeyAreaMapping,
  KEY_AREAS,
  type KeyAreaInput,
} from '../../catalog/index.js';

function KeyAreasPage({ view, v, errors }: { view: ViewCtx; v: KeyAreaInput; errors?: FieldError[] }) {
  return (
    <ConsoleLayout view={view} title="重点领域设置">
      <ErrorSummary errors={errors} />
      <p>
        门户的“重点领域信息公开”页面（<a href="/zdly">/zdly</a>
        ）按公开目录分类汇集各机关的信息：分类名称含下列任一关键词的分类（及其下级分类）属于该领域。关键词每行一个，或用顿号、逗号分隔。
      </p>
      <form method="post" action="/console/catalog/key-areas">
        <CsrfField token={view.csrf} />
        {KEY_AREAS.map((a) => (
          <TextArea
            name={a.slug}
            label={a.name}
            required
            rows={2}
            hint={`默认：${(DEFAULT_KEY_AREA_MAPPING[a.slug] ?? []).join('、')}`}
            value={v[a.slug] ?? ''}
            errors={errors}
          />
        ))}
        <button type="submit">保存</button>
      </form>
    </ConsoleLayout>
  );
}

/** One text field per area (words as typed; the use-case parses and checks them). */
const KeyAreasForm = Form(Object.fromEntries(KEY_AREAS.map((a) => [a.slug, OptText(a.name, { maxLength: 2000 })])));

/** Console: which 公开目录 categories each 重点领域 page lists (system administrators). */
export async function keyAreasConsoleRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get('/console/catalog/key-areas', async (req, reply) => {
    assertAllowed(can(req.actor, 'settings.manage'));
    const mapping = await keyAreaMapping(req.ctx.db);
    const v = Object.fromEntries(KEY_AREAS.map((a) => [a.slug, (mapping[a.slug] ?? []).join('\n')]));
    return reply.page(<KeyAreasPage view={reply.view()} v={v} />);
  });

  // Authorize before validating: a refused user gets 403 whatever was posted.
  const adminsOnly = async (req: FastifyRequest) => assertAllowed(can(req.actor, 'settings.manage'));
  r.post(
    '/console/catalog/key-areas',
    { schema: { body: KeyAreasForm }, preValidation: adminsOnly },
    async (req, reply) => {
      try {
        await setKeyAreaMapping(req.ctx, req.body);
        return reply.flashRedirect('/console/catalog/key-areas', '重点领域设置已保存，门户页面即时生效。');
      } catch (e) {
        if (!isAppError(e) || e.kind !== 'invalid') throw e;
        return reply.page(<KeyAreasPage view={reply.view()} v={req.body} errors={e.errors} />, 400);
      }
    },
  );
}
