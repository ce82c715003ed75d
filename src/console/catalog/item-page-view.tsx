/** The console page of one item: its fields or edit form, workflow buttons, attachments, history. */
import { ConsoleLayout } from '../layout.js';
import {
  CsrfField,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  beijingTime,
} from '../../platform/views/components.js';
import type { FieldError } from '../../platform/errors.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { rolesAllow } from '../../orgs/index.js';
import {
  ACTION_LABELS,
  availableActions,
  isItemAction,
  isItemStatus,
  STATUS_LABELS,
  type ItemAction,
  type AttachmentWithFile,
  type ItemWithOrg,
  type StaffItemPage,
  VALIDITIES,
  LINKERS,
  CATALOG_QUEUE_ROLES,
} from '../../catalog/index.js';
import { ItemForm, itemFormInput, itemValues } from './item-form.js';
import { LinksAndChannels } from './interpretation-routes.js';

function ActionForms({ view, item, actions }: { view: ViewCtx; item: ItemWithOrg; actions: ItemAction[] }) {
  const base = `/console/items/${item.id}`;
  const has = (a: ItemAction) => actions.includes(a);
  return (
    <section aria-labelledby="wf">
      <h2 id="wf">审核与发布</h2>
      {has('submit') ? (
        <form method="post" action={`${base}/submit`} class="actions">
          <CsrfField token={view.csrf} />
          <button type="submit">{ACTION_LABELS.submit}</button>
        </form>
      ) : null}
      {has('approve') || (has('return') && !has('publish')) ? (
        <form method="post" action={`${base}/review`}>
          <CsrfField token={view.csrf} />
          <TextArea name="comment" label="审核意见（退回时必填）" rows={3} />
          {has('approve') ? (
            <button type="submit" name="decision" value="approve">
              {ACTION_LABELS.approve}
            </button>
          ) : null}{' '}
          {has('return') && !has('publish') ? (
            <button type="submit" name="decision" value="return" class="secondary">
              {ACTION_LABELS.return}
            </button>
          ) : null}
        </form>
      ) : null}
      {has('publish') ? (
        <form method="post" action={`${base}/publish`}>
          <CsrfField token={view.csrf} />
          <TextField
            name="publishOn"
            label="发布日期"
            type="date"
            hint="留空或今天：立即发布；以后的日期：到期自动发布。"
          />
          <TextArea name="comment" label="签发意见（退回时必填）" rows={2} />
          <button type="submit">签发并发布</button>{' '}
          <button type="submit" formaction={`${base}/review`} name="decision" value="return" class="secondary">
            {ACTION_LABELS.return}
          </button>
        </form>
      ) : null}
      {has('withdraw') ? (
        <form method="post" action={`${base}/withdraw`}>
          <CsrfField token={view.csrf} />
          <TextArea name="reason" label="撤回理由" required rows={2} />
          <button type="submit" class="danger">
            撤回
          </button>
        </form>
      ) : null}
      {has('set_validity') ? (
        <form method="post" action={`${base}/validity`}>
          <CsrfField token={view.csrf} />
          <SelectField name="validity" label="有效性" value={item.validity} options={VALIDITIES.map((v) => [v, v])} />
          <TextField name="validityOn" label="变更日期" type="date" />
          <TextField name="replacedById" label="替代文件（信息编号，可不填）" inputmode="numeric" />
          <button type="submit">变更有效性</button>
        </form>
      ) : null}
      {has('correct') ? (
        <form method="post" action={`${base}/correct`}>
          <CsrfField token={view.csrf} />
          <h3>勘误（保留原版本并公开勘误说明）</h3>
          <TextField name="title" label="名称" value={item.title} />
          <TextArea name="bodyHtml" label="正文" value={item.body_html} rows={8} />
          <TextArea name="revisionNote" label="勘误说明（公开显示）" required rows={2} />
          <button type="submit">保存勘误</button>
        </form>
      ) : null}
      {!actions.filter((a) => a !== 'edit').length ? <p class="muted">当前没有您可以执行的操作。</p> : null}
    </section>
  );
}

