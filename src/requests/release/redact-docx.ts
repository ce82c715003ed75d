/**
 * Redacts a DOCX: in the body, headers, footers, footnotes and endnotes, the text found (身份证号,
 * 手机号, the names and phrases given) is replaced by ■ (one per character) followed by the reason, even
 * when it spans several runs. Deleted text of tracked changes is dropped and insertions are accepted;
 * comments (parts, ranges and references) and the document properties (core, app, custom) are removed.
 * The archive is opened within zip-bomb limits (platform/archive-limits).
 */
import { ArchiveRefused, readZip } from '../../platform/archive-limits.js';
import { invalid } from '../../platform/errors.js';
import { REDACTION_REASONS, findSensitive, reasonOf } from './redaction.rules.js';

/** What to remove: phrases with their reasons, and the reason for 身份证号/手机号/names found automatically (null: none). */
export interface DocxRedaction {
  terms?: ReadonlyArray<{ text: string; reason: string }>;
  names?: readonly string[];
  /** Reason for the patterns and names found automatically; omit to search for the terms only. */
  found?: string;
}

const TEXT_PARTS = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;
const DROP_PARTS =
  /^(word\/(comments|commentsExtended|commentsIds|commentsExtensible|people)\.xml|docProps\/(core|app|custom)\.xml|customXml\/.*)$/;
const DROP_ELEMENTS = [
  'w:del',
  'w:moveFrom',
  'w:rPrChange',
  'w:pPrChange',
  'w:sectPrChange',
  'w:tblPrChange',
  'w:trPrChange',
  'w:tcPrChange',
  'w:numberingChange',
  'w:commentRangeStart',
  'w:commentRangeEnd',
  'w:moveFromRangeStart',
  'w:moveFromRangeEnd',
  'w:moveToRangeStart',
  'w:moveToRangeEnd',
  'w:customXmlInsRangeStart',
  'w:customXmlInsRangeEnd',
  'w:customXmlDelRangeStart',
  'w:customXmlDelRangeEnd',
];
/** Entry times say nothing about the original's history. */
const FIXED_DATE = new Date('1980-01-01T00:00:00Z');
const sel = (tag: string) => tag.replace(':', '\\:');

type Range = { start: number; end: number; reason: string };

function ranges(text: string, r: DocxRedaction): Range[] {
  const all: Range[] = [];
  if (r.found)
    for (const m of findSensitive(text, r.names ?? [])) all.push({ start: m.start, end: m.end, reason: r.found });
  for (const t of r.terms ?? []) {
    const s = t.text.trim();
    if (!s) continue;
    for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + s.length))
      all.push({ start: at, end: at + s.length, reason: t.reason });
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const x of all) {
    const last = merged[merged.length - 1];
    if (last && x.start < last.end) last.end = Math.max(last.end, x.end);
    else merged.push({ ...x });
  }
  return merged;
}

/** The redacted DOCX and how many places were replaced, with the reasons used. */
export async function redactDocx(
  data: Buffer,
  r: DocxRedaction,
): Promise<{ docx: Buffer; count: number; reasons: string[] }> {
  for (const t of r.terms ?? [])
    if (!reasonOf(t.reason))
      throw invalid('redaction_reason', `“${t.text}”须选择不予公开的理由（条例第十四条至第十六条）。`, 'terms');
  if (r.found !== undefined && !reasonOf(r.found))
    throw invalid('redaction_reason', '请选择不予公开的理由（条例第十四条至第十六条）。', 'terms');
  let entries: Array<{ name: string; data: Buffer }>;
  try {
    entries = readZip(data);
  } catch (e) {
    throw invalid('release_docx_unreadable', e instanceof ArchiveRefused ? e.message : 'DOCX文件无法读取。', 'file');
  }
  if (!entries.some((e) => e.name === 'word/document.xml'))
    throw invalid('release_docx_unreadable', '文件不是有效的DOCX文档（缺少 word/document.xml）。', 'file');
  const cheerio = await import('cheerio');
  const JSZip = (await import('jszip')).default;
  const out = new JSZip();
  let count = 0;
  const used = new Set<string>();
  const dropped = entries.filter((e) => DROP_PARTS.test(e.name)).map((e) => e.name);
  for (const e of entries) {
    if (DROP_PARTS.test(e.name) || e.name.endsWith('/')) continue;
    let body: string | Buffer = e.data;
    if (TEXT_PARTS.test(e.name)) {
      const $ = cheerio.load(e.data.toString('utf8'), { xml: { xmlMode: true, decodeEntities: true } });
      for (const tag of DROP_ELEMENTS) $(sel(tag)).remove();
      $(sel('w:r'))
        .filter((_, el) => $(el).find(sel('w:commentReference')).length > 0)
        .remove();
      for (const tag of ['w:ins', 'w:moveTo']) $(sel(tag)).each((_, el) => void $(el).replaceWith($(el).contents()));
      $(sel('w:p')).each((_, p) => {
        const nodes = $(p).find(sel('w:t')).toArray();
        const texts = nodes.map((n) => $(n).text());
        const found = ranges(texts.join(''), r);
        if (!found.length) return;
        let offset = 0;
        nodes.forEach((n, i) => {
          const t = texts[i]!;
          let next = '';
          for (let k = 0; k < t.length; k++) {
            const at = offset + k;
            const hit = found.find((x) => at >= x.start && at < x.end);
            if (!hit) next += t[k];
            else if (at === hit.start) next += '■'.repeat(hit.end - hit.start) + `（${reasonOf(hit.reason)!.short}）`;
          }
          offset += t.length;
          if (next !== t) $(n).text(next).attr('xml:space', 'preserve');
        });
        count += found.length;
        for (const x of found) used.add(x.reason);
      });
      body = $.xml();
    } else if (e.name === '[Content_Types].xml' || e.name.endsWith('.rels')) {
      const $ = cheerio.load(e.data.toString('utf8'), { xml: { xmlMode: true } });
      $('Override')
        .filter((_, el) => dropped.includes(($(el).attr('PartName') ?? '').replace(/^\//, '')))
        .remove();
      $('Relationship')
        .filter((_, el) =>
          /comments|commentsExtended|commentsIds|commentsExtensible|people|core-properties|extended-properties|custom-properties|customXml/i.test(
            $(el).attr('Type') ?? '',
          ),
        )
        .remove();
      body = $.xml();
    }
    out.file(e.name, body, { date: FIXED_DATE });
  }
  const reasons = REDACTION_REASONS.map((x) => x.code).filter((c) => used.has(c));
  return { docx: await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), count, reasons };
}
