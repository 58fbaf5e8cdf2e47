/**
 * officialReportDocument: the draft "Báo cáo tình hình thực hiện Công văn số …" as a Decree 30/2020 .docx: the body
 * on A4 portrait, the per-unit table in its annex on A4 landscape (docx-annex.ts); pure.
 */
import {
  AlignmentType,
  Document,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { SummaryModel } from '@theodoi/functions/domain/summary/model';
import { officialReport as msg, reminders } from '@theodoi/functions/messages.vi';
import { hasSubtotals } from '@theodoi/functions/sheets/layout/summary-tab';
import { annexSection } from './docx-annex.js';
import { tasksAnnexSection } from './docx-tasks.js';
import type { TaskSummaryModel } from '@theodoi/functions/domain/tasks/task-summary';
import { REPORT_FONT, REPORT_PAGE, REPORT_TEXT_WIDTH as TEXT_WIDTH, twips } from './decree30-page.js';
import { placeDateLine, reportDirectiveRef, shortBodyName, type ReportContext } from './report-context.js';
import { shareText } from '@theodoi/functions/domain/summary/header';

export { REPORT_FONT, REPORT_PAGE } from './decree30-page.js';
/** Decree 30/2020 (Phụ lục I): body 13–14 pt (here 14), in half-points; "Nơi nhận" smaller. */
export const BODY_SIZE = 28;
const TITLE_SIZE = 28;
const HEAD_SIZE = 26;
const RECIPIENT_SIZE = 22;

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

function kpiLines(model: SummaryModel): Paragraph[] {
  const k = model.kpis;
  // Under the reported count, how many reported in each khối.
  const groups = hasSubtotals(model)
    ? model.groups.map((g) => msg.kpiGroup(g.name, g.kpis.reported, g.kpis.total))
    : [];
  return [
    msg.kpiTotal(k.total),
    msg.kpiReported(k.reported, k.total, shareText(k.reportedShare), k.onTime, k.late),
    ...groups,
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
 * The official report draft of one period from its summary model, laid out per Decree 30/2020: on A4 portrait the
 * heading block, "BÁO CÁO" and its subject, the body (the summary paragraph, the KPIs with each khối's count, the
 * units to chase, a place for proposals), "Nơi nhận" and the signer; then on A4 landscape its annex, the per-unit
 * table with each khối's subtotal and the totals. The number is left blank for the coordinator. A directive of tasks
 * (`tasks`) reports its tasks instead: their paragraph, counts and overdue rows, and the annex of tasks.
 */
export function officialReportDocument(
  model: SummaryModel,
  ctx: ReportContext,
  tasks?: TaskSummaryModel,
): Document {
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
          ...(tasks
            ? [body(tasks.paragraph), body(tasks.kpiLine.replace(/\s{2,}/g, '; '))]
            : [body(model.paragraph), ...kpiLines(model)]),
          body(msg.sectionResults, { bold: true }),
          body(msg.tableIntro),
          body(msg.sectionChase, { bold: true }),
          ...(tasks ? tasks.chase.map((line) => body(`- ${line}`)) : chaseLines(model)),
          body(msg.sectionProposals, { bold: true }),
          body(msg.proposalsPlaceholder, { italics: true }),
          body(msg.closing(ref, shortBodyName(issuer))),
          centred(''),
          signatureTable(ctx),
        ],
      },
      tasks ? tasksAnnexSection(tasks, ctx) : annexSection(model, ctx),
    ],
  });
}
