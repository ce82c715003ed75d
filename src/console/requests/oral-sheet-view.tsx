/** The oral-request confirmation sheet as a printable page (the applicant checks and signs it). */
import { formatChinese } from '../../platform/dates.js';
import type { OralSheet } from '../../requests/oral-sheet.rules.js';
import { assetUrl } from '../../platform/http/static-assets.js';

/** Renders the sheet as a standalone, printable page. */
export function OralSheetDocument({ sheet }: { sheet: OralSheet }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <title>{`${sheet.title} ${sheet.requestNo}`}</title>
        <link rel="stylesheet" href={assetUrl('css/site.css')} />
      </head>
      <body class="letter">
        <main>
          <h1>{sheet.title}</h1>
          <p class="muted">申请编号：{sheet.requestNo}</p>
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
          <p>
            {`代为填写人：${sheet.recordedBy}\u3000\u3000填写日期：${formatChinese(sheet.recordedOn)}`}
          </p>
          <p class="signature">{'申请人签字：＿＿＿＿＿＿＿＿\u3000\u3000确认日期：＿＿＿＿年＿＿月＿＿日'}</p>
        </main>
      </body>
    </html>
  );
}
