/** The draft paragraph of the official report: who reported, who did not, who must fix errors, and the figures. */
import { summary as msg } from '../../messages.vi.js';
import { figureText } from './figures.js';
import { shareText, vietnamTime } from './header.js';
import type { FigureColumn, FigureTotal, SummaryKpis, SummaryRow } from './model.js';
import { timingOf } from './report-state.js';

/** At most this many unit names are listed in a sentence; the rest are counted ("và 12 đơn vị khác"). */
export const MAX_NAMES_IN_PARAGRAPH = 30;

function names(rows: readonly SummaryRow[]): string {
  const shown = rows.slice(0, MAX_NAMES_IN_PARAGRAPH).map((r) => r.unitName);
  return msg.names(shown, rows.length - shown.length);
}

function figureParts(figures: readonly FigureColumn[], totals: readonly FigureTotal[]) {
  const phrased: string[] = [];
  const headed: string[] = [];
  figures.forEach((column, i) => {
    const total = totals[i];
    // Lists stay in the table; a count of 0 says nothing a reader needs.
    if (!total || total.rule === 'list' || total.value === null) return;
    if (total.rule === 'count' && total.value === 0) return;
    const text = figureText(total.rule === 'count' ? { type: 'integer' } : column, total.value);
    if (column.phrase) phrased.push(column.phrase.replaceAll('{n}', text));
    else if (total.rule === 'sum') headed.push(msg.headedFigure(column.header, text));
    else if (total.rule === 'average') headed.push(msg.averageFigure(column.header, text));
    else headed.push(msg.countFigure(column.header, text));
  });
  return (
    (phrased.length ? msg.phrasedFigures(phrased) : '') + (headed.length ? msg.headedFigures(headed) : '')
  );
}

/** The inputs of the paragraph. */
export interface ParagraphInput {
  now: Date;
  kpis: SummaryKpis;
  rows: readonly SummaryRow[];
  figures: readonly FigureColumn[];
  totals: readonly FigureTotal[];
}

/**
 * "Tính đến 08 giờ 00 ngày 15/3/2024, có 20/25 đơn vị đã báo cáo (đạt 80%), trong đó 18 đơn vị đúng hạn, 2 đơn
 * vị trễ hạn; còn 5 đơn vị chưa báo cáo, gồm: …. Có 1 đơn vị có lỗi cần sửa …: …. Các đơn vị đã tổ chức …".
 */
export function draftParagraph({ now, kpis, rows, figures, totals }: ParagraphInput): string {
  const at = vietnamTime(now);
  const asOf = msg.asOf(at.toFormat('HH'), at.toFormat('mm'), at.toFormat('d/M/yyyy'));
  let text: string;
  if (kpis.reported === 0) {
    text = `${asOf}, ${msg.nobodyReported(kpis.total)}${
      kpis.total > 0 && kpis.overdue === kpis.total ? msg.nobodyOverdue : ''
    }.`;
  } else {
    const share = shareText(kpis.reportedShare);
    const timing = msg.timing(kpis.onTime, kpis.late);
    if (kpis.reported === kpis.total) {
      text = `${asOf}, ${msg.allReported(kpis.total, share)}${timing}.`;
    } else {
      const missing = rows.filter((r) => {
        const code = timingOf(r.status).code;
        return code !== 'dung-han' && code !== 'tre-han';
      });
      text =
        `${asOf}, ${msg.someReported(kpis.reported, kpis.total, share)}${timing}` +
        `${msg.notReported(kpis.notReported, kpis.overdue, names(missing))}.`;
    }
  }
  const withErrors = rows.filter((r) => r.status.code === 'co-loi');
  if (withErrors.length) text += msg.withErrors(withErrors.length, names(withErrors));
  const anyFigure = rows.some((r) => r.figures.some((v) => v !== null));
  return anyFigure ? text + figureParts(figures, totals) : text;
}
