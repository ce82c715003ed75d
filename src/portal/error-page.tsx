import type { ViewCtx } from '../platform/http/types.js';
import type { FieldError } from '../platform/errors.js';
import { PortalLayout } from './layout.js';
import { ConsoleLayout } from '../console/layout.js';

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

/** Chinese error pages (403, 404, 500 …) in the portal or console layout. */
export function ErrorPage({ view, status, errors }: { view: ViewCtx; status: number; errors: FieldError[] }) {
  const title = TITLES[status] ?? '出错了';
  const body = (
    <div class="error-page">
      <p class="status-code">错误代码 {status}</p>
      <ul>
        {errors.map((e) => (
          <li>{e.message}</li>
        ))}
      </ul>
      <p>
        <a href={view.path.startsWith('/console') ? '/console' : '/'}>返回首页</a>
      </p>
    </div>
  );
  if (view.path.startsWith('/console'))
    return (
      <ConsoleLayout view={view} title={title}>
        {body}
      </ConsoleLayout>
    );
  return (
    <PortalLayout view={view} title={title}>
      <h1>{title}</h1>
      {body}
    </PortalLayout>
  );
}