function Attachments({
  view,
  item,
  list,
  editable,
}: {
  view: ViewCtx;
  item: ItemWithOrg;
  list: AttachmentWithFile[];
  editable: boolean;
}) {
  return (
    <section aria-labelledby="att">
      <h2 id="att">附件</h2>
      {list.length ? (
        <ul>
          {list.map((a) => (
            <li>
              <a href={`/console/items/${item.id}/files/${a.id}`}>{a.filename}</a>{' '}
              <span class="muted">（{Math.ceil(a.size / 1024)} KB）</span>
              {editable ? (
                <form method="post" action={`/console/items/${item.id}/attachments/${a.id}/delete`} class="actions">
                  <CsrfField token={view.csrf} />
                  <button type="submit" class="secondary">
                    删除
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">没有附件。</p>
      )}
      {editable ? (
        <form method="post" action={`/console/items/${item.id}/attachments`} enctype="multipart/form-data">
          <CsrfField token={view.csrf} />
          <div class="field">
            <label for="f-file">上传附件（PDF、OFD、DOC/DOCX、XLS/XLSX、WPS、图片、ZIP）</label>
            <input type="file" id="f-file" name="file" required />
          </div>
          <button type="submit">上传</button>
        </form>
      ) : null}
      {editable ? (
        <form method="post" action={`/console/items/${item.id}/docx`} enctype="multipart/form-data">
          <CsrfField token={view.csrf} />
          <div class="field">
            <label for="f-docx">用 Word 文档（DOCX）填充正文（替换现有正文）</label>
            <input type="file" id="f-docx" name="file" required accept=".docx" />
          </div>
          <button type="submit" class="secondary">
            填充正文
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function ItemPage({
  view,
  d,
  errors,
  values,
}: {
  view: ViewCtx;
  d: StaffItemPage;
  errors?: FieldError[];
  values?: ReturnType<typeof itemFormInput>;
}) {
  const { item } = d;
  const actions = availableActions(d.workflow, view.actor);
  // What the editor of a returned item has to fix, at the top rather than in the history below.
  const lastReturn = [...d.reviews].reverse().find((r) => r.action === 'return');
  return (
    <ConsoleLayout view={view} title={item.title} wide>
      <p>
        <a href="/console/items">← 信息列表</a> ·{' '}
        {rolesAllow(view.actor, CATALOG_QUEUE_ROLES) ? (
          <>
            <a href="/console/items/queue">我的待办</a> ·{' '}
          </>
        ) : null}
        <a href={`/console/items/${item.id}/preview`}>预览公开页面</a>
        {item.status === 'published' ? (
          <>
            {' · '}
            <a href={`/gk/items/${item.id}`}>查看公开页面</a>
          </>
        ) : null}
      </p>
      {/* With the edit form on the page, its own summary lists the errors (one summary, one id). */}
      {actions.includes('edit') ? null : <ErrorSummary errors={errors} />}
      <dl class="meta">
        <dt>索引号</dt>
        <dd>{item.index_no}</dd>
        <dt>状态</dt>
        <dd>{isItemStatus(item.status) ? STATUS_LABELS[item.status] : item.status}</dd>
        <dt>发布机构</dt>
        <dd>{item.org_name}</dd>
        <dt>编写人</dt>
        <dd>{item.author_name ?? '—'}</dd>
        <dt>保密审查</dt>
        <dd>{item.secrecy_reviewer ?? '—'}</dd>
        <dt>合法性审查</dt>
        <dd>
          {item.legality_reviewer ??
            (item.is_normative || item.is_rule || item.legality_required ? '待审查' : '不适用')}
        </dd>
        <dt>签发</dt>
        <dd>{item.approver ?? '—'}</dd>
        <dt>发布日期</dt>
        <dd>{item.published_on ?? '—'}</dd>
        <dt>有效性</dt>
        <dd>{item.validity}</dd>
        <dt>公开时效（条例第二十六条）</dt>
        <dd>
          {d.timeliness}
          {d.timelinessNote ? <span class="provisional-note">{d.timelinessNote}</span> : null}
        </dd>
        {item.status === 'returned' && lastReturn?.comment ? (
          <>
            <dt>退回意见</dt>
            <dd data-testid="return-comment">
              {lastReturn.comment}（
              {(lastReturn.actor_id != null ? d.names.get(lastReturn.actor_id) : undefined) ?? lastReturn.actor_label}，
              {beijingTime(lastReturn.created_at)}）
            </dd>
          </>
        ) : null}
        {item.withdrawn_reason ? (
          <>
            <dt>撤回理由</dt>
            <dd>{item.withdrawn_reason}</dd>
          </>
        ) : null}
      </dl>
      {actions.includes('edit') ? (
        <section aria-labelledby="edit">
          <h2 id="edit">修改</h2>
          <ItemForm
            action={`/console/items/${item.id}`}
            csrf={view.csrf}
            values={values ?? itemValues(item)}
            errors={errors}
            categories={d.categories}
            submitLabel="保存"
          />
        </section>
      ) : (
        <section aria-labelledby="body">
          <h2 id="body">正文</h2>
          <div class="item-body" dangerouslySetInnerHTML={{ __html: item.body_html }} />
        </section>
      )}
      <Attachments view={view} item={item} list={d.attachments} editable={actions.includes('edit')} />
      <ActionForms view={view} item={item} actions={actions} />
      <LinksAndChannels
        view={view}
        item={item}
        links={d.links}
        channels={d.channels}
        editable={rolesAllow(view.actor, LINKERS, item.org_path)}
      />
      <section aria-labelledby="hist">
        <h2 id="hist">办理记录</h2>
        <ol>
          {d.reviews.map((r) => (
            <li>
              {beijingTime(r.created_at)} {(r.actor_id != null ? d.names.get(r.actor_id) : undefined) ?? r.actor_label}
              ：
              {r.action === 'create'
                ? '新建'
                : r.action === 'import'
                  ? '导入'
                  : isItemAction(r.action)
                    ? ACTION_LABELS[r.action]
                    : r.action}
              {r.from_status !== r.to_status && isItemStatus(r.to_status) ? `（→ ${STATUS_LABELS[r.to_status]}）` : ''}
              {r.comment ? `；意见：${r.comment}` : ''}
            </li>
          ))}
        </ol>
        {d.versions.length ? (
          <>
            <h3>历史版本</h3>
            <ul>
              {d.versions.map((v) => (
                <li>
                  第 {v.version} 版「{v.title}」，{v.corrected_on} 由 {v.corrected_by} 勘误：{v.revision_note}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </ConsoleLayout>
  );
}
