/** 季度通报: the quarterly progress notice of the yearly tasks, generated as DOCX from the data (read only). */
import type { Paragraph, TableCell, TextRun } from 'docx';
import { formatChinese } from '../platform/dates.js';
import { isTaskOverdue, quarterLabel, taskProgress, taskStateLabel } from './tasks.rules.js';
import type { TaskView } from './tasks.store.js';

const BODY_FONT = '仿宋';
const TABLE_FONT = '宋体';
const TITLE_FONT = '方正小标宋简体';

/** What the notice says beyond the tasks. */
export interface NoticeInput {
  jurisdictionName: string;
  year: number;
  quarter: number;
  /** The day the notice is issued (YYYY-MM-DD); overdue is counted as of it. */
  asOf: string;
  tasks: readonly TaskView[];
}

/** Per-agency rows of the notice: tasks, accepted, overdue. */
export function noticeRows(tasks: readonly TaskView[], asOf: string): Array<{ name: string; total: number; accepted: number; overdue: number }> {
  const by = new Map<string, TaskView[]>();
  for (const t of tasks) by.set(t.responsible_name, [...(by.get(t.responsible_name) ?? []), t]);
  return [...by]
    .map(([name, list]) => ({ name, ...taskProgress(list, asOf) }))
    .sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'zh'));
}

/** Builds the 季度通报 DOCX (仿宋 body, 宋体 tables, 方正小标宋 title). */
export async function quarterlyNoticeDocx(n: NoticeInput): Promise<Buffer> {
  // docx is loaded when the first notice is made, not when the server starts.
  const { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');
  const run = (text: string, o: { font?: string; size?: number; bold?: boolean } = {}): TextRun =>
    new TextRun({ text, font: { ascii: o.font ?? BODY_FONT, eastAsia: o.font ?? BODY_FONT, hAnsi: o.font ?? BODY_FONT }, size: o.size ?? 32, bold: o.bold });
  const para = (text: string, o: { font?: string; indent?: boolean } = {}): Paragraph =>
    new Paragraph({ spacing: { line: 560 }, indent: o.indent === false ? undefined : { firstLine: 640 }, children: [run(text, { font: o.font })] });
  const cell = (text: string, header = false): TableCell =>
    new TableCell({ children: [new Paragraph({ alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT, children: [run(text, { font: TABLE_FONT, size: 21, bold: header })] })] });
  const p = taskProgress(n.tasks, n.asOf);
  const rows = noticeRows(n.tasks, n.asOf);
  const overdue = n.tasks.filter((t) => isTaskOverdue(t, n.asOf));
  const header = new TableRow({ tableHeader: true, children: ['责任单位', '任务数', '已验收', '逾期未完成'].map((h) => cell(h, true)) });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [header, ...rows.map((r) => new TableRow({ children: [cell(r.name), cell(String(r.total)), cell(String(r.accepted)), cell(String(r.overdue))] }))],
  });
  const overdueTable = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: ['序号', '任务内容', '责任单位', '完成时限', '状态'].map((h) => cell(h, true)) }),
      ...overdue.map((t) => new TableRow({ children: [cell(String(t.seq)), cell(t.content), cell(t.responsible_name), cell(t.deadline), cell(taskStateLabel(t.state))] })),
    ],
  });
  const doc = new Document({
    styles: { default: { document: { run: { font: BODY_FONT, size: 32 } } } },
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [run(`关于${n.year}年${quarterLabel(n.quarter)}政务公开重点任务落实情况的通报`, { font: TITLE_FONT, size: 44 })] }),
          para('各有关单位：', { indent: false }),
          para(
            `截至${formatChinese(n.asOf)}，${n.jurisdictionName}${n.year}年政务公开工作任务分解表共列任务${p.total}项，已验收${p.accepted}项` +
              `（${p.acceptedRate === null ? '—' : `${p.acceptedRate}%`}），待审核${p.reported}项，逾期未完成${p.overdue}项。现将有关情况通报如下。`,
          ),
          para('一、各单位任务完成情况', { font: '黑体' }),
          table,
          para('二、逾期未完成任务', { font: '黑体' }),
          overdue.length ? overdueTable : para('本季度无逾期未完成任务。'),
          para('三、工作要求', { font: '黑体' }),
          para('请逾期未完成任务的单位抓紧整改落实，于下季度首月 10 日前报送整改情况及佐证材料。'),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 600 }, children: [run(n.jurisdictionName)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(formatChinese(n.asOf))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
