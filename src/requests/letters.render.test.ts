/**
 * Rendering tier: every kind of letter (补正告知书, 征求意见函, 延期答复告知书, 收费通知书, 答复书) and the
 * oral-request sheet, converted by LibreOffice and checked on the PDF: A4, title centred, fixed 28 pt lines,
 * room for the seal, signer centred over the date four characters from the right, page numbers at the
 * outer edge, no overlapping text, serif fallbacks for 仿宋/宋体/小标宋 (no Japanese or sans face).
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  isA4,
  lineWith,
  lines,
  overlaps,
  render,
  renderSkip,
  textLines,
  type Rendered,
  type TextLine,
} from '../../test/render/render.js';
import { formatChinese } from '../platform/dates.js';
import {
  answerLetter,
  consultationLetter,
  correctionLetter,
  extensionLetter,
  feeLetter,
  type Letter,
  type LetterCase,
} from './letters.rules.js';
import { letterDocx } from './letter-docx.js';
import { oralSheetDocx } from './oral-sheet-docx.js';
import type { OralSheet } from './oral-sheet.rules.js';

const PT_PER_MM = 72 / 25.4;
const c: LetterCase = {
  requestNo: 'YSQ-2025-000123',
  applicantName: '张三',
  orgName: '示例县交通运输局',
  receivedOn: '2025-09-26',
  infoWanted: '示例县2026年老旧小区改造项目清单（示例）',
};
const LETTERS: Record<string, Letter> = {
  correction: {
    ...correctionLetter(c, {
      on: '2025-09-29',
      until: '2025-10-20',
      items: '请写明所需政府信息的名称、文号或者便于本机关查询的其他特征性描述。',
    }),
    docNo: '示交公开〔2025〕1号',
  },
  consultation: {
    ...consultationLetter(c, {
      on: '2025-10-09',
      party: 'third_party',
      respondent: '某工程有限公司',
      replyDueOn: '2025-10-29',
      contact: '联系人：李四，电话：0000-1234567。',
    }),
    docNo: '示交公开〔2025〕2号',
  },
  agency: {
    ...consultationLetter(c, {
      on: '2025-10-09',
      party: 'other_agency',
      respondent: '示例县财政局',
      replyDueOn: '2025-10-29',
      contact: null,
    }),
    docNo: '示交公开〔2025〕3号',
  },
  extension: {
    ...extensionLetter(c, { on: '2025-10-28', days: 20, dueOn: '2025-11-27' }),
    docNo: '示交公开〔2025〕4号',
  },
  fee: {
    ...feeLetter(c, { on: '2025-10-10', method: 'per_page', amount: 110, detail: '320页', payBy: '2025-10-31' }),
    docNo: '示交公开〔2025〕5号',
  },
  answer: {
    ...answerLetter(c, {
      on: '2025-10-30',
      outcome: '2',
      basis: '《中华人民共和国政府信息公开条例》第三十七条',
      text: '现向您提供项目名称和地点；其中涉及个人信息的部分已作区分处理，不予公开。',
    }),
    docNo: '示交公开〔2025〕6号',
    cc: ['县政府办公室（县政务公开办）'],
  },
  unnumbered: answerLetter(
    { ...c, orgName: '示例县人民政府办公室' },
    {
      on: '2025-11-03',
      outcome: '4.1',
      basis: '《中华人民共和国政府信息公开条例》第三十六条第（四）项',
      text: '经检索，本机关未制作或者获取该信息。',
    },
  ),
};
const SHEET: OralSheet = {
  title: '政府信息公开申请（口头提出）确认单',
  requestNo: 'YSQ-2025-000124',
  orgName: '示例县交通运输局',
  rows: [
    ['受理机关', '示例县交通运输局'],
    ['申请人类型', '公民'],
    ['姓名或名称', '张三'],
    ['居民身份证', '110105194912310021'],
    ['联系电话', '13800138000'],
    ['电子邮箱', 'zhangsan@example.com'],
    ['通信地址', '示例县示例路1号'],
    ['邮政编码', '100000'],
    ['所需信息的名称', '示例县2026年老旧小区改造项目清单'],
    ['文号或索引号', '示政办发〔2026〕3号'],
    ['所需信息的内容描述', '申请获取本年度老旧小区改造项目名称、地点和资金安排，以及各项目的开工和竣工时间。'],
    ['信息的载体形式', '纸质'],
    ['获取信息的方式', '自行领取'],
  ],
  recordedOn: '2025-09-25',
  recordedBy: '王小明',
  statement:
    '申请人于2025年9月25日口头提出政府信息公开申请，因采用书面形式确有困难，由示例县交通运输局政府信息公开工作机构依《中华人民共和国政府信息公开条例》第二十九条代为填写。以上内容经申请人核对无误。申请人签字确认之日为收到申请之日，答复期限自该日起计算。',
};

// GB/T 9704-2012: left margin 28 mm, type area 156 mm wide.
const AREA_LEFT = 28 * PT_PER_MM;
const AREA_RIGHT = (28 + 156) * PT_PER_MM;
const AREA_CENTRE = (AREA_LEFT + AREA_RIGHT) / 2;
const centre = (l: TextLine): number => (l.left + l.right) / 2;

describe('letters as printed by LibreOffice', { skip: renderSkip }, () => {
  let out: Map<string, Rendered>;
  before(async () => {
    const files = await Promise.all(
      Object.entries(LETTERS).map(async ([k, l]) => ({ name: `letter-${k}.docx`, data: await letterDocx(l) })),
    );
    out = await render('letters', [...files, { name: 'oral-sheet.docx', data: await oralSheetDocx(SHEET) }]);
  });

  for (const [kind, letter] of Object.entries(LETTERS)) {
    it(`${letter.title} (${kind}): A4, centred title, 28 pt lines, seal room, signer over the date at the right, page numbers`, () => {
      const r = out.get(`letter-${kind}.docx`)!;
      assert.ok(r.pages.length >= 1 && r.pages.every(isA4), 'every page A4');
      const first = r.pages[0];
      const title = lineWith(first, letter.title.slice(0, 8))!;
      assert.ok(title, 'title printed');
      assert.ok(Math.abs(title.size - 22) < 0.6, `title 二号 (${title.size})`);
      assert.ok(Math.abs(centre(title) - AREA_CENTRE) < 6, `title centred (${title.left}–${title.right})`);
      let below = title.bottom;
      if (letter.docNo) {
        const no = lineWith(first, letter.docNo)!;
        assert.ok(no && no.top > title.top, '发文字号 under the title');
        assert.ok(Math.abs(centre(no) - AREA_CENTRE) < 6, '发文字号 centred');
        below = no.bottom;
      }
      // Body lines: 三号 on a 28 pt pitch.
      const body = textLines(first).filter((l) => Math.abs(l.size - 16) < 0.6 && l.top > below);
      assert.ok(body.length > 4);
      const steps = body.slice(1).map((l, i) => l.top - body[i].top);
      assert.ok(
        steps.filter((d) => d < 40).every((d) => Math.abs(d - 28) < 0.6),
        `28 pt lines: ${steps.join(', ')}`,
      );

      const date = formatChinese(letter.date);
      const last = r.pages.findLast((p) => lineWith(p, date))!;
      assert.ok(last, 'date printed');
      const all = textLines(last);
      const d = all.find((l) => l.text === date)!;
      const s = all.filter((l) => l.text === letter.signer && l.top < d.top).at(-1)!;
      assert.ok(s, 'signer printed above the date');
      // 成文日期 右空四字: ends 64 pt before the right edge of the type area (a few points for the fallback face's digits).
      assert.ok(
        Math.abs(AREA_RIGHT - 64 - d.right) < 8,
        `date ends four characters from the right (${AREA_RIGHT - d.right})`,
      );
      assert.ok(Math.abs(centre(s) - centre(d)) < 10, `signer centred over the date (${centre(s)} / ${centre(d)})`);
      assert.ok(s.left > AREA_CENTRE - 40 && d.left > AREA_CENTRE - 40, 'signer and date sit at the right');
      const prev = all.filter((l) => l.bottom < s.top).at(-1);
      assert.ok(prev && prev.size === 16, 'the signature never stands alone on a page (text above it)');
      assert.ok(s.top - prev.bottom >= 3 * 28 - 10, 'three lines left for the seal');
      assert.ok(lineWith(last, `（申请编号：${letter.requestNo}）`), '附注 with the 申请编号');
      if (letter.cc) assert.ok(lineWith(last, `抄送：${letter.cc[0]}。`), '抄送 line');

      r.pages.forEach((p, i) => {
        const num = textLines(p).find((l) => l.top > p.height - 35 * PT_PER_MM && /^—\s*\d+\s*—$/.test(l.text));
        assert.ok(num, `page ${i + 1} has a page number`);
        if (i % 2 === 0) assert.ok(num.right > AREA_RIGHT - 30, 'odd page: number at the right');
        else assert.ok(num.left < AREA_LEFT + 30, 'even page: number at the left');
        assert.deepEqual(overlaps(p), [], `page ${i + 1}: no overlapping text`);
      });
      assert.ok(r.fonts.length && r.fonts.every((f) => /Serif/.test(f)), `serif faces only: ${r.fonts.join(', ')}`);
    });
  }

  it('口头申请记录: A4, centred title, the fields in a table, the staff member by name, nothing overlapping', () => {
    const r = out.get('oral-sheet.docx')!;
    assert.equal(r.pages.length, 1, 'one page to sign');
    assert.ok(r.pages.every(isA4));
    const p = r.pages[0];
    const title = lineWith(p, '政府信息公开申请')!;
    assert.ok(Math.abs(centre(title) - AREA_CENTRE) < 6, 'title centred');
    for (const [k] of SHEET.rows)
      assert.ok(
        lines(p).some((l) => l.includes(k.slice(0, 5))),
        `label ${k}`,
      );
    assert.ok(
      lines(p).some((l) => l.includes('代为填写人：王小明')),
      'named by real name',
    );
    assert.ok(
      lines(p).some((l) => l.startsWith('申请人签字')) && lines(p).some((l) => l.startsWith('确认日期')),
      'signature lines',
    );
    assert.deepEqual(overlaps(p), []);
    assert.ok(
      r.fonts.every((f) => /Serif/.test(f)),
      r.fonts.join(', '),
    );
  });
});
