/** The hash of a row's raw cells that tells a changed report from an unchanged one (stored as `rawHash`). */
import { hash } from 'node:crypto';
import type { CellValue } from '../values/cell.js';

// The hash is the sha256 of the canonical JSON `JSON.stringify(sortedCells)`: keys in sort order, blank cells left
// out. Stored hashes were computed that way, so the bytes hashed must stay exactly the same. They are written here
// straight into one reusable UTF-8 buffer per sync: building the text as a string (a sorted object and JSON.stringify,
// or concatenation) allocated several kilobytes per row, and the garbage collections that caused showed in sync times.

/** Keys written as they are in the JSON text: an object with such keys keeps their insertion order. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Characters JSON.stringify escapes in a string: quote, backslash, control characters and (lone) surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are among what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001F\uD800-\uDFFF]/;
const QUOTE = 0x22;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

function isBlank(value: CellValue): boolean {
  return value === undefined || value === null || value === '';
}

/** The canonical JSON of raw cells: the reference definition of what is hashed. */
function canonicalJson(cells: Readonly<Record<string, CellValue>>): string {
  const sorted: Record<string, string | number | boolean> = {};
  for (const key of Object.keys(cells).sort()) {
    const v = cells[key];
    if (!isBlank(v)) sorted[key] = v as string | number | boolean;
  }
  return JSON.stringify(sorted);
}

/** A growable byte buffer that text is written into as UTF-8 and that is hashed in place. */
class Utf8Buffer {
  private bytes = Buffer.allocUnsafe(2048);
  private length = 0;

  clear(): void {
    this.length = 0;
  }

  byte(value: number): void {
    this.reserve(1);
    this.bytes[this.length++] = value;
  }

  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Writes ASCII text (numbers, true, false, null) byte by byte: cheaper than encoding such short texts. */
  ascii(value: string): void {
    this.reserve(value.length);
    for (let i = 0; i < value.length; i++) this.bytes[this.length++] = value.charCodeAt(i);
  }

  /** Writes text without lone surrogates (they are what JSON escapes), so UTF-8 holds it exactly. */
  text(value: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    this.reserve(value.length * 3);
    this.length += this.bytes.write(value, this.length);
  }

  sha256(): string {
    return hash('sha256', this.bytes.subarray(0, this.length), 'hex');
  }

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.length + more));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}

/** The sorted keys of a row, with each key's `{"key":` and `,"key":` already encoded. */
interface KeyOrder {
  keys: readonly string[];
  first: readonly Uint8Array[];
  next: readonly Uint8Array[];
}

function keyOrder(keys: readonly string[]): KeyOrder {
  const sorted = [...keys].sort();
  return {
    keys: sorted,
    first: sorted.map((k) => Buffer.from(`{"${k}":`)),
    next: sorted.map((k) => Buffer.from(`,"${k}":`)),
  };
}

/** Writes a value as JSON.stringify would; false for a value left to the reference definition. */
function writeValue(out: Utf8Buffer, value: CellValue): boolean {
  if (typeof value === 'string') {
    if (NEEDS_ESCAPE.test(value)) {
      out.text(JSON.stringify(value));
    } else {
      out.byte(QUOTE);
      out.text(value);
      out.byte(QUOTE);
    }
  } else if (typeof value === 'number') {
    out.ascii(Number.isFinite(value) ? String(value) : 'null');
  } else if (typeof value === 'boolean') {
    out.ascii(value ? 'true' : 'false');
  } else {
    return false;
  }
  return true;
}

/** Writes the canonical JSON of cells in the given key order; false if a value needs the reference definition. */
function writeCanonicalJson(
  out: Utf8Buffer,
  cells: Readonly<Record<string, CellValue>>,
  order: KeyOrder,
): boolean {
  out.clear();
  let written = 0;
  for (let i = 0; i < order.keys.length; i++) {
    const value = cells[order.keys[i]!];
    if (isBlank(value)) continue;
    out.raw(written === 0 ? order.first[i]! : order.next[i]!);
    if (!writeValue(out, value)) return false;
    written++;
  }
  if (written === 0) out.byte(OPEN_BRACE);
  out.byte(CLOSE_BRACE);
  return true;
}

/** Canonical JSON of raw cells (sorted keys, blanks left out), hashed: any change an officer makes changes it. */
export function rawCellsHash(cells: Readonly<Record<string, CellValue>>): string {
  return hash('sha256', canonicalJson(cells), 'hex');
}

/**
 * A function computing {@link rawCellsHash} for many rows, faster. Rows of one sheet have the same keys, so the key
 * order of the previous row is reused whenever the next row has exactly the same keys.
 */
export function rawCellsHasher(): (cells: Readonly<Record<string, CellValue>>) => string {
  const out = new Utf8Buffer();
  let lastKeys: string[] = [];
  let lastOrder: KeyOrder | undefined = keyOrder([]);
  const orderOf = (keys: string[]): KeyOrder | undefined => {
    const same = keys.length === lastKeys.length && keys.every((k, i) => k === lastKeys[i]);
    if (!same) {
      lastKeys = keys;
      // Integer-like keys (and __proto__) do not keep their place in a JSON object: leave them to the slow path.
      const plain = keys.every((k) => PLAIN_KEY.test(k) && k !== '__proto__');
      lastOrder = plain ? keyOrder(keys) : undefined;
    }
    return lastOrder;
  };
  return (cells) => {
    const order = orderOf(Object.keys(cells));
    if (order && writeCanonicalJson(out, cells, order)) return out.sha256();
    return rawCellsHash(cells);
  };
}
