/** The requests that show verdicts on a report tab: status text, colour and note, "Cập nhật lúc", soft red on wrong cells. */
import type { sheets_v4 } from '@googleapis/sheets';
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '../../clock.js';
import type { StatusWrite } from '../../domain/sync/plan-sync.js';
import type { RowError, RowStatus } from '../../domain/validation/validate-row.js';
import { sheet as msg } from '../../messages.vi.js';

const STATUS_COLOURS: Record<RowStatus, sheets_v4.Schema$Color> = {
  empty: { red: 0.93, green: 0.93, blue: 0.93 },
  valid: { red: 0.85, green: 0.94, blue: 0.85 },
  incomplete: { red: 1, green: 0.95, blue: 0.8 },
  invalid: { red: 0.98, green: 0.84, blue: 0.84 },
};
const SOFT_RED = { red: 0.99, green: 0.89, blue: 0.89 };

/** The status cell's wording for a verdict. */
export function statusText(status: RowStatus, errors: readonly RowError[]): string {
  switch (status) {
    case 'empty':
      return msg.status.empty;
    case 'valid':
      return msg.status.valid;
    case 'incomplete':
      return msg.status.incomplete(errors.length);
    case 'invalid':
      return msg.status.invalid(errors.length);
  }
}

/** The note on the status cell: one line per error, wrong values first, then missing ones. */
export function statusNote(status: RowStatus, errors: readonly RowError[]): string {
  if (errors.length === 0) return '';
  const title = status === 'incomplete' ? msg.missingNoteTitle : msg.errorNoteTitle;
  return [title, ...errors.map((e) => `• ${e.message}`)].join('\n');
}

/** Where the row's cells are: sheet id and each column key's 0-based position. */
export interface StatusTarget {
  sheetId: number;
  columnOf: ReadonlyMap<string, number>;
  statusKey: string;
  updatedAtKey: string;
}

/**
 * The requests for `writes`; empty when there is nothing to write. "Cập nhật lúc" is stamped `now` on the rows that
 * changed; `stampedAt` gives a row its own time instead (a refilled tab: when the unit's report last changed).
 */
export function statusRequests(
  writes: readonly StatusWrite[],
  target: StatusTarget,
  now: Date,
  stampedAt?: (unitCode: string) => Date | undefined,
): sheets_v4.Schema$Request[] {
  const stamp = (at: Date) => DateTime.fromJSDate(at, { zone: VIETNAM_ZONE }).toFormat('HH:mm dd/MM/yyyy');
  const stampOf = (w: StatusWrite): string | undefined => {
    const at = stampedAt?.(w.unitCode);
    if (at) return stamp(at);
    return w.changed ? stamp(now) : undefined;
  };
  const cell = (
    rowIndex: number,
    key: string,
    data: sheets_v4.Schema$CellData,
    fields: string,
  ): sheets_v4.Schema$Request[] => {
    const columnIndex = target.columnOf.get(key);
    if (columnIndex === undefined) return [];
    return [
      {
        updateCells: {
          start: { sheetId: target.sheetId, rowIndex, columnIndex },
          rows: [{ values: [data] }],
          fields,
        },
      },
    ];
  };
  return writes.flatMap((w) => {
    const updatedAt = stampOf(w);
    return [
      ...cell(
        w.rowIndex,
        target.statusKey,
        {
          userEnteredValue: { stringValue: statusText(w.status, w.errors) },
          note: statusNote(w.status, w.errors),
          userEnteredFormat: { backgroundColor: STATUS_COLOURS[w.status] },
        },
        'userEnteredValue,note,userEnteredFormat.backgroundColor',
      ),
      ...(updatedAt === undefined
        ? []
        : cell(
            w.rowIndex,
            target.updatedAtKey,
            { userEnteredValue: { stringValue: updatedAt } },
            'userEnteredValue',
          )),
      ...w.mark.flatMap((key) =>
        cell(
          w.rowIndex,
          key,
          { userEnteredFormat: { backgroundColor: SOFT_RED } },
          'userEnteredFormat.backgroundColor',
        ),
      ),
      ...w.unmark.flatMap((key) => cell(w.rowIndex, key, {}, 'userEnteredFormat.backgroundColor')),
    ];
  });
}
