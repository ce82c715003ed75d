import type { FastifyInstance } from 'fastify';
import { ConsoleLayout } from '../layout.js';
import { CsrfField, Empty, TextField } from '../../platform/views/components.js';
import { Form, IdParams, Int, OptInt, Params, Text, Texts, typed } from '../../platform/http/schemas.js';
import { isAppError, notFound } from '../../platform/errors.js';
import { todayInShanghai } from '../../platform/dates.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { scopePaths } from '../../orgs/index.js';
import { assertAllowed } from '../guard.js';
import { orgFilter } from '../org-filter.js';
import {
  uninterpretedPublishedBy,
  CATALOG_VIEWERS,
  CHANNELS,
  INTERPRETATION_DUE_WORKING_DAYS,
  itemByReference,
  uninterpretedItems,
  type ItemWithOrg,
  type ItemLinks,
  catalogCalendar,
  linkInterpretation,
  setChannels,
} from '../../catalog/index.js';
import { workingDaysBetween } from '../../calendar/index.js';

/** 政策解读 links and other publication channels on the console item page. */
export function LinksAndChannels({
  view,
  item,
  links,
  channels,
  editable,
}: {
  view: ViewCtx;
  item: ItemWithOrg;
  links: ItemLinks;
  channels: string[];
  editable: boolean;
}) {
  const base = `/console/items/${item.id}`;
  return (
    <section aria-labelledby="links">
      <h2 id="links">政策解读与发布渠道</h2>
      {links.interpretations.length ? (
        <p>
          本文件的政策解读：
          {links.interpretations.map((l) => (
            <a href={`/console/items/${l.id}`}>「{l.title}」 </a>
          ))}
        </p>
      ) : null}
      {links.documents.length ? (
        <ul>
          {links.documents.map((l) => (
            <li>
              解读的文件：<a href={`/console/items/${l.id}`}>{l.title}</a>
              {editable ? (
                <form method="post" action={`${base}/links/${l.id}/delete`} class="actions">
                  <CsrfField token={view.csrf} />
                  <button type="submit" class="secondary">
                    取消关联
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <>
          <form method="post" action={`${base}/links`}>
            <CsrfField token={view.csrf} />
            <TextField name="document" label="本信息是政策解读：关联被解读的文件（索引号或信息编号）" />
            <button type="submit">关联</button>
          </form>
          <form method="post" action={`${base}/channels`}>
            <CsrfField token={view.csrf} />
            <fieldset>
              <legend>同时通过以下渠道发布（条例第二十三条）</legend>
              {CHANNELS.map((c) => (
                <label>
                  <input type="checkbox" name="channels" value={c} checked={channels.includes(c)} /> {c}{' '}
                </label>
              ))}
            </fieldset>
            <button type="submit">保存发布渠道</button>
          </form>
        </>
      ) : (
        <p>其他发布渠道：{channels.join('、') || '无'}</p>
      )}
    </section>
  );
}

const LinkForm = Form({ document: Text('被解读的文件（索引号或信息编号）', { maxLength: 100 }) });
const LinkParams = Params({ id: Int('编号'), docId: Int('被解读的文件') });
const ChannelsForm = Form({ channels: Texts('发布渠道', { maxItems: 20 }) });
const UninterpretedQuery = Form({ org: OptInt('单位') });

/** Console: 政策解读 links, channels, and the list of policy documents still without an interpretation. */
export async function interpretationRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.post('/console/items/:id/links', { schema: { params: IdParams, body: LinkForm } }, async (req, reply) => {
    const { id } = req.params;
    const ref = req.body.document;
    const doc = await itemByReference(req.ctx.db, ref);
    try {
      if (!doc) throw notFound('item_not_found', `没有索引号或编号为“${ref}”的信息。`);
      await linkInterpretation(req.ctx, { interpretationId: id, documentId: doc.id });
      return reply.flashRedirect(`/console/items/${id}`, '已关联被解读的文件。');
    } catch (e) {
      if (!isAppError(e) || !['invalid', 'not_found'].includes(e.kind)) throw e;
      return reply.flashRedirect(`/console/items/${id}`, `未关联：${e.errors[0]?.message ?? ''}`);
    }
  });

  r.post('/console/items/:id/links/:docId/delete', { schema: { params: LinkParams } }, async (req, reply) => {
    const { id, docId } = req.params;
    await linkInterpretation(req.ctx, { interpretationId: id, documentId: docId, unlink: true });
    return reply.flashRedirect(`/console/items/${id}`, '已取消关联。');
  });

  r.post('/console/items/:id/channels', { schema: { params: IdParams, body: ChannelsForm } }, async (req, reply) => {
    const { id } = req.params;
    await setChannels(req.ctx, { itemId: id, channels: req.body.channels });
    return reply.flashRedirect(`/console/items/${id}`, '已保存发布渠道。');
  });

  r.get('/console/items/uninterpreted', { schema: { querystring: UninterpretedQuery } }, async (req, reply) => {
    const scopes = scopePaths(req.actor, CATALOG_VIEWERS);
    assertAllowed(scopes.length > 0);
    const { paths, org } = await orgFilter(req.ctx.db, scopes, req.query);
    const today = todayInShanghai(req.ctx.now());
    const cal = await catalogCalendar(req.ctx.db);
    const rows = (await uninterpretedItems(req.ctx.db, paths, uninterpretedPublishedBy(cal, today))).map((r) => {
      try {
        return { r, days: workingDaysBetween(cal, r.published_on ?? today, today) };
      } catch {
        return { r, days: null };
      }
    });
    const view = reply.view();
    return reply.page(
      <ConsoleLayout view={view} title="尚无政策解读的政策文件" wide>
        <p class="muted">
          已发布 {INTERPRETATION_DUE_WORKING_DAYS}{' '}
          个工作日以上、仍未关联政策解读的规章、行政规范性文件和“政策文件”类信息（监督检查“政策文件未解读”按同一口径统计）。
        </p>
        {org ? (
          <p>
            仅显示「{org.name}」 · <a href="/console/items/uninterpreted">显示全部单位</a>
          </p>
        ) : null}
        {rows.length ? (
          <ul>
            {rows.map(({ r, days }) => (
              <li>
                <a href={`/console/items/${r.id}`}>{r.title}</a>（{r.org_name}，{r.published_on} 发布
                {days === null ? '' : `，已过 ${days} 个工作日`}）
              </li>
            ))}
          </ul>
        ) : (
          <Empty>所有政策文件都已有政策解读。</Empty>
        )}
      </ConsoleLayout>,
    );
  });
}
