import { it } from 'node:test';
import assert from 'node:assert/strict';
import { Utf8Check } from './utf8-check.js';

const verdict = (bytes: Buffer, cuts: number[]) => {
  const c = new Utf8Check();
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    c.push(bytes.subarray(at, cut));
    at = cut;
  }
  return c.end();
};

it('UTF-8 read in pieces cut anywhere (inside 2-, 3- and 4-byte characters) is valid; broken bytes are not', () => {
  const good = Buffer.from('索引号,名称\né,𠀀政府信息公开\n', 'utf8');
  for (let i = 0; i <= good.length; i++)
    for (let j = i; j <= good.length; j++) assert.equal(verdict(good, [i, j]), true, `${i} ${j}`);
  const gbk = Buffer.from([0xcb, 0xf7, 0xd2, 0xfd, 0xba, 0xc5]); // 索引号 in GBK
  const truncated = good.subarray(0, good.indexOf(Buffer.from('𠀀')) + 2);
  const overlong = Buffer.from([0x41, 0xc0, 0xaf]);
  for (const bad of [gbk, truncated, overlong, Buffer.concat([good, Buffer.from([0xff])])])
    for (let i = 0; i <= bad.length; i++) assert.equal(verdict(bad, [i]), false, `${bad.toString('hex')} ${i}`);
});
