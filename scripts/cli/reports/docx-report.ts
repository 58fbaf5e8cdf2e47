/** officialReportDocument: the draft "Báo cáo tình hình thực hiện Công văn số …" as a Decree 30/2020 .docx; pure. */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { SummaryModel } from '@theodoi/functions/domain/summary/model';
import { formatViDate } from '@theodoi/functions/domain/values/display';
import { officialReport as msg, reminders, summary as sum } from '@theodoi/functions/messages.vi';
import { figureCellText, totalCellText } from './figure-cells.js';
import { placeDateLine, reportDirectiveRef, shortBodyName, type ReportContext } from './report-context.js';
import { shareText } from '@theodoi/functions/domain/summary/header';

/** Decree 30/2020 (Phụ lục I): Times New Roman; body 13–14 pt (here 14), tables and "Nơi nhận" smaller. */
export const REPORT_FONT = 'Times New Roman';
/** Half-points of the body text (14 pt). */
export const BODY_SIZE = 28;
const TITLE_SIZE = 28;
const HEAD_SIZE = 26;
const TABLE_SIZE = 22;
const RECIPIENT_SIZE = 22;

const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
/** A4 in twips, and Decree 30's margins: top and bottom 20 mm, left 30 mm, right 15 mm. */
export const REPORT_PAGE = {
  width: twips(210),
  height: twips(297),
  margin: { top: twips(20), bottom: twips(20), left: twips(30), right: twips(15) },
} as const;
const TEXT_WIDTH = REPORT_PAGE.width - REPORT_PAGE.margin.left - REPORT_PAGE.margin.right;

type Run = Omit<IRunOptions, 'text'>;

function line(
  text: string,
  run: Run = {},
  options: {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indent?: boolean;
    after?: number;
  } = {},
): Paragraph {
  return new Paragraph({
    alignment: options.align ?? AlignmentType.BOTH,
    spacing: { before: 0, after: options.after ?? 0, line: 276 },
    ...(options.indent ? { indent: { firstLine: twips(12.7) } } : {}),
    children: [new TextRun({ text, font: REPORT_FONT, size: BODY_SIZE, ...run })],
  });
}
const centred = (text: string, run: Run = {}, after = 0) =>
  line(text, run, { align: AlignmentType.CENTER, after });
const body = (text: string, run: Run = {}) => line(text, run, { indent: true, after: 120 });
/** The short rule under the issuer and under the motto. */
const rule = (width: string) => centred(width, { size: 16 }, 0);

function plainCell(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE });
}

/** The heading block: issuer (parent above, body name bold) beside Quốc hiệu and Tiêu ngữ; number beside date. */
function headingTable(ctx: ReportContext): Table {
  const left = Math.round(TEXT_WIDTH * 0.42);
  const right = TEXT_WIDTH - left;
  const { issuer } = ctx;
  const issuerLines = [
    ...(issuer.parent ? [centred(shortBodyName(issuer.parent).toUpperCase(), { size: HEAD_SIZE })] : []),
    centred(issuer.name.toUpperCase(), { size: HEAD_SIZE, bold: true }),
    rule('──────'),
  ];
  const nationLines = [
    centred(msg.nation, { size: 24, bold: true }),
    centred(msg.motto, { size: BODY_SIZE, bold: true }),
    rule('─────────────'),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ children: [plainCell(issuerLines, left), plainCell(nationLines, right)] }),
      new TableRow({
        children: [
          plainCell([centred(msg.numberLine(issuer.symbol), { size: HEAD_SIZE })], left),
          plainCell([centred(placeDateLine(issuer.place, ctx.draftedAt), { italics: true })], right),
        ],
      }),
    ],
  });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN } as const;

function gridCell(
  text: string,
  width: number,
  options: { bold?: boolean; align?: 'left' | 'center' | 'right'; span?: number } = {},
): TableCell {
  const align =
    options.align === 'center'
      ? AlignmentType.CENTER
      : options.align === 'right'
        ? AlignmentType.RIGHT
        : AlignmentType.LEFT;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: GRID,
    verticalAlign: VerticalAlignTable.CENTER,
    ...(options.span ? { columnSpan: options.span } : {}),
    margins: { left: 60, right: 60 },
    children: [
      new Paragraph({
        alignment: align,
        children: [
          new TextRun({ text, font: REPORT_FONT, size: TABLE_SIZE, ...(options.bold ? { bold: true } : {}) }),
        ],
      }),
    ],
  });
}

