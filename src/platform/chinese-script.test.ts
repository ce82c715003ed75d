import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageToTraditional } from './chinese-script.js';

test('a 繁體 page converts its text and leaves every form value as it is', () => {
  const html =
    '<label for="f-name">姓名</label><input id="f-name" name="name" value="张国庆"/>' +
    '<select name="genre"><option value="决议" selected>决议</option></select>' +
    '<textarea name="d" rows="3">发展后台</textarea><p>请修改以下问题</p>';
  assert.equal(
    pageToTraditional(html),
    '<label for="f-name">姓名</label><input id="f-name" name="name" value="张国庆"/>' +
      '<select name="genre"><option value="决议" selected>決議</option></select>' +
      '<textarea name="d" rows="3">发展后台</textarea><p>請修改以下問題</p>',
  );
});
