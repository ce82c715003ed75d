/** A letter as a printable HTML document (dates written the Chinese way). */
import { formatChinese } from '../../platform/dates.js';
import type { Letter } from '../../requests/letters.rules.js';
import { assetUrl } from '../../platform/http/static-assets.js';

/** Renders one letter as a standalone, printable page. */
export function LetterDocument({ letter }: { letter: Letter }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <title>{`${letter.title} ${letter.requestNo}`}</title>
        <link rel="stylesheet" href={assetUrl('css/site.css')} />
      </head>
      <body class="letter">
        <main>
          <h1>{letter.title}</h1>
          <p class="muted">申请编号：{letter.requestNo}</p>
          <p>{letter.to}：</p>
          {letter.paragraphs.map((p) => (
            <p>{p}</p>
          ))}
          <p class="signature">{letter.signer}</p>
          <p class="signature" data-testid="letter-date">
            {formatChinese(letter.date)}
          </p>
        </main>
      </body>
    </html>
  );
}
