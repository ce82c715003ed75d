/**
 * A letter as a printable HTML document laid out like its DOCX (GB/T 9704-2012: A4 type area, title
 * centred, 发文字号, signer centred over the date at the right, 附注, 抄送; /static/css/letter.css).
 */
import { formatChinese } from '../../platform/dates.js';
import { ccLine } from '../../platform/office/gongwen.rules.js';
import { letterNote, type Letter } from '../letters.rules.js';
import { assetUrl } from '../../platform/http/static-assets.js';

/** Renders one letter as a standalone, printable page. */
export function LetterDocument({ letter }: { letter: Letter }) {
  const cc = ccLine(letter.cc ?? []);
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <title>{`${letter.title} ${letter.requestNo}`}</title>
        <link rel="stylesheet" href={assetUrl('css/site.css')} />
        <link rel="stylesheet" href={assetUrl('css/letter.css')} />
      </head>
      <body class="letter">
        <main class="gongwen">
          <h1>{letter.title}</h1>
          {letter.docNo ? (
            <p class="doc-no" data-testid="letter-doc-no">
              {letter.docNo}
            </p>
          ) : null}
          <p class="to">{letter.to}：</p>
          {letter.paragraphs.map((p) => (
            <p>{p}</p>
          ))}
          <div class="signature-block">
            <p class="signer">{letter.signer}</p>
            <p class="date" data-testid="letter-date">
              {formatChinese(letter.date)}
            </p>
          </div>
          <p class="note">{letterNote(letter)}</p>
          {cc ? (
            <p class="cc" data-testid="letter-cc">
              {cc}
            </p>
          ) : null}
        </main>
      </body>
    </html>
  );
}
