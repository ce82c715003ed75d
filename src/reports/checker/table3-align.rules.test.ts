import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TABLE3_ROWS_2019, TABLE3_ROWS_2021 } from '../report-format.rules.js';
import { alignTable3, labelSimilarity } from './table3-align.rules.js';
import { extractReport } from './extract.rules.js';
import { expandRows, type Grid } from './grid.rules.js';
import { checkIdentities } from '../identities.rules.js';

/** A text layer as a grid: one row per line, cells split at tabs. */
const layer = (text: string): Grid[] => [
  expandRows(
    text.split('\n').map((l) =>
      l
        .split('\t')
        .filter(Boolean)
        .map((t) => ({ text: t })),
    ),
  ),
];
const seven = (n: number): string => [n, 0, 0, 0, 0, 0, n].join('\t');

describe('label similarity', () => {
  it('ignores punctuation, keeps enumerators, tolerates a lost word', () => {
    assert.equal(labelSimilarity('1、其他', '3.其他'), labelSimilarity('1其他', '3其他'));
    assert.equal(labelSimilarity('（一）予以公开', '(一) 予以公开'), 1);
    assert.ok(labelSimilarity('2.其他法律行政止公开', '2.其他法律行政法规禁止公开') > 0.7);
    assert.ok(labelSimilarity('2.其他法律行政止公开', '1.属于国家秘密') < 0.1);
    assert.ok(labelSimilarity('1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作') < 0.2);
  });
});

describe('aligning rows of figures with the official rows', () => {
  const labels = (rows: readonly { label: string }[]) => rows.map((r) => ({ texts: [r.label] }));
  it('every official row in order: 2021 when there are three （六） rows, 2019 when there is one', () => {
    const a = alignTable3(labels(TABLE3_ROWS_2021));
    assert.equal(a.format, '2021');
    assert.deepEqual(a.missing, []);
    assert.deepEqual(
      TABLE3_ROWS_2021.map((r) => a.rows.get(r.key)),
      TABLE3_ROWS_2021.map((_, i) => i),
    );
    const b = alignTable3(labels(TABLE3_ROWS_2019));
    assert.equal(b.format, '2019');
    assert.deepEqual(b.missing, []);
  });
  it('a row left out is the one reported missing, even when the neighbours’ labels are poor', () => {
    // Row 11 is 4.1, printed with its group label only (as r04's text layer does).
    const rows = labels(TABLE3_ROWS_2021.filter((r) => r.key !== '3.8')).map((r, i) =>
      i === 11 ? { texts: ['（四）无法提供'] } : r,
    );
    const a = alignTable3(rows);
    assert.deepEqual(
      a.missing.map((r) => r.key),
      ['3.8'],
    );
    assert.equal(a.rows.get('4.1'), 11);
  });
  it('rows without any label still take their places by order', () => {
    const a = alignTable3(TABLE3_ROWS_2021.map(() => ({ texts: [] })));
    assert.deepEqual(a.missing, []);
  });
  it('a table cut off before （六） takes the format of table 二', () => {
    const cut = labels(TABLE3_ROWS_2021.slice(0, 15));
    assert.equal(alignTable3(cut, '2021').format, '2021');
    assert.equal(alignTable3(cut, '2019').format, '2019');
  });
});

describe('reading table 三 from a text layer', () => {
  const head =
    '一、本年新收政府信息公开申请数量\t' + seven(3) + '\n二、上年结转政府信息公开申请数量\t' + seven(0) + '\n';
  const body = (rows: string[]): string =>
    head + rows.join('\n') + '\n（七）总计\t' + seven(3) + '\n四、结转下年度继续办理\t' + seven(0) + '\n';
  const leaves2019 = TABLE3_ROWS_2019.filter((r) => r.kind === 'leaf');

  it('a label above its figures, one below, one split around them: all found, nothing missing', () => {
    const rows = leaves2019.map(
      (r) => `${r.label}\t${seven(r.key === '1' || r.key === '2' || r.key === '4.1' ? 1 : 0)}`,
    );
    rows[1] = '（二）部分公开（区分处理的，只计这一情\n' + seven(1) + '\n形，不计其他情形）';
    rows[10] = '（四）无法提供\t' + seven(1) + '\n1.本机关不掌握相关政府信息';
    const ex = extractReport(layer(body(rows)));
    assert.deepEqual(ex.missingRows, []);
    assert.equal(ex.tables.format, '2019');
    assert.deepEqual(ex.tables.table3['2'], [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(ex.tables.table3['4.1'], [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(checkIdentities(ex.tables, null, { unknown: new Set(ex.unknown) }), []);
  });
  it('a row truly absent is missing, and the identities that need it are not judged', () => {
    const rows = leaves2019.filter((r) => r.key !== '5.2').map((r) => `${r.label}\t${seven(r.key === '1' ? 3 : 0)}`);
    const ex = extractReport(layer(body(rows)));
    assert.deepEqual(ex.missingRows, ['2.重复申请']);
    const v = checkIdentities(ex.tables, null, { unknown: new Set(ex.unknown) });
    assert.deepEqual(v, []);
  });
  it('a figure that is not a number makes its cell unknown, named in Chinese; the other identities are still checked', () => {
    const rows = leaves2019.map(
      (r) =>
        `${r.label}\t${r.key === '1' ? '3\t0\t0\t0\t0\t0\t3' : r.key === '3.1' ? '1O\t0\t0\t0\t0\t0\t0' : seven(0)}`,
    );
    rows[2] += '';
    const text = body(rows).replace('（七）总计\t3\t0', '（七）总计\t4\t0');
    const ex = extractReport(layer(text));
    assert.deepEqual(ex.unknown, ['三:3.1:0']);
    assert.deepEqual(ex.problems, ['表三“1.属于国家秘密”行“自然人”列“1O”不是数字，无法核对。']);
    const v = checkIdentities(ex.tables, null, { unknown: new Set(ex.unknown) });
    // 自然人 of （七）总计 uses the unknown cell: not judged. The 总计 column of （七）总计 (4 vs 3) is.
    assert.deepEqual(
      v.map((x) => [x.code, x.row, x.column]),
      [
        ['row_total', '（七）总计', '总计'],
        ['balance', '一＋二＝三（七）＋四', '自然人'],
      ],
    );
  });
  it('table 四 with 14 figures is not guessed at', () => {
    const ex = extractReport(
      layer('行政复议\t行政诉讼\n结果维持\t结果纠正\n' + Array.from({ length: 14 }, () => '0').join('\t')),
    );
    assert.equal(ex.found.table4, false);
    assert.deepEqual(ex.problems, ['表四的数字行有 14 个单元格（应为 15 个），无法对应到各栏。']);
  });
});
