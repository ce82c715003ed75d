import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../platform/errors.js';
import { findSensitive, idNumberValid, lineBoxes, pixelRect, validateBoxes } from './redaction.rules.js';

describe('redaction rules', () => {
  it('checks the 身份证号 check digit (GB 11643)', () => {
    assert.equal(idNumberValid('11010519491231002X'), true);
    assert.equal(idNumberValid('11010519491231002x'), true);
    assert.equal(idNumberValid('110105194912310021'), false);
    assert.equal(idNumberValid('1101051949123100'), false);
  });

  it('finds 身份证号, 手机号 and names, not inside longer numbers', () => {
    const t = '张三，身份证11010519491231002X，电话138 1234 5678；单号9913812345678999；李四光、张三';
    assert.deepEqual(
      findSensitive(t, ['张三', '李四光', ' ', '王']).map((m) => [m.kind, m.text, t.slice(m.start, m.end)]),
      [
        ['name', '张三', '张三'],
        ['id_number', '11010519491231002X', '11010519491231002X'],
        ['mobile', '138 1234 5678', '138 1234 5678'],
        ['name', '李四光', '李四光'],
        ['name', '张三', '张三'],
      ],
    );
    assert.deepEqual(findSensitive('编号110105194912310021（校验位不对）'), []);
  });

  it('joins character boxes into one padded box per line, within the page', () => {
    const chars = [
      { x: 10, y: 100, w: 10, h: 12 },
      { x: 20, y: 100, w: 10, h: 12 },
      { x: 1, y: 120, w: 10, h: 12 },
    ];
    assert.deepEqual(lineBoxes(chars, 2, { width: 100, height: 130 }), [
      { x: 8, y: 98, w: 24, h: 16 },
      { x: 0, y: 118, w: 13, h: 12 },
    ]);
  });

  it('grows a box outwards to whole pixels', () => {
    assert.deepEqual(pixelRect({ x: 1.2, y: 0.5, w: 2, h: 1 }, 2, 5, 100), { x0: 2, y0: 1, x1: 5, y1: 3 });
  });

  it('refuses boxes off the page, empty, or without a legal reason, in Chinese', () => {
    const pages = [{ width: 100, height: 100 }];
    assert.deepEqual(validateBoxes([{ page: 1, x: 0, y: 0, w: 100, h: 100, reason: 'art14' }], pages).length, 1);
    const codes = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        assert.ok(e instanceof AppError && e.errors.every((x) => /[\u4e00-\u9fff]/.test(x.message)));
        return e.errors.map((x) => x.code);
      }
      return [];
    };
    assert.deepEqual(
      codes(() => validateBoxes([], pages)),
      ['redaction_no_boxes'],
    );
    assert.deepEqual(
      codes(() => validateBoxes([{ page: 2, x: 0, y: 0, w: 1, h: 1, reason: 'art15' }], pages)),
      ['redaction_page'],
    );
    assert.deepEqual(
      codes(() => validateBoxes([{ page: 1, x: 50, y: 0, w: 60, h: 1, reason: 'art15' }], pages)),
      ['redaction_box'],
    );
    assert.deepEqual(
      codes(() => validateBoxes([{ page: 1, x: 0, y: 0, w: 0, h: 1, reason: 'x' }], pages)),
      ['redaction_box', 'redaction_reason'],
    );
  });
});
