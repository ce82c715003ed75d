/** The public item page (metadata table, body, attachments, links, revision notes) and its print view. */
import { PortalLayout } from '../../platform/views/portal-layout.js';
import { DocNo } from '../doc-no.js';
import type { ComponentChildren } from 'preact';
import {
  isItemStatus,
  STATUS_LABELS,
  type AttachmentWithFile,
  type ItemVersionRow,
  type ItemWithOrg,
  type PublicLinks,
} from '../../catalog/index.js';
import type { ViewCtx } from '../../platform/http/types.js';
import { assetUrl } from '../../platform/http/static-assets.js';
import { attachmentLabel } from './attachment-label.js';

type Links = PublicLinks;

/** 政策解读 ↔ 解读的文件: links to other public items, under a heading. */
function LinkList({ id, title, items }: { id: string; title: string; items: Array<{ id: number; title: string }> }) {
  return items.length ? (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul>
        {items.map((l) => (
          <li>
            <a href={`/gk/items/${l.id}`}>{l.title}</a>
          </li>
        ))}
      </ul>
    </section>
  ) : null;
}

/** 勘误说明: the public notes of earlier corrections. */
function RevisionNotes({ versions }: { versions: ItemVersionRow[] }) {
  return versions.length ? (
    <section aria-labelledby="rev">
      <h2 id="rev">勘误说明</h2>
      <ul>
        {versions.map((v) => (
          <li>
            {v.corrected_on}：{v.revision_note}
          </li>
        ))}
      </ul>
    </section>
  ) : null;
}

/** The metadata table gov.cn shows above a document (REFERENCE §5.3). */
function MetaTable({ item, preview }: { item: ItemWithOrg; preview?: boolean }) {
  const row = (k: string, v: ComponentChildren) => (
    <tr>
      <th scope="row">{k}</th>
      <td>{v ?? ''}</td>
    </tr>
  );
  return (
    <table class="item-meta">
      <tbody>
        {row('索引号', item.index_no)}
        {row('主题分类', item.topic)}
        {row('发布机构', item.org_name)}
        {row('成文日期', item.written_on)}
        {row('名称', item.title)}
        {row('发文字号', <DocNo raw={item.doc_no} />)}
        {row('发布日期', item.published_on ?? (preview ? '（发布时填写）' : ''))}
        {row(
          '有效性',
          item.validity_on && item.validity !== '有效' ? `${item.validity}（${item.validity_on}）` : item.validity,
        )}
      </tbody>
    </table>
  );
}

/** A 失效/废止 document says so first, above everything else, with its replacement when there is one. */
function ValidityNotice({ item, replacedBy }: { item: ItemWithOrg; replacedBy?: { id: number; title: string } }) {
  if (!item.validity || item.validity === '有效') return null;
  return (
    <p class="warning validity-notice" role="note" data-testid="validity-notice">
      <strong>
        本文件已{item.validity}
        {item.validity_on ? `（${item.validity_on}起）` : ''}，仅供查阅。
      </strong>
      {replacedBy ? (
        <>
          {' '}
          现行文件：<a href={`/gk/items/${replacedBy.id}`}>{replacedBy.title}</a>
        </>
      ) : null}
    </p>
  );
}

/** The public item page: the metadata table (索引号 … 有效性), body and revision notes. Also used for the staff preview. */
export function PublicItemPage({
  view,
  item,
  versions,
  attachments,
  links,
  replacedBy,
  replaces = [],
  preview,
}: {
  view: ViewCtx;
  item: ItemWithOrg;
  versions: ItemVersionRow[];
  attachments: AttachmentWithFile[];
  links: Links;
  replacedBy?: { id: number; title: string };
  replaces?: Array<{ id: number; title: string }>;
  preview?: boolean;
}) {
  return (
    <PortalLayout view={view} title={preview ? `预览：${item.title}` : item.title}>
      {preview ? (
        <p class="warning" role="note">
          预览：以下是公开后公众看到的页面。本信息尚未公开（
          {isItemStatus(item.status) ? STATUS_LABELS[item.status] : item.status}）。
          <a href={`/console/items/${item.id}`}>返回编辑</a>
        </p>
      ) : null}
      <p class="no-print">
        <a href={`/gk/${item.org_id}`}>← {item.org_name} 政府信息公开目录</a>
        {preview ? null : (
          <>
            {' · '}
            <a href={`/gk/items/${item.id}/print`}>打印版</a>
          </>
        )}
      </p>
      <ValidityNotice item={item} replacedBy={replacedBy} />
      <MetaTable item={item} preview={preview} />
      <h1>{item.title}</h1>
      {item.summary ? <p class="muted">{item.summary}</p> : null}
      <div class="item-body" dangerouslySetInnerHTML={{ __html: item.body_html }} />
      <LinkList id="qd" title="本文件取代的文件" items={replaces} />
      <LinkList id="jd" title="政策解读" items={links.interpretations} />
      <LinkList id="wj" title="解读的文件" items={links.documents} />
      {attachments.length ? (
        <section aria-labelledby="att">
          <h2 id="att">附件</h2>
          <ul>
            {attachments.map((a) => (
              <li>
                <a href={preview ? `/console/items/${item.id}/files/${a.id}` : `/gk/files/${a.id}`}>{a.filename}</a>{' '}
                <span class="muted file-meta">{attachmentLabel(a)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <RevisionNotes versions={versions} />
    </PortalLayout>
  );
}

/** A plain page for printing or saving as PDF: site name, metadata table, body, attachment names, the address. */
export function ItemPrintPage({
  view,
  item,
  versions,
  attachments,
  publicUrl,
}: {
  view: ViewCtx;
  item: ItemWithOrg;
  versions: ItemVersionRow[];
  attachments: AttachmentWithFile[];
  publicUrl: string;
}) {
  return (
    <html lang={view.hant ? 'zh-Hant' : 'zh-CN'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${item.title} - ${view.siteName}`}</title>
        <link rel="stylesheet" href={assetUrl('css/site.css')} />
      </head>
      <body class={view.elder ? 'print-view elder' : 'print-view'}>
        <main id="main">
          <p class="muted">{view.siteName}</p>
          <MetaTable item={item} />
          <h1>{item.title}</h1>
          <div class="item-body" dangerouslySetInnerHTML={{ __html: item.body_html }} />
          {attachments.length ? (
            <section aria-labelledby="att">
              <h2 id="att">附件</h2>
              <ol>
                {attachments.map((a) => (
                  <li>
                    {a.filename} {attachmentLabel(a)}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          <RevisionNotes versions={versions} />
          <p class="muted" data-testid="print-url">
            本页网址：{publicUrl}/gk/items/{item.id}
          </p>
          <p class="no-print">
            <a href={`/gk/items/${item.id}`}>← 返回信息页面</a>（使用浏览器的“打印”功能打印本页或另存为 PDF）
          </p>
        </main>
      </body>
    </html>
  );
}
