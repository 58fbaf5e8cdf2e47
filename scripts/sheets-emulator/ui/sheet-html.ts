/** One tab as an HTML table: formatted values, cell styles, merges, frozen rows and columns, notes, column widths and row heights. */
import { columnLetters, quoteSheetTitle } from '../sheets/a1.js';
import { FormulaError } from '../sheets/formula-syntax.js';
import { columnCount, getCell, rowCount } from '../sheets/model.js';
import type { SheetData } from '../sheets/model.js';
import type { Renderer } from '../sheets/render.js';
import { cellCss } from './cell-style.js';
import { esc, num } from './html.js';
import { satisfiesRule } from './validation.js';

const DEFAULT_ROW_PX = 21;
const DEFAULT_COL_PX = 100;
const HEADER_PX = 20;
const ROW_HEADER_PX = 46;

/** The block of rows and columns worth drawing: up to the last stored cell, merge or frozen line, within the grid. */
export function extent(sheet: SheetData): { rows: number; cols: number } {
  const grid = sheet.properties.gridProperties ?? {};
  let rows = grid.frozenRowCount ?? 0;
  let cols = grid.frozenColumnCount ?? 0;
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (!cell) return;
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    });
  });
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.endRowIndex ?? 0);
    cols = Math.max(cols, m.endColumnIndex ?? 0);
  }
  return { rows: Math.min(rows, rowCount(sheet)), cols: Math.min(Math.max(cols, 1), columnCount(sheet)) };
}

type Span = { rowspan: number; colspan: number } | 'covered';

function spans(
  sheet: SheetData,
  hiddenRow: (r: number) => boolean,
  hiddenCol: (c: number) => boolean,
): Map<string, Span> {
  const out = new Map<string, Span>();
  for (const m of sheet.merges) {
    const r0 = m.startRowIndex ?? 0;
    const c0 = m.startColumnIndex ?? 0;
    const r1 = m.endRowIndex ?? r0 + 1;
    const c1 = m.endColumnIndex ?? c0 + 1;
    let rowspan = 0;
    let colspan = 0;
    for (let r = r0; r < r1; r++) if (!hiddenRow(r)) rowspan++;
    for (let c = c0; c < c1; c++) if (!hiddenCol(c)) colspan++;
    for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) out.set(`${r}:${c}`, 'covered');
    out.set(`${r0}:${c0}`, { rowspan: Math.max(rowspan, 1), colspan: Math.max(colspan, 1) });
  }
  return out;
}

function kindOf(v: unknown): 'number' | 'boolean' | 'text' | 'empty' {
  if (v === null || v === undefined) return 'empty';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  return 'text';
}

/** Something drawn over the grid (a chart), anchored to a cell's top left corner as Sheets' overlayPosition is. */
export interface GridOverlay {
  rowIndex: number;
  columnIndex: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
  html: string;
}

/**
 * The HTML table of one sheet; with `editable`, cells carry their A1 address for the edit form. Overlays are drawn
 * over their anchor cell; `placed` gets those that were (an anchor hidden, merged away or off the grid is not).
 */
