/**
 * The requests that put a report tab's layout right in the sync's one write: theodoi's markers put back where the
 * record says (look-alikes and duplicates deleted), unit codes written back on the units' rows, and rows that are
 * no unit's marked as not counted.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { ChangedCode, OutsideRow } from '../../domain/sync/report-rows.js';
import type { ResolvedLayout } from '../../domain/sync/tab-layout.js';
import { sheet as msg } from '../../messages.vi.js';
import { columnMarker, deleteMarkers, rowMarker, tabMarker } from './report-tab.js';

type Request = sheets_v4.Schema$Request;

/** The marker repairs of one tab: deletes first (a repaired marker never meets the one it replaces), then creates. */
export function markerRepairRequests(
  sheetId: number,
  periodKey: string,
  layout: Pick<ResolvedLayout, 'deleteMarkers' | 'createColumnMarkers' | 'createRowMarkers'>,
  tab: { deleteMarkers: readonly number[]; create: boolean },
): Request[] {
  return [
    ...deleteMarkers([...tab.deleteMarkers, ...layout.deleteMarkers]),
    ...(tab.create ? [tabMarker(sheetId, periodKey)] : []),
    ...layout.createColumnMarkers.map(({ index, key }) => columnMarker(sheetId, index, periodKey, key)),
    ...layout.createRowMarkers.map(({ index, unitCode }) => rowMarker(sheetId, index, unitCode)),
  ];
}

/** Each unit's code written back on its row, with a note saying what it had been changed to. */
export function codeRepairRequests(
  sheetId: number,
  codeColumn: number,
  changed: readonly ChangedCode[],
): Request[] {
  return changed.map(({ rowIndex, unitCode, found }) => ({
    updateCells: {
      start: { sheetId, rowIndex, columnIndex: codeColumn },
      rows: [{ values: [{ userEnteredValue: { stringValue: unitCode }, note: msg.codeRepaired(found) }] }],
      fields: 'userEnteredValue,note',
    },
  }));
}

const NOT_COUNTED_COLOUR = { red: 0.98, green: 0.84, blue: 0.84 };

/**
 * Marks the rows that are no unit's whose status cell does not say so yet (and clears the mark on emptied ones):
 * one request per run of neighbouring rows with the same note, so an officer's thousand added rows cost a few.
 */
export function outsideRowRequests(
  sheetId: number,
  statusColumn: number,
  outside: readonly OutsideRow[],
  unitRowOf: (code: string) => number | undefined,
): Request[] {
  const marks = outside.flatMap((row): { rowIndex: number; note: string | null }[] => {
    if (!row.filled) return row.statusText === msg.notCounted ? [{ rowIndex: row.rowIndex, note: null }] : [];
    if (row.statusText === msg.notCounted) return [];
    const unitRow = unitRowOf(row.code);
    return [
      {
        rowIndex: row.rowIndex,
        note: unitRow === undefined ? msg.outsideRow : msg.copiedRow(row.code, unitRow + 1),
      },
    ];
  });
  const runs: { start: number; end: number; note: string | null }[] = [];
  for (const { rowIndex, note } of marks) {
    const last = runs.at(-1);
    if (last && last.end === rowIndex && last.note === note) last.end += 1;
    else runs.push({ start: rowIndex, end: rowIndex + 1, note });
  }
  return runs.map(({ start, end, note }) => ({
    repeatCell: {
      range: {
        sheetId,
        startRowIndex: start,
        endRowIndex: end,
        startColumnIndex: statusColumn,
        endColumnIndex: statusColumn + 1,
      },
      cell:
        note === null
          ? {}
          : {
              userEnteredValue: { stringValue: msg.notCounted },
              note,
              userEnteredFormat: { backgroundColor: NOT_COUNTED_COLOUR },
            },
      fields: 'userEnteredValue,note,userEnteredFormat.backgroundColor',
    },
  }));
}
