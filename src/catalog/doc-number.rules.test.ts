import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocNumber, sameDocNumber } from './doc-number.rules.js';

describe('文号 parsing (发文机关代字、年份、发文顺序号)', () => {
  const table: Array<[string, string, string, number | null, number]> = [
    ['国办发〔2020〕50号', '国办发〔2020〕50号', '国办发', 2020, 50],
    ['国办公开办函〔2021〕30号', '国办公开办函〔2021〕30号', '国办公开办函', 2021, 30],
    ['国办发明电〔2024〕12号', '国办发明电〔2024〕12号', '国办发明电', 2024, 12],
    ['示教发[2009]7号', '示教发〔2009〕7号', '示教发', 2009, 7],
    ['示教发（2009）7号', '示教发〔2009〕7号', '示教发', 2009, 7],
    ['示教发(2009)7号', '示教发〔2009〕7号', '示教发', 2009, 7],
    ['示教发【2009】007号', '示教发〔2009〕7号', '示教发', 2009, 7],
    ['示教发［２００９］７号', '示教发〔2009〕7号', '示教发', 2009, 7],
    [' 示教发 〔2009〕 第7号 ', '示教发〔2009〕7号', '示教发', 2009, 7],
    ['国务院令第711号', '国务院令第711号', '国务院令', null, 711],
    ['公安部令第162号', '公安部令第162号', '公安部令', null, 162],
    ['公安部令第１６２号', '公安部令第162号', '公安部令', null, 162],
  ];
  for (const [raw, norm, agency, year, seq] of table) {
    it(`parses ${raw}`, () => {
      const d = parseDocNumber(raw);
      assert.ok(d, raw);
      assert.equal(d.normalized, norm);
      assert.equal(d.agency, agency);
      assert.equal(d.year, year);
      assert.equal(d.seq, seq);
    });
  }
  for (const bad of [
    '',
    '关于做好工作的通知',
    '〔2009〕7号',
    '示教发〔09〕7号',
    '示教发〔2009〕号',
    '示教发〔1800〕3号',
    '国务院令第0号',
  ]) {
    it(`rejects ${JSON.stringify(bad)}`, () => assert.equal(parseDocNumber(bad), null));
  }
  it('treats bracket variants as the same number', () => {
    assert.ok(sameDocNumber('国办发〔2020〕50号', '国办发[2020]50号'));
    assert.ok(sameDocNumber('国办发（2020）50号', '国办发 (2020) 050号'));
    assert.ok(!sameDocNumber('国办发〔2020〕50号', '国办发〔2020〕51号'));
  });
});