export function sheetTable(
  renderer: Renderer,
  sheet: SheetData,
  editable: boolean,
  overlays: readonly GridOverlay[] = [],
  placed: Set<GridOverlay> = new Set(),
): string {
  const overlaysAt = new Map<string, GridOverlay[]>();
  for (const o of overlays) {
    const key = `${o.rowIndex}:${o.columnIndex}`;
    overlaysAt.set(key, [...(overlaysAt.get(key) ?? []), o]);
  }
  const { rows, cols } = extent(sheet);
  const grid = sheet.properties.gridProperties ?? {};
  const frozenRows = grid.frozenRowCount ?? 0;
  const frozenCols = grid.frozenColumnCount ?? 0;
  const hiddenRow = (r: number) => sheet.rowProps[r]?.hiddenByUser === true;
  const hiddenCol = (c: number) => sheet.colProps[c]?.hiddenByUser === true;
  const rowPx = (r: number) => num(sheet.rowProps[r]?.pixelSize, 1, 2000) ?? DEFAULT_ROW_PX;
  const colPx = (c: number) => num(sheet.colProps[c]?.pixelSize, 1, 5000) ?? DEFAULT_COL_PX;
  const merged = spans(sheet, hiddenRow, hiddenCol);
  const title = quoteSheetTitle(sheet.properties.title);
  const out: string[] = [];
  // A fixed layout honours the column widths only when the table's own width is their sum.
  let tablePx = ROW_HEADER_PX;
  for (let c = 0; c < cols; c++) if (!hiddenCol(c)) tablePx += colPx(c);
  out.push(
    `<table class="grid" style="width:${tablePx}px"><colgroup>`,
    `<col style="width:${ROW_HEADER_PX}px">`,
  );
  for (let c = 0; c < cols; c++) if (!hiddenCol(c)) out.push(`<col style="width:${colPx(c)}px">`);
  out.push('</colgroup><thead><tr><th class="corner"></th>');
  for (let c = 0; c < cols; c++) if (!hiddenCol(c)) out.push(`<th class="colhead">${columnLetters(c)}</th>`);
  out.push('</tr></thead><tbody>');
  // Frozen columns stick to the left, after the row numbers and the frozen columns before them.
  const stickyLeft: number[] = [];
  for (let c = 0, left = ROW_HEADER_PX; c < frozenCols; c++) {
    stickyLeft[c] = left;
    if (!hiddenCol(c)) left += colPx(c);
  }
  let stickyTop = HEADER_PX;
  for (let r = 0; r < rows; r++) {
    if (hiddenRow(r)) continue;
    const frozen = r < frozenRows;
    const sticky = frozen ? `position:sticky;top:${stickyTop}px;z-index:2;` : '';
    out.push(`<tr style="height:${rowPx(r)}px"${frozen ? ' class="frozen"' : ''}>`);
    out.push(`<th class="rowhead" style="${sticky}">${r + 1}</th>`);
    for (let c = 0; c < cols; c++) {
      if (hiddenCol(c)) continue;
      const span = merged.get(`${r}:${c}`);
      if (span === 'covered') continue;
      const cell = getCell(sheet, r, c);
      const value = renderer.effective(sheet, r, c);
      const checkbox = cell?.dataValidation?.condition?.type === 'BOOLEAN' && typeof value === 'boolean';
      // a checkbox cell shows a box, as Sheets draws it, rather than TRUE/FALSE
      const text = checkbox ? (value ? '☑' : '☐') : (renderer.formatted(sheet, r, c) ?? '');
      const css = cellCss(cell?.userEnteredFormat, kindOf(value));
      const left = stickyLeft[c];
      if (frozen || left !== undefined) {
        css.push('position:sticky');
        if (frozen) css.push(`top:${stickyTop}px`);
        if (left !== undefined) css.push(`left:${left}px`);
        css.push(`z-index:${frozen && left !== undefined ? 2 : 1}`);
      }
      const attrs: string[] = [`style="${esc(css.join(';'))}"`];
      const classes: string[] = [];
      if (span) {
        if (span.rowspan > 1) attrs.push(`rowspan="${span.rowspan}"`);
        if (span.colspan > 1) attrs.push(`colspan="${span.colspan}"`);
      }
      if (cell?.note) {
        attrs.push(`title="${esc(cell.note)}"`);
        classes.push('note');
      }
      if (cell?.dataValidation?.condition?.type?.startsWith('ONE_OF_')) classes.push('list');
      if (value instanceof FormulaError) classes.push('error');
      if (cell?.dataValidation && !satisfiesRule(renderer, sheet, r, c)) classes.push('invalid');
      if (classes.length > 0) attrs.push(`class="${classes.join(' ')}"`);
      if (editable) attrs.push(`data-a1="${esc(`${title}!${columnLetters(c)}${r + 1}`)}"`);
      const drawn = (overlaysAt.get(`${r}:${c}`) ?? []).map((o) => {
        placed.add(o);
        return (
          `<div class="overlay" style="left:${o.offsetX}px;top:${o.offsetY}px;width:${o.width}px;` +
          `height:${o.height}px">${o.html}</div>`
        );
      });
      if (drawn.length > 0)
        attrs[0] = attrs[0]!.replace('style="', 'style="position:relative;overflow:visible;');
      out.push(`<td ${attrs.join(' ')}>${esc(text)}${drawn.join('')}</td>`);
    }
    out.push('</tr>');
    if (frozen) stickyTop += rowPx(r);
  }
  out.push('</tbody></table>');
  return out.join('');
}
