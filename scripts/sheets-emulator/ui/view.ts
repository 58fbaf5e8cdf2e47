/** The HTML page of a spreadsheet as people see it in Sheets: a tab bar, every visible tab's grid and its charts. */
import type { Book } from '../sheets/model.js';
import { Renderer } from '../sheets/render.js';
import { chartSvg } from './chart-svg.js';
import { esc, styleColor } from './html.js';
import { sheetTable, type GridOverlay } from './sheet-html.js';

const STYLE = `
body{margin:0;font-family:arial,sans-serif;font-size:10pt;color:#000}
header{padding:8px 12px;border-bottom:1px solid #dadce0;background:#f8f9fa}
header h1{font-size:16px;margin:0;font-weight:normal}
nav.tabs{display:flex;gap:2px;padding:4px 8px 0;background:#f1f3f4;border-bottom:1px solid #dadce0;position:sticky;top:0;z-index:5}
nav.tabs a{padding:6px 14px;text-decoration:none;color:#202124;background:#e8eaed;border-radius:4px 4px 0 0;border-bottom:3px solid transparent}
section.sheet{padding:8px 0 24px}
section.sheet h2{font-size:13px;margin:4px 12px}
.scroll{overflow:auto;max-height:80vh;border-top:1px solid #c0c0c0}
body.one-tab .scroll{overflow:visible;max-height:none}
table.grid{border-collapse:separate;border-spacing:0;table-layout:fixed}
table.grid td{border-right:1px solid #e2e2e2;border-bottom:1px solid #e2e2e2;padding:2px 3px;white-space:nowrap;overflow:hidden;background-color:#fff;font-family:arial,sans-serif;font-size:10pt}
table.grid th{background:#f8f9fa;color:#5f6368;font-weight:normal;font-size:9pt;border-right:1px solid #c0c0c0;border-bottom:1px solid #c0c0c0}
table.grid thead th{position:sticky;top:0;z-index:3;height:20px}
table.grid th.rowhead{position:sticky;left:0;z-index:2}
table.grid tr.frozen td{box-shadow:inset 0 -1px 0 #9aa0a6}
td.note{background-image:linear-gradient(225deg,#000 4px,transparent 4px)}
td.list::after{content:" ▾";color:#5f6368}
td.error{color:#d93025}
td.invalid{background-image:linear-gradient(135deg,#d93025 6px,transparent 6px)}
.charts{display:flex;flex-wrap:wrap;gap:12px;padding:12px}
div.overlay{position:absolute;z-index:1;white-space:normal}
div.overlay svg{width:100%;height:100%}
form.edit{display:flex;gap:6px;align-items:center;padding:6px 12px;background:#e8f0fe}
form.edit input[name=value]{width:320px}
p.refused{margin:0;padding:8px 12px;background:#fce8e6;color:#a50e0e}
table.grid thead th.corner{left:0;z-index:4}
`;

/**
 * On a one-tab page, records the page's full size on the document element once laid out, so a headless browser's
 * --dump-dom can tell how large a screenshot of the whole tab must be.
 */
export const PAGE_SIZE_ATTRIBUTES = { width: 'data-page-width', height: 'data-page-height' } as const;
const MEASURE_SCRIPT =
  `window.addEventListener('load',function(){var d=document.documentElement,b=document.body;` +
  `d.setAttribute('${PAGE_SIZE_ATTRIBUTES.width}',String(Math.ceil(Math.max(d.scrollWidth,b.scrollWidth))));` +
  `d.setAttribute('${PAGE_SIZE_ATTRIBUTES.height}',String(Math.ceil(Math.max(d.scrollHeight,b.scrollHeight))));});`;

const EDIT_SCRIPT = `document.addEventListener('click',function(e){var t=e.target;if(!(t instanceof HTMLElement))return;var td=t.closest('td[data-a1]');if(!td)return;var f=td.closest('section').querySelector('form.edit');f.elements.range.value=td.getAttribute('data-a1');f.elements.value.value=td.textContent;f.elements.value.focus();});`;

