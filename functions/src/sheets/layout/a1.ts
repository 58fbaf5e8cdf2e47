/** Small A1-notation helpers for the ranges theodoi writes and the ranges Sheets echoes back. */

/** 0-based column index of a column's letters ("A" → 0, "AA" → 26). */
export function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Column letters of a 0-based index (0 → "A", 26 → "AA"). */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name as A1 notation wants it: quoted, with quotes doubled. */
export function quoteSheetName(title: string): string {
  return `'${title.replace(/'/g, "''")}'`;
}

/** The 0-based first column of an echoed range such as "'Quý I/2024'!C1:C29"; undefined for row-only ranges. */
export function firstColumnOf(range: string): number | undefined {
  const cells = range.slice(range.lastIndexOf('!') + 1);
  const match = /^\$?([A-Za-z]+)/.exec(cells);
  return match?.[1] ? columnIndexOf(match[1]) : undefined;
}

/** The sheet name of an echoed range such as "'Quý I/2024'!C1:C29" (quotes removed, doubled quotes undone). */
export function sheetNameOf(range: string): string | undefined {
  if (range.startsWith("'")) {
    const match = /^'((?:[^']|'')*)'!/.exec(range);
    return match?.[1]?.replace(/''/g, "'");
  }
  const bang = range.indexOf('!');
  return bang > 0 ? range.slice(0, bang) : undefined;
}
