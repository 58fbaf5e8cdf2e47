/** Charts drawn as simple inline SVG (column, bar, line as columns, pie) from their stored spec and source ranges. */
import type { sheets_v4 } from '@googleapis/sheets';
import { sheetById } from '../sheets/model.js';
import type { Renderer } from '../sheets/render.js';
import { esc } from './html.js';

const PALETTE = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72'];
const W = 480;
const H = 300;

/** The cells of a ChartData's first source range, in order (row by row), as formatted text and numbers. */
function cellsOf(
  renderer: Renderer,
  data: sheets_v4.Schema$ChartData | undefined,
): { text: string; value: number }[] {
  const g = data?.sourceRange?.sources?.[0];
  if (!g) return [];
  const sheet = sheetById(renderer.book, g.sheetId ?? 0);
  if (!sheet) return [];
  const out: { text: string; value: number }[] = [];
  const r1 = Math.min(g.endRowIndex ?? (g.startRowIndex ?? 0) + 1, (g.startRowIndex ?? 0) + 500);
  const c1 = Math.min(g.endColumnIndex ?? (g.startColumnIndex ?? 0) + 1, (g.startColumnIndex ?? 0) + 500);
  for (let r = g.startRowIndex ?? 0; r < r1; r++) {
    for (let c = g.startColumnIndex ?? 0; c < c1; c++) {
      const v = renderer.effective(sheet, r, c);
      out.push({ text: renderer.formatted(sheet, r, c) ?? '', value: typeof v === 'number' ? v : 0 });
    }
  }
  return out;
}

interface Series {
  name: string;
  values: number[];
  /** Per-point colours from the series' styleOverrides (undefined: the series colour). */
  pointColours: (string | undefined)[];
}

/** A Sheets colour as CSS hex. */
function hex(colour: sheets_v4.Schema$Color | undefined): string | undefined {
  if (!colour) return undefined;
  const part = (x: number | null | undefined) =>
    Math.round(Math.min(1, Math.max(0, x ?? 0)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${part(colour.red)}${part(colour.green)}${part(colour.blue)}`;
}

/** A category label in at most two lines of about `chars` characters, as Sheets wraps axis labels. */
function wrapped(label: string, chars: number): string[] {
  if (label.length <= chars) return [label];
  const words = label.split(' ');
  let first = '';
  while (words.length > 0 && (first + ' ' + words[0]).trim().length <= chars)
    first = `${first} ${words.shift()}`.trim();
  if (!first) first = words.shift() ?? '';
  const rest = words.join(' ');
  return [first, rest.length > chars ? `${rest.slice(0, Math.max(1, chars - 1))}…` : rest].filter(Boolean);
}

function frame(title: string, body: string): string {
  return (
    `<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">` +
    `<rect width="${W}" height="${H}" fill="#ffffff" stroke="#dadce0"/>` +
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>${body}</svg>`
  );
}

function legend(series: Series[]): string {
  return series
    .map(
      (s, i) =>
        `<rect x="${12 + i * 110}" y="${H - 18}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/>` +
        `<text x="${26 + i * 110}" y="${H - 9}" font-size="11">${esc(s.name)}</text>`,
    )
    .join('');
}

function bars(labels: string[], series: Series[], horizontal: boolean, showLegend: boolean): string {
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const min = Math.min(0, ...series.flatMap((s) => s.values));
  const span = max - min || 1;
  const left = horizontal ? 110 : 40;
  const top = 36;
  const right = W - 12;
  const bottom = H - 50;
  const n = Math.max(labels.length, 1);
  const out: string[] = [];
  const slot = ((horizontal ? bottom - top : right - left) / n) * 0.8;
  const barSize = slot / Math.max(series.length, 1);
  labels.forEach((label, i) => {
    const base =
      (horizontal ? top : left) + (((horizontal ? bottom - top : right - left) / n) * i + slot * 0.125);
    series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      const colour = s.pointColours[i] ?? PALETTE[k % PALETTE.length]!;
      if (horizontal) {
        const zero = left + ((0 - min) / span) * (right - left);
        const end = left + ((v - min) / span) * (right - left);
        out.push(
          `<rect x="${Math.min(zero, end).toFixed(1)}" y="${(base + k * barSize).toFixed(1)}" width="${Math.abs(end - zero).toFixed(1)}" height="${barSize.toFixed(1)}" fill="${colour}"><title>${esc(`${label}: ${v}`)}</title></rect>`,
        );
      } else {
        const zero = bottom - ((0 - min) / span) * (bottom - top);
        const end = bottom - ((v - min) / span) * (bottom - top);
        out.push(
          `<rect x="${(base + k * barSize).toFixed(1)}" y="${Math.min(zero, end).toFixed(1)}" width="${barSize.toFixed(1)}" height="${Math.abs(end - zero).toFixed(1)}" fill="${colour}"><title>${esc(`${label}: ${v}`)}</title></rect>`,
        );
      }
    });
    const mid = base + slot / 2;
    out.push(
      horizontal
        ? `<text x="${left - 4}" y="${mid.toFixed(1)}" text-anchor="end" font-size="10" dominant-baseline="middle">${esc(label)}</text>`
        : `<text x="${mid.toFixed(1)}" y="${bottom + 14}" text-anchor="middle" font-size="10">` +
            wrapped(label, Math.max(4, Math.floor((right - left) / n / 5.5)))
              .map((line, j) => `<tspan x="${mid.toFixed(1)}" dy="${j === 0 ? 0 : 12}">${esc(line)}</tspan>`)
              .join('') +
            `</text>`,
    );
  });
  out.push(
    horizontal
      ? `<line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="#5f6368"/>`
      : `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#5f6368"/>`,
  );
  return out.join('') + (showLegend ? legend(series) : '');
}

