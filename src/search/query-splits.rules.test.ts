import { it } from 'node:test';
import assert from 'node:assert/strict';
import { twoWordReadings } from './query-splits.rules.js';

it('two-word readings: only of one run of 4 to 12 Chinese characters, each word at least two', () => {
  assert.deepEqual(twoWordReadings('防汛会议'), ['防汛 会议']);
  assert.deepEqual(twoWordReadings(' 卫健委防汛 '), ['卫健 委防汛', '卫健委 防汛']);
  assert.equal(twoWordReadings('一二三四五六七八九十一二').length, 9);
  for (const q of [
    '预算',
    '预算公',
    '防汛 会议',
    '"防汛会议"',
    '2024年预算',
    'abcd',
    '一二三四五六七八九十一二三',
    '𠀀𠀁𠀂𠀃',
  ])
    assert.deepEqual(twoWordReadings(q), q === '𠀀𠀁𠀂𠀃' ? ['𠀀𠀁 𠀂𠀃'] : [], q);
});
