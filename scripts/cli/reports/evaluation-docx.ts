/**
 * evaluationAnnex: the evaluation as a Decree 30/2020 annex (.docx) to attach to the year-end report: A4 landscape,
 * "Phụ lục", the title "KẾT QUẢ THỰC HIỆN CHẾ ĐỘ BÁO CÁO VÀ NHIỆM VỤ ĐƯỢC GIAO …", "(Kèm theo Báo cáo số …)", one
 * table grouped by khối that fits the page's width, and the notes. Pure.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  PageOrientation,
  Paragraph,
  Table,
  TableRow,
  TableCell,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { EvaluationModel, EvaluationRow, Tally } from '@theodoi/functions/domain/evaluation/index';
import { evaluation as table } from '@theodoi/functions/messages.vi';
import { evaluationFiles as msg } from '../messages.vi.js';
import { ANNEX_PAGE, ANNEX_TEXT_WIDTH, REPORT_FONT } from './decree30-page.js';
import {
  ANNEX_COLUMNS,
  cellValue,
  partHeading,
  partSpans,
  scoreText,
  type EvaluationColumn,
} from '@theodoi/functions/domain/evaluation/table';
import { asOfLine, evaluationNotes, evaluationTitle } from '@theodoi/functions/domain/evaluation/notes';
import type { ReportIssuer } from './report-context.js';

export { ANNEX_PAGE, ANNEX_TEXT_WIDTH } from './decree30-page.js';
const BODY_SIZE = 26;
const TABLE_SIZE = 20;
const NOTE_SIZE = 22;

/** Column widths in twips: STT and the unit's name fixed, the rest sharing what is left. */
export function annexWidths(columns: readonly EvaluationColumn[]): number[] {
  const fixed: Partial<Record<EvaluationColumn['kind'], number>> = { stt: 500, unit: 2600, grade: 1000 };
  const flexible = columns.filter((c) => fixed[c.kind] === undefined).length;
  const rest = ANNEX_TEXT_WIDTH - columns.reduce((sum, c) => sum + (fixed[c.kind] ?? 0), 0);
  const each = Math.floor(rest / flexible);
  return columns.map((c) => fixed[c.kind] ?? each);
}

type Run = Omit<IRunOptions, 'text'>;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN } as const;

function centred(text: string, run: Run = {}, after = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after },
    children: [new TextRun({ text, font: REPORT_FONT, size: BODY_SIZE, ...run })],
  });
}

function cell(
  lines: readonly { text: string; run?: Run }[],
  width: number,
  options: { align?: 'left' | 'center'; span?: number; rows?: number; shade?: boolean } = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: GRID,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 40, right: 40 },
    ...(options.span ? { columnSpan: options.span } : {}),
    ...(options.rows ? { rowSpan: options.rows } : {}),
    ...(options.shade ? { shading: { fill: 'F2F2F2' } } : {}),
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: options.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [new TextRun({ text: line.text, font: REPORT_FONT, size: TABLE_SIZE, ...line.run })],
        }),
    ),
  });
}

function headerRows(widths: readonly number[]): TableRow[] {
  const top: TableCell[] = [];
  const bottom: TableCell[] = [];
  for (const { part, start, span } of partSpans(ANNEX_COLUMNS)) {
    const heading = partHeading(part);
    const width = widths.slice(start, start + span).reduce((a, b) => a + b, 0);
    if (heading === undefined) {
      top.push(cell([{ text: ANNEX_COLUMNS[start]!.header, run: { bold: true } }], width, { rows: 2 }));
      continue;
    }
    top.push(cell([{ text: heading, run: { bold: true } }], width, { span }));
    for (let i = start; i < start + span; i += 1)
      bottom.push(cell([{ text: ANNEX_COLUMNS[i]!.header, run: { bold: true } }], widths[i]!));
  }
  return [
    new TableRow({ tableHeader: true, children: top }),
    new TableRow({ tableHeader: true, children: bottom }),
  ];
}

