import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { categoryPath, categoryTree, subtreeIds } from './category-tree.rules.js';

const cats = [
  { id: 1, parent_id: null, name: '机构职能', sort_order: 2 },
  { id: 2, parent_id: null, name: '政策文件', sort_order: 1 },
  { id: 3, parent_id: 2, name: '规范性文件', sort_order: 1 },
  { id: 4, parent_id: 2, name: '其他文件', sort_order: 0 },
  { id: 5, parent_id: 3, name: '现行有效', sort_order: 0 },
  { id: 6, parent_id: 99, name: '孤立分类', sort_order: 9 },
];

describe('category tree with counts', () => {
  const tree = categoryTree(
    cats,
    new Map([
      [2, 1],
      [3, 2],
      [5, 4],
      [1, 7],
    ]),
  );

  it('orders by sort order and adds descendants into a parent total', () => {
    assert.deepEqual(
      tree.map((n) => [n.name, n.own, n.total]),
      [
        ['政策文件', 1, 7],
        ['机构职能', 7, 7],
        ['孤立分类', 0, 0],
      ],
    );
    assert.deepEqual(
      tree[0]!.children.map((n) => [n.name, n.total]),
      [
        ['其他文件', 0],
        ['规范性文件', 6],
      ],
    );
  });

  it('lists a subtree and a breadcrumb path', () => {
    assert.deepEqual(subtreeIds(tree, 2).sort(), [2, 3, 4, 5]);
    assert.deepEqual(subtreeIds(tree, 42), []);
    assert.deepEqual(
      categoryPath(tree, 5).map((n) => n.name),
      ['政策文件', '规范性文件', '现行有效'],
    );
  });

  it('survives a cycle and a self-parent', () => {
    const t = categoryTree(
      [
        { id: 1, parent_id: 1, name: 'a', sort_order: 0 },
        { id: 2, parent_id: 3, name: 'b', sort_order: 0 },
        { id: 3, parent_id: 2, name: 'c', sort_order: 0 },
      ],
      new Map(),
    );
    assert.deepEqual(
      t.map((n) => n.name),
      ['a'],
    );
  });
});
