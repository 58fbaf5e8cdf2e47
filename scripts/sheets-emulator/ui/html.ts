/** Small helpers for building HTML strings safely: escaping, colours and CSS values from untrusted data. */
import type { sheets_v4 } from '@googleapis/sheets';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and quoted attribute values. */
export function esc(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

function channel(v: number | null | undefined): number {
  const n = typeof v === 'number' && Number.isFinite(v) ? v : 0;
  return Math.round(Math.min(1, Math.max(0, n)) * 255);
}

/** A CSS colour (#rrggbb) from a Sheets Color, or undefined when absent; missing channels are 0, as in the API. */
export function cssColor(c: sheets_v4.Schema$Color | null | undefined): string | undefined {
  if (!c) return undefined;
  const hex = [c.red, c.green, c.blue].map((v) => channel(v).toString(16).padStart(2, '0')).join('');
  return `#${hex}`;
}

/** The colour of a ColorStyle (rgbColor only; theme colours are not resolved) or of the legacy Color field. */
export function styleColor(
  style: sheets_v4.Schema$ColorStyle | null | undefined,
  legacy: sheets_v4.Schema$Color | null | undefined,
): string | undefined {
  return cssColor(style?.rgbColor ?? legacy);
}

/** A finite number clamped to [min, max], or undefined. */
export function num(v: unknown, min: number, max: number): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : undefined;
}

/** A font family name reduced to characters that cannot break out of a CSS declaration. */
export function fontFamily(name: string | null | undefined): string | undefined {
  const clean = (name ?? '').replace(/[^\p{L}\p{N} _-]/gu, '').trim();
  return clean ? `'${clean}', sans-serif` : undefined;
}
