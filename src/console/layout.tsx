import type { ComponentChildren } from 'preact';
import type { ViewCtx } from '../platform/http/types.js';
import { Flash, CsrfField } from '../platform/views/components.js';
import { navFor } from './nav.js';
import { assetUrl } from '../platform/http/static-assets.js';

/** Staff console layout: navigation follows the user's roles. */
export function ConsoleLayout({
  view,
  title,
  children,
  wide,
}: {
  view: ViewCtx;
  title: string;
  children: ComponentChildren;
  wide?: boolean;
}) {
  const signedIn = view.actor.kind === 'user' && !view.actor.mustChangePassword;
  const nav = signedIn ? navFor(view.actor) : [];
  const groups = [...new Set(nav.map((n) => n.group))];
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - 工作台 - ${view.siteName}`}</title>
        <link rel="stylesheet" href={assetUrl('css/site.css')} />
        <link rel="icon" type="image/svg+xml" href={assetUrl('favicon.svg')} />
        <script src={assetUrl('js/app.js')} defer></script>
      </head>
      <body class={view.elder ? 'console elder' : 'console'}>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        <header class="console-header">
          <div class="header-row">
            <a class="brand" href="/console">
              {view.siteName} · 工作台
            </a>
            {view.actor.kind === 'user' ? (
              <div class="userbox">
                <span data-testid="who" title={view.actor.label}>
                  {view.actor.displayName || view.actor.label}
                </span>
                <a href="/console/account">我的账号</a>
                <form method="post" action="/console/logout" class="inline">
                  <CsrfField token={view.csrf} />
                  <button type="submit" class="link">
                    退出
                  </button>
                </form>
              </div>
            ) : null}
          </div>
        </header>
        <div class={`console-body${nav.length ? '' : ' no-nav'}`}>
          {nav.length ? (
            <nav class="console-nav" aria-label="工作台导航">
              {groups.map((g) => (
                <div class="nav-group">
                  <h2>{g}</h2>
                  <ul>
                    {nav
                      .filter((n) => n.group === g)
                      .map((n) => (
                        <li>
                          <a href={n.href} aria-current={view.path === n.href ? 'page' : undefined}>
                            {n.label}
                          </a>
                        </li>
                      ))}
                  </ul>
                </div>
              ))}
            </nav>
          ) : null}
          <main id="main" class={wide ? 'wide' : ''} tabIndex={-1}>
            <Flash message={view.flash} />
            <h1>{title}</h1>
            {children}
          </main>
        </div>
      </body>
    </html>
  );
}
