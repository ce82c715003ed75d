import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { reportOrigin, sameAgency } from './report-origin.rules.js';
import { batchExit, verdictOf, verdictSummary, VERDICT_EXIT } from './verdict.rules.js';
import { foldRadicals } from '../../platform/cjk-radicals.js';

describe('agency and year of a report', () => {
  const cases: Array<[string, string, string | null, number | null]> = [
    ['淮安市洪泽区人民政府2024年政府信息公开工作年度报告\n本报告由…', 'x.pdf', '淮安市洪泽区人民政府', 2024],
    [
      '洪泽区人民政府\n2023年政府信息公开工作年度报告\n本报告由淮安市洪泽区人民政府办公室根据',
      'x.pdf',
      '洪泽区人民政府',
      2023,
    ],
    ['示例县人民政府2025年政府信息公开工作年度\n报告', 'x.pdf', '示例县人民政府', 2025],
    ['2022年度市交通运输局政府信息公开工作年度报告', 'x.pdf', '市交通运输局', 2022],
    ['# 关于某县教育局2021年度政府信息公开工作年度报告', 'x.pdf', '某县教育局', 2021],
    [
      '一、总体情况\n本报告由某镇人民政府办公室根据《条例》编制，统计期限自2020年1月1日起至2020年12月31日止。',
      'x.pdf',
      '某镇人民政府',
      2020,
    ],
    ['（没有标题）', '城关镇2019年报.pdf', '城关镇', 2019],
    ['（没有标题）', 'report-2019.pdf', null, 2019],
    ['', 'x.pdf', null, null],
  ];
  for (const [lead, file, agency, year] of cases)
    it(`${lead.split('\n')[0].slice(0, 24) || file}`, () =>
      assert.deepEqual(reportOrigin(lead, file), { agency, year }));

  it('the same agency with or without its city; not two agencies with a common suffix', () => {
    assert.ok(sameAgency('洪泽区人民政府', '淮安市洪泽区人民政府'));
    assert.ok(sameAgency('淮安市 洪泽区人民政府', '淮安市洪泽区人民政府'));
    assert.ok(!sameAgency('淮安市人民政府', '淮安市洪泽区人民政府'));
    assert.ok(!sameAgency('人民政府办公室', '洪泽区人民政府办公室'));
    assert.ok(!sameAgency('洪泽区教育局', '洪泽区卫生健康委员会'));
  });
});

describe('verdicts', () => {
  it('有误 wins over what is missing; 无法判断 only when nothing broke; 一致 otherwise', () => {
    assert.equal(verdictOf({ violations: [1], missing: ['x'] }), 'inconsistent');
    assert.equal(verdictOf({ violations: [], missing: ['x'] }), 'undetermined');
    assert.equal(verdictOf({ violations: [], missing: [] }), 'consistent');
    assert.equal(
      verdictSummary('inconsistent', { violations: [1, 2], missing: ['x'] }),
      '有误：发现 2 处不一致；另有 1 处无法核对。',
    );
    assert.equal(
      verdictSummary('undetermined', { violations: [], missing: ['未找到表四。', '表三缺少“2.重复申请”行。'] }),
      '无法判断：未找到表四。（另有 1 处，见明细）',
    );
  });
  it('exit codes: 0 all 一致, 2 any 有误, 3 any 无法判断 without 有误', () => {
    assert.deepEqual(VERDICT_EXIT, { consistent: 0, inconsistent: 2, undetermined: 3 });
    assert.equal(batchExit(['consistent', 'consistent']), 0);
    assert.equal(batchExit(['consistent', 'undetermined', 'inconsistent']), 2);
    assert.equal(batchExit(['undetermined', 'consistent']), 3);
  });
});

describe('radicals in PDF text', () => {
  it('Kangxi radicals and the supplement fold to ideographs; other text is unchanged', () => {
    assert.equal(foldRadicals('某县⼈⺠政府政府信息公开⼯作年度报告⻓⻔'), '某县人民政府政府信息公开工作年度报告长门');
    assert.equal(foldRadicals('（一）予以公开 12'), '（一）予以公开 12');
  });
});
