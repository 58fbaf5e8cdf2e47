/** One row of the register tab as read: the coordinator's inputs, what theodoi last wrote, and the row's marker. */
import { isIsoDate, type IsoDate } from '../calendar/iso-date.js';
import { parseVietnameseDate } from '../calendar/vietnamese-date.js';
import type { GridValue } from '../sync/report-grid.js';
import { columnIndex, REGISTER_COLUMN_KEYS, type RegisterColumnKey } from './columns.js';

/** A register row: 0-based `row`, each column's text as read, the ticks, and the directive its marker names. */
export interface RegisterRow {
  row: number;
  /** Each column's content as text ('' when blank; a tick box reads "TRUE"/"FALSE"). */
  cells: Record<RegisterColumnKey, string>;
  confirmPast: boolean;
  create: boolean;
  close: boolean;
  /** The directive theodoi started creating from this row (its PROJECT marker), if any. */
  directiveId?: string;
}

/** The text of a cell as entered (a date serial as dd/mm/yyyy; a tick as TRUE/FALSE). */
function textOf(value: GridValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    const iso = isoOfSerial(value);
    return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : String(value);
  }
  return String(value);
}

/** A Sheets date serial (days since 30/12/1899) as yyyy-MM-dd; null when it is no plausible date. */
export function isoOfSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 120_000) return null;
  const iso = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
  return isIsoDate(iso) ? iso : null;
}

/** Reads row `row` of the register through `value(row, column)`. */
export function readRegisterRow(
  row: number,
  value: (row: number, column: number) => GridValue | undefined,
  directiveId: string | undefined,
): RegisterRow {
  const cells = Object.fromEntries(
    REGISTER_COLUMN_KEYS.map((key) => [key, textOf(value(row, columnIndex(key))).trim()]),
  ) as Record<RegisterColumnKey, string>;
  const ticked = (key: RegisterColumnKey) => value(row, columnIndex(key)) === true;
  return {
    row,
    cells,
    confirmPast: ticked('confirmPast'),
    create: ticked('create'),
    close: ticked('close'),
    ...(directiveId ? { directiveId } : {}),
  };
}

/** The day a "Hạn báo cáo" cell gives (dd/mm/yyyy, or yyyy-MM-dd), or null. */
export function deadlineOf(text: string): IsoDate | null {
  return parseVietnameseDate(text.trim());
}

/** One asked extension: "30073: 31/12/2026 — lý do", or for a directive of tasks "30073 nv2: 31/12/2026 — lý do". */
export interface ExtensionLine {
  line: string;
  unit: string;
  /** The task (nv1, nv2, …) whose row is extended, when the line names one. */
  task?: string;
  until: IsoDate;
  reason: string;
}

const EXTENSION = /^(.+?)\s*:\s*(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})\s*(?:[—–-]+\s*(.*))?$/;
/** A unit followed by a task id: "30073 nv2", "UBND xã Mỹ Hòa NV2". */
const UNIT_AND_TASK = /^(.+?)\s+(nv\d+)$/i;

/** The lines of a "Gia hạn" cell: each read, or the line itself when it cannot be read. */
export function extensionLines(text: string): (ExtensionLine | { line: string; unreadable: true })[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((line) => {
      const m = EXTENSION.exec(line);
      const until = m ? deadlineOf(m[2]!) : null;
      if (!m || until === null) return { line, unreadable: true as const };
      const who = m[1]!.trim();
      const task = UNIT_AND_TASK.exec(who);
      return {
        line,
        unit: task ? task[1]!.trim() : who,
        ...(task ? { task: task[2]!.toLowerCase() } : {}),
        until,
        reason: (m[3] ?? '').trim(),
      };
    });
}
