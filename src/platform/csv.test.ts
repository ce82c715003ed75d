import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CsvParser, parseCsv, toCsv } from './csv.js';

const SAMPLE =
  '\ufeff索引号,名称,正文\r\n' +
  'A-1,"关于""河长制""的通知","第一段,含逗号\r\n第二段"\r\n' +
  '\r\n' +
  'A-2,普通标题,"结尾引号"""\n' +
  'A-3,,末行无换行';

test('CSV: quotes, doubled quotes, commas and line breaks in cells, blank lines dropped', () => {
  assert.deepEqual(parseCsv(SAMPLE), [
    ['索引号', '名称', '正文'],
    ['A-1', '关于"河长制"的通知', '第一段,含逗号\r\n第二段'],
    ['A-2', '普通标题', '结尾引号"'],
    ['A-3', '', '末行无换行'],
  ]);
});

test('CSV read in pieces gives the same rows wherever the text is cut (quotes and CR/LF across pieces)', () => {
  const whole = parseCsv(SAMPLE);
  for (let cut = 0; cut <= SAMPLE.length; cut++)
    for (const second of [cut, Math.min(SAMPLE.length, cut + 1), Math.min(SAMPLE.length, cut + 7)]) {
      const p = new CsvParser();
      const rows = [
        ...p.push(SAMPLE.slice(0, cut)),
        ...p.push(SAMPLE.slice(cut, second)),
        ...p.push(SAMPLE.slice(second)),
        ...p.end(),
      ];
      assert.deepEqual(rows, whole, `cut at ${cut} and ${second}`);
    }
});

test('what toCsv writes reads back (formula cells defused with a leading apostrophe)', () => {
  const rows = [
    ['名称', '金额'],
    ['含"引号",和逗号', '=1+1'],
  ];
  assert.deepEqual(parseCsv(toCsv(rows)), [
    ['名称', '金额'],
    ['含"引号",和逗号', "'=1+1"],
  ]);
});
