/** Console: the release package of a case (提供材料): documents, upload, approval, downloads, period. */
import { ConsoleLayout } from '../layout.js';
import { CsrfField, ErrorSummary, TextArea, TextField, beijingTime } from '../../platform/views/components.js';
import type { ViewCtx } from '../../platform/http/types.js';
import type { FieldError } from '../../platform/errors.js';
import { type staffRelease, reasonOf, REDACTABLE_KINDS } from '../../requests/index.js';

type Pkg = Awaited<ReturnType<typeof staffRelease>>;

const size = (n: number | null) =>
  n === null ? '—' : n >= 2 ** 20 ? `${(n / 2 ** 20).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

export function ReleasePage({
  view,
  p,
  canApprove,
  errors,
  answers,
}: {
  view: ViewCtx;
  p: Pkg;
  canApprove: boolean;
  errors?: FieldError[];
  answers?: string;
}) {
  const r = p.request;
  const base = `/console/requests/${r.id}/release`;
  const names = new Map(p.documents.map((d) => [d.id, d.filename]));
  return (
    <ConsoleLayout view={view} title={`提供材料 ${r.request_no}`} wide>
      <p>
        <a href={`/console/requests/${r.id}`}>← 返回申请 {r.request_no}</a>
      </p>
      <p class="hint">
        向申请人提供的政府信息（条例第三十六条）。含有不应公开内容、能够作区分处理的，遮盖后提供其余部分（第三十七条）：原件只在本系统中保存，申请人得到的是“公开文本”。提供材料须由添加或遮盖文件之外的另一人（依申请公开负责人）审核后，申请人才能在办理进度页面凭申请编号和查询码下载。
      </p>
      <ErrorSummary errors={errors} />
      <h2>文件</h2>
      {p.documents.length ? (
        <table class="data" data-testid="release-docs">
          <caption class="visually-hidden">提供材料文件列表</caption>
          <thead>
            <tr>
              <th scope="col">文件</th>
              <th scope="col">答复内容</th>
              <th scope="col">区分处理</th>
              <th scope="col">下载</th>
            </tr>
          </thead>
          <tbody>
            {p.documents.map((d) => {
              const boxes = d.redacted_at ? (JSON.parse(d.boxes) as unknown[]).length : 0;
              return (
                <tr>
                  <td>{d.filename}</td>
                  <td>{d.answers}</td>
                  <td>
                    {boxes
                      ? `${d.kind === 'docx' ? '已遮盖' : `遮盖 ${boxes} 处`}：${d.reasons
                          .split(',')
                          .filter(Boolean)
                          .map((c) => reasonOf(c)?.short ?? c)
                          .join('；')}`
                      : '未遮盖'}
                    {REDACTABLE_KINDS.includes(d.kind) ? (
                      <>
                        {' '}
                        <a href={`${base}/${d.id}/redact`}>遮盖（区分处理）</a>
                      </>
                    ) : (
                      <span class="muted">（暂不支持遮盖此类文件）</span>
                    )}
                  </td>
                  <td>
                    <a href={`${base}/${d.id}/original`}>原件</a>（{size(d.original_size)}）{' '}
                    {d.released_sha256 ? (
                      <>
                        <a href={`${base}/${d.id}/released`}>公开文本</a>（{size(d.released_size)}）
                      </>
                    ) : (
                      <span class="muted">公开文本未生成</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p>尚未添加文件。</p>
      )}
      <h2>添加文件</h2>
      <form method="post" action={`${base}/documents`} enctype="multipart/form-data">
        <CsrfField token={view.csrf} />
        <div class="field">
          <label for="f-file">文件（PDF、DOCX、JPEG或PNG）</label>
          <input id="f-file" type="file" name="file" accept=".pdf,.docx,.jpg,.jpeg,.png" required />
        </div>
        <TextArea
          name="answers"
          label="答复内容（该文件答复申请的哪一部分）"
          required
          rows={2}
          value={answers}
          errors={errors}
        />
        <button type="submit">添加</button>
      </form>
      <h3>或从公开目录选择</h3>
      <form method="post" action={`${base}/from-catalog`} data-testid="from-catalog">
        <CsrfField token={view.csrf} />
        <TextField
          name="itemRef"
          label="已公开信息的编号或索引号"
          hint="该信息的附件（PDF、DOCX、JPEG、PNG）逐个加入提供材料。"
          errors={errors}
        />
        <TextField name="catalogAnswers" label="该信息答复申请的哪一部分（可不填，默认为信息名称和索引号）" />
        <button type="submit" class="secondary">
          添加该信息的附件
        </button>
      </form>
      <h2>审核</h2>
      {p.release ? (
        <p data-testid="release-state">
          已审核（{beijingTime(p.release.approved_at)}），申请人可下载至 {p.release.available_until}。
        </p>
      ) : (
        <p data-testid="release-state">待审核：审核通过前申请人看不到提供材料。</p>
      )}
      {canApprove && p.documents.length && !p.release ? (
        <form method="post" action={`${base}/approve`} data-confirm="确认已核对全部文件及遮盖内容，向申请人提供？">
          <CsrfField token={view.csrf} />
          <button type="submit">审核通过，向申请人提供</button>
        </form>
      ) : null}
      {p.release ? (
        <form method="post" action={`${base}/to-item`}>
          <CsrfField token={view.csrf} />
          <p class="hint">
            已依申请转主动（第四十四条）的，可将上述公开文本（不含原件）添加为主动公开信息草稿的附件，经审核后发布。
          </p>
          <button type="submit">将公开文本添加到主动公开信息</button>
        </form>
      ) : null}
      <h2>下载记录</h2>
      {p.downloads.length ? (
        <ul data-testid="release-downloads">
          {p.downloads.map((d) => (
            <li>
              {beijingTime(d.downloaded_at)} {names.get(d.document_id)}
            </li>
          ))}
        </ul>
      ) : (
        <p>申请人尚未下载。</p>
      )}
      {canApprove ? (
        <>
          <h2>下载期限</h2>
          <form method="post" action={`${base}/days`}>
            <CsrfField token={view.csrf} />
            <TextField
              name="days"
              label={`${p.orgName}提供材料的下载期限（天，自审核通过之日起）`}
              value={String(p.days)}
              inputmode="numeric"
              errors={errors}
              required
            />
            <button type="submit">保存</button>
          </form>
        </>
      ) : null}
    </ConsoleLayout>
  );
}