function text(value: number | string | null, col: EvaluationColumn): string {
  if (value === null) return '';
  if (col.kind === 'score' && typeof value === 'number') return scoreText(value);
  return String(value);
}

function unitRow(unit: EvaluationRow, widths: readonly number[]): TableRow {
  return new TableRow({
    cantSplit: true,
    children: ANNEX_COLUMNS.map((col, i) => {
      const value = cellValue(col, unit);
      if (col.kind === 'unit')
        return cell(
          [
            { text: unit.unitName },
            ...unit.notes.map((note) => ({ text: `(${note})`, run: { italics: true } })),
          ],
          widths[i]!,
          { align: 'left' },
        );
      return cell(
        [
          {
            text: text(value, col),
            run: col.kind === 'grade' && unit.score === null ? { italics: true } : {},
          },
        ],
        widths[i]!,
      );
    }),
  });
}

function totalRow(label: string, tally: Tally, average: number | null, widths: readonly number[]): TableRow {
  return new TableRow({
    cantSplit: true,
    children: ANNEX_COLUMNS.map((col, i) => {
      const value =
        col.kind === 'unit'
          ? label
          : col.kind === 'count'
            ? String(tally[col.key])
            : col.kind === 'score'
              ? scoreText(average)
              : '';
      return cell([{ text: value, run: { bold: true } }], widths[i]!, {
        shade: true,
        align: col.kind === 'unit' ? 'left' : 'center',
      });
    }),
  });
}

function groupRow(label: string, widths: readonly number[]): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [
      cell(
        [{ text: label, run: { bold: true } }],
        widths.reduce((a, b) => a + b, 0),
        { span: widths.length, align: 'left', shade: true },
      ),
    ],
  });
}

/** The annex's table: two header rows, per khối a heading, its units and "Cộng", then "Tổng cộng". */
function annexTable(model: EvaluationModel): Table {
  const widths = annexWidths(ANNEX_COLUMNS);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      ...headerRows(widths),
      ...model.groups.flatMap((group) => [
        groupRow(`${group.numeral}. ${group.name}`, widths),
        ...group.rows.map((unit) => unitRow(unit, widths)),
        totalRow(table.groupTotal, group.tally, group.averageScore, widths),
      ]),
      totalRow(table.total, model.totals, model.averageScore, widths),
    ],
  });
}

/**
 * The annex of `model`, issued by `issuer` (the coordinator's unit: its symbol and name go on the "Kèm theo" line,
 * the number and date left blank for when the report is registered).
 */
export function evaluationAnnex(
  model: EvaluationModel,
  issuer: Pick<ReportIssuer, 'symbol' | 'name'>,
): Document {
  const title = evaluationTitle(model);
  return new Document({
    creator: 'theodoi',
    title,
    styles: { default: { document: { run: { font: REPORT_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: ANNEX_PAGE.height,
              height: ANNEX_PAGE.width,
              orientation: PageOrientation.LANDSCAPE,
            },
            margin: ANNEX_PAGE.margin,
          },
        },
        children: [
          centred(msg.annex, { bold: true }),
          centred(title, { bold: true }),
          centred(table.subtitle(model.organisationName), { bold: true }),
          centred(msg.attachedTo(issuer.symbol, issuer.name), { italics: true }),
          centred(asOfLine(model), { italics: true }, 120),
          annexTable(model),
          new Paragraph({
            spacing: { before: 120 },
            children: [
              new TextRun({
                text: table.notesHeading,
                font: REPORT_FONT,
                size: NOTE_SIZE,
                bold: true,
                italics: true,
              }),
            ],
          }),
          ...evaluationNotes(model).map(
            (note) =>
              new Paragraph({
                alignment: AlignmentType.BOTH,
                children: [new TextRun({ text: note, font: REPORT_FONT, size: NOTE_SIZE })],
              }),
          ),
        ],
      },
    ],
  });
}
