import type { ComponentChildren } from 'preact';
import type { ViewCtx } from '../http/types.js';
import { Flash } from './components.js';
import { assetUrl } from '../http/static-assets.js';

/** Public portal layout: Simplified Chinese, skip link, landmarks, 适老化 and 简/繁 switches. */
/** An Atom feed a page announces in its head (feed auto-discovery). */
export interface PageFeed {
  href: string;
  title: string;
}

export function PortalLayout({
  view,
  title,
  children,
  search,
  feeds,
}: {
  view: ViewCtx;
  title: string;
  children: ComponentChildren;
  search?: string;
  feeds?: PageFeed[];
}) {
  const back = encodeURIComponent(view.url);
  return (
    <html lang={view.hant ? 'zh-Hant' : 'zh-CN'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - ${view.siteName}`}</title>
        <link rel="stylesheet" href={assetUrl('css/site.css')} />
        <link rel="icon" type="image/svg+xml" href={assetUrl('favicon.svg')} />
        <script src={assetUrl('js/app.js')} defer></script>
        {(feeds ?? []).map((f) => (
          <link rel="alternate" type="application/atom+xml" title={f.title} href={f.href} />
        ))}
      </head>
      <body class={view.elder ? 'portal elder' : 'portal'}>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              {view.siteName}
            </a>
            <nav class="tools" aria-label="阅读设置">
              <a href={`/prefs/elder?on=${view.elder ? 0 : 1}&back=${back}`}>
                {view.elder ? '标准模式' : '长者模式（大字）'}
              </a>
              <a
                href={`/prefs/script?v=${view.hant ? 'hans' : 'hant'}&back=${back}`}
                lang={view.hant ? 'zh-CN' : 'zh-Hant'}
              >
                {view.hant ? '简体' : '繁體'}
              </a>
              <a href="/console">工作人员登录</a>
            </nav>
          </div>
          <nav class="main-nav wrap" aria-label="主导航">
            <a href="/">首页</a>
            <a href="/gk">政府信息公开</a>
            <a href="/ysqgk">依申请公开</a>
            <a href="/hd">互动交流</a>
            <a href="/reports">年度报告</a>
            <a href="/stats">统计数据</a>
            <a href="/tools/deadline">期限计算器</a>
          </nav>
          <form class="search-box wrap" role="search" action="/search" method="get">
            <label for="site-q" class="visually-hidden">
              搜索政府信息
            </label>
            <input id="site-q" name="q" type="search" value={search ?? ''} placeholder="搜索政府信息、文号、索引号" />
            <button type="submit">搜索</button>
          </form>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          <Flash message={view.flash} />
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{view.siteName} · 依据《中华人民共和国政府信息公开条例》提供服务</p>
            <p>
              <a href="/sitemap">网站地图</a> · <a href="/api/v1/docs">开放接口</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
