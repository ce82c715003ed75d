/** The body of a Chinese error page (403, 404, 500 …), the same in the portal and the console layouts. */
import type { ViewCtx } from '../http/types.js';
import type { FieldError } from '../errors.js';
import type { Resubmit as ResubmitData } from '../http/expired-form.js';

const TITLES: Record<number, string> = {
  400: '请求有误',
  401: '请先登录',
  403: '无权访问',
  404: '页面不存在',
  409: '操作无法完成',
  413: '内容过大',
  429: '操作过于频繁',
  500: '系统错误',
  503: '服务暂不可用',
};

/** The page's title for a status (an expired form has its own). */
export const errorTitle = (status: number, resubmit?: ResubmitData | null): string =>
  resubmit ? '页面已过期' : (TITLES[status] ?? '出错了');

/** An expired form offered again with a fresh token: what was typed is listed and re-posted; dropped files are chosen again. */
function Resubmit({ view, again }: { view: ViewCtx; again: ResubmitData }) {
  return (
    <form
      method="post"
      action={again.action}
      class="resubmit"
      data-testid="resubmit"
      enctype={again.multipart ? 'multipart/form-data' : undefined}
    >
      <input type="hidden" name="_csrf" value={view.csrf} />
      {again.fields.map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      {again.shown.length ? (
        <details open>
          <summary>您填写的内容</summary>
          <dl>
            {again.shown.map(({ label, value }) => (
              <>
                <dt>{label}</dt>
                <dd class="kept">{value}</dd>
              </>
            ))}
          </dl>
        </details>
      ) : null}
      {again.reselect.map(({ field, names }, i) => (
        <p class="field">
          <label for={`reselect-${i}`}>请重新选择文件</label>
          <span class="hint" id={`reselect-${i}-hint`}>
            您选择的文件无法保留：{names.join('、')}。请重新选择后再提交。
          </span>
          <input type="file" id={`reselect-${i}`} name={field} multiple aria-describedby={`reselect-${i}-hint`} />
        </p>
      ))}
      <button type="submit">重新提交</button>
    </form>
  );
}

/** The status code, the messages, the expired form offered again, and a link home (the console's or the portal's). */
export function ErrorBody({
  view,
  status,
  errors,
  resubmit,
}: {
  view: ViewCtx;
  status: number;
  errors: FieldError[];
  resubmit?: ResubmitData | null;
}) {
  return (
    <div class="error-page">
      <p class="status-code">错误代码 {status}</p>
      <ul>
        {errors.map((e) => (
          <li>{e.message}</li>
        ))}
      </ul>
      {resubmit && view.csrf ? <Resubmit view={view} again={resubmit} /> : null}
      <p>
        <a href={view.path.startsWith('/console') ? '/console' : '/'}>返回首页</a>
      </p>
    </div>
  );
}
