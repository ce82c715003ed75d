/** The oral-request confirmation sheet as a printable page (the applicant checks and signs it). */
import { formatChinese } from '../../platform/dates.js';
import { SIGN_LINES, type OralSheet } from '../../requests/index.js';
import { assetUrl } from '../../platform/http/static-assets.js';

/** Renders the sheet as a standalone, printable page. */
export function OralSheetDocument({ sheet }: { sheet: OralSheet }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <title>{`${sheet.title} ${sheet.requestNo}`}</title>
        <link rel="stylesheet" href={assetUrl('css/site.css')} />
        <link rel="stylesheet" href={assetUrl('css/letter.css')} />
      </head>
      <body class="letter">
        <main class="gongwen sheet-page">
          <h1>{sheet.title}</h1>
          <p class="request-no">申请编号：{sheet.requestNo}</p>
          <table class="sheet" data-testid="oral-sheet">
            <tbody>
              {sheet.rows.map(([k, v]) => (
                <tr>
                  <th scope="row">{k}</th>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{sheet.statement}</p>
          <p class="plain" data-testid="recorded-by">
            {`代为填写人：${sheet.recordedBy}\u3000\u3000填写日期：${formatChinese(sheet.recordedOn)}`}
          </p>
          {SIGN_LINES.map((t) => (
            <p class="plain">{t}</p>
          ))}
        </main>
      </body>
    </html>
  );
}