/** The per-unit table: STT, đơn vị, tình hình báo cáo, ngày báo cáo, the key figures, and the "Tổng cộng" row. */
function unitsTable(model: SummaryModel): Table {
  const c = sum.columns;
  const fixed = [500, 1900, 1700, 1100];
  const rest = TEXT_WIDTH - fixed.reduce((a, b) => a + b, 0);
  const figureWidth = model.figures.length ? Math.max(500, Math.floor(rest / model.figures.length)) : 0;
  const widths = [...fixed, ...model.figures.map(() => figureWidth)];
  const header = new TableRow({
    tableHeader: true,
    children: [c.stt, c.unit, c.status, c.reportedOn, ...model.figures.map((f) => f.header)].map((h, i) =>
      gridCell(h, widths[i] ?? figureWidth, { bold: true, align: 'center' }),
    ),
  });
  const rows = model.rows.map(
    (row) =>
      new TableRow({
        children: [
          gridCell(String(row.stt), fixed[0]!, { align: 'center' }),
          gridCell(row.unitName, fixed[1]!),
          gridCell(row.statusText, fixed[2]!),
          gridCell(row.reportedOn ? formatViDate(row.reportedOn) : '', fixed[3]!, { align: 'center' }),
          ...model.figures.map((f, j) =>
            gridCell(figureCellText(f, row.figures[j] ?? null), figureWidth, {
              align: f.type === 'text' || f.type === 'longText' || f.type === 'enum' ? 'left' : 'right',
            }),
          ),
        ],
      }),
  );
  const totals = new TableRow({
    children: [
      gridCell(
        sum.totalRow,
        fixed.reduce((a, b) => a + b, 0),
        { bold: true, align: 'center', span: 4 },
      ),
      ...model.figures.map((f, j) =>
        gridCell(totalCellText(f, model.totals[j]), figureWidth, {
          bold: true,
          align: model.totals[j]?.rule === 'list' ? 'left' : 'right',
        }),
      ),
    ],
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...rows, totals],
  });
}

function kpiLines(model: SummaryModel): Paragraph[] {
  const k = model.kpis;
  return [
    msg.kpiTotal(k.total),
    msg.kpiReported(k.reported, k.total, shareText(k.reportedShare), k.onTime, k.late),
    msg.kpiNotReported(k.notReported, k.overdue),
    msg.kpiErrors(k.withErrors),
  ].map((t) => body(t));
}

function chaseLines(model: SummaryModel): Paragraph[] {
  if (model.chase.length === 0) return [body(msg.chaseNone)];
  return model.chase.map((item, i) => {
    const known = item.person ?? item.phone ?? item.email;
    const contact = known
      ? reminders.contact(item.person ?? undefined, item.phone ?? undefined, item.email ?? undefined)
      : '';
    const text = msg.chaseItem(item.unitName, item.statusText, contact);
    return body(i === model.chase.length - 1 ? `${text.slice(0, -1)}.` : text);
  });
}

/** The signature block: "Nơi nhận" on the left, the signer's title and a name placeholder on the right. */
function signatureTable(ctx: ReportContext): Table {
  const left = Math.round(TEXT_WIDTH * 0.5);
  const right = TEXT_WIDTH - left;
  const recipients = [
    line(msg.recipientsHeading, { bold: true, italics: true, size: 24 }, { align: AlignmentType.LEFT }),
    ...ctx.recipients.map((r) =>
      line(msg.recipientFor(r), { size: RECIPIENT_SIZE }, { align: AlignmentType.LEFT }),
    ),
    line(msg.archive(ctx.issuer.archiveCode), { size: RECIPIENT_SIZE }, { align: AlignmentType.LEFT }),
  ];
  const signer = [
    centred(ctx.issuer.signerTitle, { bold: true }),
    ...Array.from({ length: 4 }, () => centred('')),
    centred(msg.signerName, { bold: true }),
  ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [plainCell(recipients, left), plainCell(signer, right)] })],
  });
}

/**
 * The official report draft of one period from its summary model, laid out per Decree 30/2020: heading block,
 * "BÁO CÁO" and its subject, the body (the summary paragraph, the KPIs, the per-unit table with totals, the units
 * to chase, a place for proposals), "Nơi nhận" and the signer. The number is left blank for the coordinator.
 */
export function officialReportDocument(model: SummaryModel, ctx: ReportContext): Document {
  const ref = reportDirectiveRef(ctx.directive);
  const { issuer, subject } = ctx.directive;
  return new Document({
    creator: 'theodoi',
    title: `${msg.kind} ${msg.subject(ref, issuer, subject)}`,
    styles: { default: { document: { run: { font: REPORT_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: REPORT_PAGE.width, height: REPORT_PAGE.height },
            margin: REPORT_PAGE.margin,
          },
        },
        children: [
          headingTable(ctx),
          centred(''),
          centred(msg.kind, { bold: true, size: TITLE_SIZE }),
          centred(msg.subject(ref, issuer, subject), { bold: true, size: TITLE_SIZE }),
          rule('──────────'),
          centred(''),
          body(msg.intro(ref, issuer, subject, ctx.issuer.name, model.periodLabel)),
          body(msg.sectionStatus, { bold: true }),
          body(model.paragraph),
          ...kpiLines(model),
          body(msg.sectionResults, { bold: true }),
          body(msg.tableIntro),
          unitsTable(model),
          centred(''),
          body(msg.sectionChase, { bold: true }),
          ...chaseLines(model),
          body(msg.sectionProposals, { bold: true }),
          body(msg.proposalsPlaceholder, { italics: true }),
          body(msg.closing(ref, shortBodyName(issuer))),
          centred(''),
          signatureTable(ctx),
        ],
      },
    ],
  });
}
