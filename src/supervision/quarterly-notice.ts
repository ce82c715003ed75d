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
  /** The quarter's request and message figures per agency (dashboard rows of the requests and interaction sources), 合计 last. */
  figures?: ReadonlyArray<{ orgName: string; values: Record<string, number | null> }>;
  /** The period the figures cover. */
  figuresPeriod?: { from: string; to: string };
}

/** The figure columns of the notice: dashboard keys and their headings. */
export const NOTICE_FIGURES: ReadonlyArray<[string, string]> = [
  ['req_received', '收到申请'],
  ['req_answered', '办结申请'],
  ['req_on_time_rate', '按时答复率'],
  ['req_overdue', '超期未答复'],
  ['msg_received', '收到留言'],
  ['msg_on_time_rate', '留言按时答复率'],
  ['msg_late', '超期留言'],
];

/** A figure as printed: rates with %, missing as —. */
export const noticeFigure = (key: string, v: number | null | undefined): string =>
  v == null ? '—' : key.endsWith('_rate') ? `${v}%` : String(v);

/** Tasks accepted after their deadline (完成时限), by deadline: named in the notice as 逾期完成. */
export const acceptedLate = (tasks: readonly TaskView[]): TaskView[] =>
  tasks
    .filter((t) => t.state === 'accepted' && !!t.accepted_on && t.accepted_on > t.deadline)
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.seq - b.seq);

/** Per-agency rows of the notice: tasks, accepted, overdue. */
export function noticeRows(
  tasks: readonly TaskView[],
  asOf: string,
): Array<{ name: string; total: number; accepted: number; overdue: number }> {
  const by = new Map<string, TaskView[]>();
  for (const t of tasks) by.set(t.responsible_name, [...(by.get(t.responsible_name) ?? []), t]);
  return [...by]
    .map(([name, list]) => ({ name, ...taskProgress(list, asOf) }))
    .sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'zh'));
}

/** Builds the 季度通报 DOCX (仿宋 body, 宋体 tables, 方正小标宋 title). */
export async function quarterlyNoticeDocx(n: NoticeInput): Promise<Buffer> {
  // docx is loaded when the first notice is made, not when the server starts.
  const { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } =
    await import('docx');
  const run = (text: string, o: { font?: string; size?: number; bold?: boolean } = {}): TextRun =>
    new TextRun({
      text,
      font: { ascii: o.font ?? BODY_FONT, eastAsia: o.font ?? BODY_FONT, hAnsi: o.font ?? BODY_FONT },
      size: o.size ?? 32,
      bold: o.bold,
    });
  const para = (text: string, o: { font?: string; indent?: boolean } = {}): Paragraph =>
    new Paragraph({
      spacing: { line: 560 },
      indent: o.indent === false ? undefined : { firstLine: 640 },
      children: [run(text, { font: o.font })],
    });
  const cell = (text: string, header = false): TableCell =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(text, { font: TABLE_FONT, size: 21, bold: header })],
        }),
      ],
    });
  const p = taskProgress(n.tasks, n.asOf);
  const rows = noticeRows(n.tasks, n.asOf);
  const overdue = n.tasks.filter((t) => isTaskOverdue(t, n.asOf));
  const header = new TableRow({
    tableHeader: true,
    children: ['责任单位', '任务数', '已验收', '逾期未完成'].map((h) => cell(h, true)),
  });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      header,
      ...rows.map(
        (r) =>
          new TableRow({
            children: [cell(r.name), cell(String(r.total)), cell(String(r.accepted)), cell(String(r.overdue))],
          }),
      ),
    ],
  });
  const overdueTable = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['序号', '任务内容', '责任单位', '完成时限', '状态'].map((h) => cell(h, true)),
      }),
      ...overdue.map(
        (t) =>
          new TableRow({
            children: [
              cell(String(t.seq)),
              cell(t.content),
              cell(t.responsible_name),
              cell(t.deadline),
              cell(taskStateLabel(t.state)),
            ],
          }),
      ),
    ],
  });
  const late = acceptedLate(n.tasks);
  const lateTable = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['序号', '任务内容', '责任单位', '完成时限', '验收日期'].map((h) => cell(h, true)),
      }),
      ...late.map(
        (t) =>
          new TableRow({
            children: [
              cell(String(t.seq)),
              cell(t.content),
              cell(t.responsible_name),
              cell(t.deadline),
              cell(t.accepted_on ?? ''),
            ],
          }),
      ),
    ],
  });
  const figures = n.figures ?? [];
  const figureTable = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: ['单位', ...NOTICE_FIGURES.map(([, h]) => h)].map((h) => cell(h, true)),
      }),
      ...figures.map(
        (r) =>
          new TableRow({
            children: [cell(r.orgName), ...NOTICE_FIGURES.map(([k]) => cell(noticeFigure(k, r.values[k])))],
          }),
      ),
    ],
  });
  const period = n.figuresPeriod
    ? `（${formatChinese(n.figuresPeriod.from)}至${formatChinese(n.figuresPeriod.to)}；超期按通报日计）`
    : '';
  const doc = new Document({
    styles: { default: { document: { run: { font: BODY_FONT, size: 32 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [
              run(`关于${n.year}年${quarterLabel(n.quarter)}政务公开重点任务落实情况的通报`, {
                font: TITLE_FONT,
                size: 44,
              }),
            ],
          }),
          para('各有关单位：', { indent: false }),
          para(
            `截至${formatChinese(n.asOf)}，${n.jurisdictionName}${n.year}年政务公开工作任务分解表共列任务${p.total}项，已验收${p.accepted}项` +
              `（${p.acceptedRate === null ? '—' : `${p.acceptedRate}%`}），待审核${p.reported}项，逾期未完成${p.overdue}项。现将有关情况通报如下。`,
          ),
          para('一、各单位任务完成情况', { font: '黑体' }),
          table,
          para('二、逾期未完成任务', { font: '黑体' }),
          overdue.length ? overdueTable : para('本季度无逾期未完成任务。'),
          para('三、逾期完成的任务', { font: '黑体' }),
          late.length ? lateTable : para('无验收晚于完成时限的任务。'),
          para(`四、依申请公开和留言办理情况${period}`, { font: '黑体' }),
          figures.length ? figureTable : para('本季度无依申请公开和留言办理数据。'),
          para('五、工作要求', { font: '黑体' }),
          para(
            '请逾期未完成任务的单位抓紧整改落实，于下季度首月 10 日前报送整改情况及佐证材料；有超期未答复申请或留言的单位，请立即办理并说明原因。',
          ),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 600 },
            children: [run(n.jurisdictionName)],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(formatChinese(n.asOf))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