/** The index page: every spreadsheet with links to its view and its .xlsx export. */
export function renderIndex(
  files: { id: string; title: string; owner: string; modifiedTime: string }[],
): string {
  const rows = files
    .map((f) => {
      const base = `/__emulator/spreadsheets/${encodeURIComponent(f.id)}`;
      return (
        `<tr><td><a href="${esc(base)}/view">${esc(f.title)}</a></td><td>${esc(f.owner)}</td>` +
        `<td>${esc(f.modifiedTime)}</td><td><a href="${esc(base)}.xlsx">.xlsx</a></td></tr>`
      );
    })
    .join('');
  return (
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bảng tính</title><style>${STYLE}</style></head>` +
    `<body><header><h1>Bảng tính trong trình giả lập (${files.length})</h1></header>` +
    `<table class="grid"><thead><tr><th>Tên</th><th>Chủ sở hữu</th><th>Sửa lần cuối</th><th>Tải về</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></body></html>`
  );
}

/** Options of the view. */
export interface ViewOptions {
  /** Show an edit form that types into cells as this officer (posted to ui-edit, which fires the trigger). */
  editAs?: string;
  /** A refusal to show above the tabs (the last edit-form post that Sheets refused). */
  error?: string;
  /**
   * Show only the tab with this sheet id, whole (no scroll box: the page is as tall as the tab), for a screenshot;
   * every tab otherwise.
   */
  tab?: number;
}

/** The whole HTML page of a spreadsheet; every piece of spreadsheet content is escaped. */
export function renderView(book: Book, options: ViewOptions = {}): string {
  const renderer = new Renderer(book);
  const visible = book.sheets.filter((s) => !s.properties.hidden);
  const editAs = options.editAs;
  const tabs = visible
    .map((s) => {
      const colour = styleColor(s.properties.tabColorStyle, s.properties.tabColor);
      const style = colour ? ` style="border-bottom-color:${colour}"` : '';
      return `<a href="#sheet-${s.properties.sheetId}"${style}>${esc(s.properties.title)}</a>`;
    })
    .join('');
  const shown =
    options.tab === undefined ? visible : visible.filter((s) => s.properties.sheetId === options.tab);
  const sections = shown.map((s) => {
    const form = editAs
      ? `<form class="edit" method="post" action="/__emulator/spreadsheets/${esc(encodeURIComponent(book.spreadsheetId))}/ui-edit">` +
        `<span>Nhập với tư cách <b>${esc(editAs)}</b>:</span><input type="hidden" name="email" value="${esc(editAs)}">` +
        `<input name="range" placeholder="Ô (A1)" value="${esc(`'${s.properties.title.replace(/'/g, "''")}'!A1`)}">` +
        `<input name="value" placeholder="Giá trị"><button type="submit">Ghi</button></form>`
      : '';
    const overlays = chartOverlays(renderer, s);
    const placed = new Set<GridOverlay>();
    const table = sheetTable(renderer, s, editAs !== undefined, overlays, placed);
    // Charts on their own sheet, or anchored to a cell the grid does not show, are drawn after the grid.
    const charts = overlays
      .filter((o) => !placed.has(o))
      .map((o) => o.html)
      .join('');
    return (
      `<section class="sheet" id="sheet-${s.properties.sheetId}"><h2>${esc(s.properties.title)}</h2>${form}` +
      `<div class="scroll">${table}</div>` +
      (charts ? `<div class="charts">${charts}</div>` : '') +
      `</section>`
    );
  });
  return (
    `<!doctype html><html lang="${esc((book.properties.locale || 'vi').split('_')[0])}"><head><meta charset="utf-8">` +
    `<title>${esc(book.properties.title)}</title><style>${STYLE}</style></head>` +
    `<body${options.tab === undefined ? '' : ' class="one-tab"'}>` +
    `<header><h1>${esc(book.properties.title)}</h1></header>` +
    (options.error ? `<p class="refused" role="alert">${esc(options.error)}</p>` : '') +
    `<nav class="tabs">${tabs}</nav>${sections.join('')}` +
    (editAs ? `<script>${EDIT_SCRIPT}</script>` : '') +
    (options.tab === undefined ? '' : `<script>${MEASURE_SCRIPT}</script>`) +
    `</body></html>`
  );
}

/** One overlay per chart, in the same order (a placeholder off the grid for charts without a cell anchor here). */
function chartOverlays(renderer: Renderer, sheet: Book['sheets'][number]): GridOverlay[] {
  return sheet.charts.map((chart) => {
    const overlay = chart.position?.overlayPosition;
    const anchor = overlay?.anchorCell;
    const here = anchor && (anchor.sheetId ?? sheet.properties.sheetId) === sheet.properties.sheetId;
    return {
      rowIndex: here ? (anchor.rowIndex ?? 0) : -1,
      columnIndex: here ? (anchor.columnIndex ?? 0) : -1,
      offsetX: overlay?.offsetXPixels ?? 0,
      offsetY: overlay?.offsetYPixels ?? 0,
      width: overlay?.widthPixels ?? 600,
      height: overlay?.heightPixels ?? 371,
      html: chartSvg(renderer, chart),
    };
  });
}
