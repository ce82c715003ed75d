import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  areaCategoryIds,
  areaWordsProblem,
  DEFAULT_KEY_AREA_MAPPING,
  KEY_AREAS,
  keyArea,
  parseAreaWords,
  readMapping,
} from './key-areas.rules.js';
import { DEFAULT_CATEGORIES } from './catalog-labels.rules.js';

const cat = (id: number, org_id: number, name: string, parent_id: number | null = null) => ({
  id,
  org_id,
  parent_id,
  name,
  sort_order: id,
});

describe('重点领域 mapping (pure)', () => {
  it('keeps the twelve areas, each with a unique slug and default words', () => {
    assert.equal(KEY_AREAS.length, 12);
    assert.equal(new Set(KEY_AREAS.map((a) => a.slug)).size, 12);
    assert.equal(keyArea('czyjs')?.name, '财政预决算');
    assert.equal(keyArea('nosuch'), undefined);
  });

  it('by default files the standard category 财政资金 under 财政预决算 and no other standard category anywhere', () => {
    const standard = DEFAULT_CATEGORIES.map((n, i) => cat(i + 1, 1, n));
    const money = DEFAULT_CATEGORIES.indexOf('财政资金') + 1;
    assert.deepEqual(areaCategoryIds(standard, DEFAULT_KEY_AREA_MAPPING.czyjs!), [money]);
    for (const a of KEY_AREAS.filter((x) => x.slug !== 'czyjs'))
      assert.deepEqual(areaCategoryIds(standard, a.defaults), [], a.name);
  });

  it('includes every sub-category of a matching category, in its own agency only', () => {
    const cats = [
      cat(1, 1, '财政资金'),
      cat(2, 1, '专项经费', 1),
      cat(3, 1, '明细', 2),
      cat(4, 2, '专项经费'),
      cat(5, 2, '部门预算'),
    ];
    assert.deepEqual(areaCategoryIds(cats, ['财政', '预算']), [1, 2, 3, 5]);
    assert.deepEqual(areaCategoryIds(cats, ['不存在']), []);
  });

  it('parses words and checks them with Chinese messages', () => {
    assert.deepEqual(parseAreaWords(' 财政\n预算、决算，财政 ; 资金 '), ['财政', '预算', '决算', '资金']);
    const area = keyArea('jy')!;
    assert.equal(areaWordsProblem(area, []), '“教育”至少需要一个分类名称关键词。');
    assert.match(areaWordsProblem(area, ['字'.repeat(21)]) ?? '', /过长/);
    assert.equal(areaWordsProblem(area, ['教育']), null);
  });

  it('reads the stored mapping, an area missing or damaged keeping its defaults', () => {
    assert.deepEqual(readMapping(undefined), DEFAULT_KEY_AREA_MAPPING);
    assert.deepEqual(readMapping('not json'), DEFAULT_KEY_AREA_MAPPING);
    const m = readMapping(JSON.stringify({ czyjs: ['人事'], jy: 'x', xczx: [] }));
    assert.deepEqual(m.czyjs, ['人事']);
    assert.deepEqual(m.jy, DEFAULT_KEY_AREA_MAPPING.jy);
    assert.deepEqual(m.xczx, DEFAULT_KEY_AREA_MAPPING.xczx);
  });
});