function pie(labels: string[], values: number[]): string {
  const total = values.reduce((a, v) => a + Math.max(v, 0), 0) || 1;
  const cx = W / 2 - 60;
  const cy = H / 2 + 10;
  const radius = 100;
  let angle = -Math.PI / 2;
  const out: string[] = [];
  values.forEach((v, i) => {
    const share = Math.max(v, 0) / total;
    const colour = PALETTE[i % PALETTE.length]!;
    const label = esc(`${labels[i] ?? ''}: ${v}`);
    if (share >= 0.9999) {
      out.push(
        `<circle cx="${cx}" cy="${cy}" r="${radius}" fill="${colour}"><title>${label}</title></circle>`,
      );
    } else if (share > 0) {
      const a2 = angle + share * 2 * Math.PI;
      const [x1, y1, x2, y2] = [
        cx + radius * Math.cos(angle),
        cy + radius * Math.sin(angle),
        cx + radius * Math.cos(a2),
        cy + radius * Math.sin(a2),
      ];
      out.push(
        `<path d="M${cx},${cy} L${x1.toFixed(1)},${y1.toFixed(1)} A${radius},${radius} 0 ${share > 0.5 ? 1 : 0} 1 ${x2.toFixed(1)},${y2.toFixed(1)} Z" fill="${colour}"><title>${label}</title></path>`,
      );
      angle = a2;
    }
    out.push(
      `<rect x="${W - 150}" y="${50 + i * 16}" width="10" height="10" fill="${colour}"/><text x="${W - 136}" y="${59 + i * 16}" font-size="11">${esc(labels[i] ?? '')}</text>`,
    );
  });
  return out.join('');
}

/** An SVG drawing of an embedded chart, or a labelled placeholder for chart types not drawn here. */
export function chartSvg(renderer: Renderer, chart: sheets_v4.Schema$EmbeddedChart): string {
  const spec = chart.spec ?? {};
  const title = spec.title ?? '';
  if (spec.pieChart) {
    const labels = cellsOf(renderer, spec.pieChart.domain).map((c) => c.text);
    const values = cellsOf(renderer, spec.pieChart.series).map((c) => c.value);
    return frame(title, pie(labels, values));
  }
  const basic = spec.basicChart;
  if (!basic)
    return frame(
      title || 'Biểu đồ',
      `<text x="${W / 2}" y="${H / 2}" text-anchor="middle" font-size="12">(loại biểu đồ này không được vẽ ở đây)</text>`,
    );
  const headers = basic.headerCount ?? 0;
  const domain = cellsOf(renderer, basic.domains?.[0]?.domain).map((c) => c.text);
  const series: Series[] = (basic.series ?? []).map((s, i) => {
    const cells = cellsOf(renderer, s.series);
    const pointColours: (string | undefined)[] = [];
    for (const o of s.styleOverrides ?? []) {
      pointColours[o.index ?? 0] = hex(o.colorStyle?.rgbColor ?? o.color ?? undefined);
    }
    return {
      name: headers > 0 ? (cells[0]?.text ?? `Chuỗi ${i + 1}`) : `Chuỗi ${i + 1}`,
      values: cells.slice(headers).map((c) => c.value),
      pointColours,
    };
  });
  const showLegend = basic.legendPosition !== 'NO_LEGEND';
  return frame(title, bars(domain.slice(headers), series, basic.chartType === 'BAR', showLegend));
}
