/** CSS for one cell from its effective format: fill, font, alignment, wrapping and borders. */
import type { sheets_v4 } from '@googleapis/sheets';
import { fontFamily, num, styleColor } from './html.js';

const BORDER_STYLES: Record<string, string> = {
  DOTTED: 'dotted',
  DASHED: 'dashed',
  SOLID: 'solid',
  SOLID_MEDIUM: 'solid',
  SOLID_THICK: 'solid',
  DOUBLE: 'double',
};

function border(b: sheets_v4.Schema$Border | undefined): string | undefined {
  if (!b?.style || b.style === 'NONE') return undefined;
  const style = BORDER_STYLES[b.style] ?? 'solid';
  const width = b.style === 'SOLID_THICK' || b.style === 'DOUBLE' ? 3 : b.style === 'SOLID_MEDIUM' ? 2 : 1;
  return `${width}px ${style} ${styleColor(b.colorStyle, b.color) ?? '#000000'}`;
}

/** CSS declarations for a cell format; `kind` decides the default alignment (numbers right, booleans centred). */
export function cellCss(
  format: sheets_v4.Schema$CellFormat | undefined,
  kind: 'number' | 'boolean' | 'text' | 'empty',
): string[] {
  const css: string[] = [];
  const f = format ?? {};
  const bg = styleColor(f.backgroundColorStyle, f.backgroundColor);
  if (bg) css.push(`background-color:${bg}`);
  const t = f.textFormat ?? {};
  const fg = styleColor(t.foregroundColorStyle, t.foregroundColor);
  if (fg) css.push(`color:${fg}`);
  if (t.bold) css.push('font-weight:bold');
  if (t.italic) css.push('font-style:italic');
  const lines = [t.underline ? 'underline' : '', t.strikethrough ? 'line-through' : ''].filter(Boolean);
  if (lines.length > 0) css.push(`text-decoration:${lines.join(' ')}`);
  const size = num(t.fontSize, 1, 400);
  if (size !== undefined) css.push(`font-size:${size}pt`);
  const family = fontFamily(t.fontFamily);
  if (family) css.push(`font-family:${family}`);
  const h = f.horizontalAlignment ?? (kind === 'number' ? 'RIGHT' : kind === 'boolean' ? 'CENTER' : 'LEFT');
  css.push(`text-align:${h === 'RIGHT' ? 'right' : h === 'CENTER' ? 'center' : 'left'}`);
  const v = f.verticalAlignment;
  css.push(`vertical-align:${v === 'TOP' ? 'top' : v === 'MIDDLE' ? 'middle' : 'bottom'}`);
  if (f.wrapStrategy === 'WRAP') css.push('white-space:pre-wrap', 'overflow-wrap:anywhere');
  else if (f.wrapStrategy === 'CLIP') css.push('white-space:pre', 'overflow:hidden');
  for (const side of ['top', 'right', 'bottom', 'left'] as const) {
    const b = border(f.borders?.[side]);
    if (b) css.push(`border-${side}:${b}`);
  }
  return css;
}
