/** The .xlsx export of a spreadsheet (exceljs): values, number formats, fills, fonts, borders, alignment, merges, frozen panes, widths, notes, validation. */
import type { sheets_v4 } from '@googleapis/sheets';
import ExcelJS from 'exceljs';
import { columnLetters } from '../sheets/a1.js';
import { FormulaError } from '../sheets/formula-syntax.js';
import { getCell } from '../sheets/model.js';
import type { Book, SheetData } from '../sheets/model.js';
import { Renderer } from '../sheets/render.js';
import { styleColor } from './html.js';
import { extent } from './sheet-html.js';

/** The MIME type of an .xlsx file. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Default patterns for number formats stored with a type only. */
const DEFAULT_PATTERNS: Record<string, string> = {
  NUMBER: '#,##0.00',
  PERCENT: '0.00%',
  CURRENCY: '#,##0.00 [$₫-42A]',
  DATE: 'dd/mm/yyyy',
  TIME: 'hh:mm:ss',
  DATE_TIME: 'dd/mm/yyyy hh:mm:ss',
  SCIENTIFIC: '0.00E+00',
  TEXT: '@',
};

function argb(
  style: sheets_v4.Schema$ColorStyle | null | undefined,
  legacy?: sheets_v4.Schema$Color | null,
): string | undefined {
  const css = styleColor(style, legacy);
  return css ? `FF${css.slice(1).toUpperCase()}` : undefined;
}

/** An Excel-safe, unique worksheet name (≤ 31 characters, none of []:*?/\). */
function sheetName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++)
    name = `${base.slice(0, 31 - String(i).length - 1)}_${i}`;
  taken.add(name.toLowerCase());
  return name;
}

function numFmt(nf: sheets_v4.Schema$NumberFormat | undefined): string | undefined {
  if (!nf) return undefined;
  return nf.pattern || DEFAULT_PATTERNS[nf.type ?? ''];
}

function validation(rule: sheets_v4.Schema$DataValidationRule): ExcelJS.DataValidation | undefined {
  const c = rule.condition;
  const strict = rule.strict === true;
  const values = (c?.values ?? []).map((v) => v.userEnteredValue ?? '');
  const base = { allowBlank: true, showErrorMessage: strict, errorStyle: strict ? 'stop' : 'warning' };
  switch (c?.type) {
    case 'ONE_OF_LIST':
      return { ...base, type: 'list', formulae: [`"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`] };
    case 'ONE_OF_RANGE':
      return { ...base, type: 'list', formulae: [(values[0] ?? '').replace(/^=/, '')] };
    case 'NUMBER_BETWEEN':
      return { ...base, type: 'decimal', operator: 'between', formulae: values.slice(0, 2).map(Number) };
    case 'NUMBER_GREATER_THAN_EQ':
      return { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [Number(values[0])] };
    case 'NUMBER_LESS_THAN_EQ':
      return { ...base, type: 'decimal', operator: 'lessThanOrEqual', formulae: [Number(values[0])] };
    default:
      return undefined; // other conditions have no faithful Excel equivalent here
  }
}

const BORDER_STYLES: Record<string, ExcelJS.BorderStyle> = {
  DOTTED: 'dotted',
  DASHED: 'dashed',
  SOLID: 'thin',
  SOLID_MEDIUM: 'medium',
  SOLID_THICK: 'thick',
  DOUBLE: 'double',
};

