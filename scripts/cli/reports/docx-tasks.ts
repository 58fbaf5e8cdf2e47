/**
 * The tasks section of the official report of a directive of tasks (decision 007): a "Phụ lục" on A4 landscape with
 * one row per task — its number, text, lead unit, deadline and each responsible unit's status. Pure.
 */
import {
  AlignmentType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { TaskSummaryModel } from '@theodoi/functions/domain/tasks/task-summary';
import { officialReport as msg, tasks as taskMsg } from '@theodoi/functions/messages.vi';
import { ANNEX_SECTION_PAGE, ANNEX_TEXT_WIDTH, REPORT_FONT } from './decree30-page.js';
import { draftMonthYear, type ReportContext } from './report-context.js';

const SIZE = 22;
/** Shares of the text width: STT, task, lead, deadline, units' statuses. */
const SHARES = [0.06, 0.34, 0.16, 0.12, 0.32];

function cell(lines: string[], width: number, bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: lines.map(
      (line) =>
        new Paragraph({ children: [new TextRun({ text: line, bold, size: SIZE, font: REPORT_FONT })] }),
    ),
  });
}

function centred(text: string, options: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text, size: 26, font: REPORT_FONT, ...options })],
  });
}

/** The tasks annex: every task with its lead, deadline and each responsible unit's status. */
export function tasksAnnexSection(model: TaskSummaryModel, ctx: ReportContext): ISectionOptions {
  const { month, year } = draftMonthYear(ctx.draftedAt);
  const widths = SHARES.map((s) => Math.floor(ANNEX_TEXT_WIDTH * s));
  const c = taskMsg.summary.columns;
  const header = new TableRow({
    tableHeader: true,
    children: [c.stt, c.task, c.lead, c.due, c.units].map((h, i) => cell([h], widths[i]!, true)),
  });
  const rows = model.tasks.map(
    (t) =>
      new TableRow({
        children: [
          cell([String(t.no)], widths[0]!),
          cell([t.text], widths[1]!),
          cell([t.lead], widths[2]!),
          cell([t.due], widths[3]!),
          cell(
            t.units.map((u) => u.text),
            widths[4]!,
          ),
        ],
      }),
  );
  return {
    properties: ANNEX_SECTION_PAGE,
    children: [
      centred(msg.annex, { bold: true }),
      centred(taskMsg.summary.byTaskHeading, { bold: true }),
      centred(msg.annexAttached(ctx.issuer.symbol, ctx.issuer.name, month, year), { italics: true }),
      centred(model.kpiLine.replace(/\s{2,}/g, '; '), { italics: true }),
      new Table({ width: { size: ANNEX_TEXT_WIDTH, type: WidthType.DXA }, rows: [header, ...rows] }),
    ],
  };
}