function borders(b: sheets_v4.Schema$Borders | undefined): Partial<ExcelJS.Borders> | undefined {
  const out: Partial<ExcelJS.Borders> = {};
  for (const side of ['top', 'left', 'bottom', 'right'] as const) {
    const s = b?.[side];
    const style = s?.style ? BORDER_STYLES[s.style] : undefined;
    if (!style) continue;
    out[side] = { style, color: { argb: argb(s?.colorStyle, s?.color) ?? 'FF000000' } };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function writeCell(renderer: Renderer, sheet: SheetData, r: number, c: number, target: ExcelJS.Cell): void {
  const cell = getCell(sheet, r, c);
  if (!cell) return;
  const uv = cell.userEnteredValue;
  const v = renderer.effective(sheet, r, c);
  const result = v instanceof FormulaError ? { error: v.text as ExcelJS.ErrorValue } : v;
  if (uv?.formulaValue != null) {
    target.value = {
      formula: uv.formulaValue.replace(/^=/, ''),
      result: result ?? undefined,
    };
  } else if (v instanceof FormulaError) target.value = { error: v.text as ExcelJS.ErrorValue };
  else if (v !== null) target.value = v;
  const nf = numFmt(renderer.numberFormat(sheet, r, c));
  if (nf) target.numFmt = nf;
  const f = cell.userEnteredFormat;
  if (f) {
    const bg = argb(f.backgroundColorStyle, f.backgroundColor);
    if (bg) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: bg } };
    const t = f.textFormat ?? {};
    const font: Partial<ExcelJS.Font> = {};
    if (t.bold) font.bold = true;
    if (t.italic) font.italic = true;
    if (t.underline) font.underline = true;
    if (t.strikethrough) font.strike = true;
    if (t.fontSize) font.size = t.fontSize;
    if (t.fontFamily) font.name = t.fontFamily;
    const fg = argb(t.foregroundColorStyle, t.foregroundColor);
    if (fg) font.color = { argb: fg };
    if (Object.keys(font).length > 0) target.font = font;
    const align: Partial<ExcelJS.Alignment> = {};
    if (f.horizontalAlignment)
      align.horizontal = f.horizontalAlignment.toLowerCase() as ExcelJS.Alignment['horizontal'];
    if (f.verticalAlignment)
      align.vertical =
        f.verticalAlignment === 'MIDDLE'
          ? 'middle'
          : (f.verticalAlignment.toLowerCase() as ExcelJS.Alignment['vertical']);
    if (f.wrapStrategy === 'WRAP') align.wrapText = true;
    if (Object.keys(align).length > 0) target.alignment = align;
    const border = borders(f.borders);
    if (border) target.border = border;
  }
  if (cell.note) target.note = cell.note;
  const dv = cell.dataValidation ? validation(cell.dataValidation) : undefined;
  if (dv) target.dataValidation = dv;
}

function writeSheet(renderer: Renderer, sheet: SheetData, ws: ExcelJS.Worksheet): void {
  const { rows, cols } = extent(sheet);
  for (let c = 0; c < cols; c++) {
    const p = sheet.colProps[c];
    const col = ws.getColumn(c + 1);
    // Excel widths are in characters of the default font: about 7 px each, plus padding.
    col.width = Math.round((((p?.pixelSize ?? 100) - 5) / 7) * 100) / 100;
    if (p?.hiddenByUser) col.hidden = true;
  }
  for (let r = 0; r < rows; r++) {
    const p = sheet.rowProps[r];
    const row = ws.getRow(r + 1);
    if (p?.pixelSize) row.height = p.pixelSize * 0.75;
    if (p?.hiddenByUser) row.hidden = true;
    const stored = sheet.rows[r];
    if (!stored) continue;
    for (let c = 0; c < Math.min(stored.length, cols); c++)
      writeCell(renderer, sheet, r, c, row.getCell(c + 1));
  }
  for (const m of sheet.merges) {
    const r0 = m.startRowIndex ?? 0;
    const c0 = m.startColumnIndex ?? 0;
    const r1 = m.endRowIndex ?? r0 + 1;
    const c1 = m.endColumnIndex ?? c0 + 1;
    if (r1 - r0 > 1 || c1 - c0 > 1)
      ws.mergeCells(`${columnLetters(c0)}${r0 + 1}:${columnLetters(c1 - 1)}${r1}`);
  }
}

/** The workbook as an .xlsx file (every sheet, hidden ones hidden). */
export async function exportXlsx(book: Book): Promise<Buffer> {
  const renderer = new Renderer(book);
  const wb = new ExcelJS.Workbook();
  wb.title = book.properties.title;
  const taken = new Set<string>();
  for (const sheet of book.sheets) {
    const grid = sheet.properties.gridProperties ?? {};
    const ySplit = grid.frozenRowCount ?? 0;
    const xSplit = grid.frozenColumnCount ?? 0;
    const tab = argb(sheet.properties.tabColorStyle, sheet.properties.tabColor);
    const ws = wb.addWorksheet(sheetName(sheet.properties.title, taken), {
      state: sheet.properties.hidden ? 'hidden' : 'visible',
      views: ySplit > 0 || xSplit > 0 ? [{ state: 'frozen', xSplit, ySplit }] : [],
      ...(tab ? { properties: { tabColor: { argb: tab } } } : {}),
    });
    writeSheet(renderer, sheet, ws);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
