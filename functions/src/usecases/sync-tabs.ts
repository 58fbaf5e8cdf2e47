/** Where a sync finds each period's rows: the tab it read, or a tab it recreates; and which tabs were renamed. */
import { reportRows, type UnitRow } from '../domain/sync/report-rows.js';
import { syncErrors as msg } from '../messages.vi.js';
import type { ReadReport } from '../sheets/api/read-columns.js';
import { FIRST_UNIT_ROW, SYSTEM_KEYS } from '../sheets/layout/report-tab.js';
import type { DirectiveRecord } from '../store/directives.js';
import { UserFacingError } from './errors.js';
import type { RecreatedTab } from './recreate-tabs.js';

/** A tab's rows and where its columns are. */
export interface TabSource {
  sheetId: number;
  columnOf: ReadonlyMap<string, number>;
  rows: UnitRow[];
  duplicates: UnitRow[];
}

/** The rows of a tab as read; 'column-missing' when theodoi's code or status column is gone. */
export function readSource(
  tab: { sheetId: number; title: string },
  read: ReadReport | undefined,
  inputs: readonly string[],
): TabSource {
  const columns = read?.columns;
  if (!columns?.has(SYSTEM_KEYS.code) || !columns.has(SYSTEM_KEYS.status)) {
    throw new UserFacingError(msg.systemColumnMissing(tab.title), 'column-missing');
  }
  const { rows, duplicates } = reportRows(
    columns,
    { code: SYSTEM_KEYS.code, status: SYSTEM_KEYS.status, inputs },
    FIRST_UNIT_ROW,
  );
  const columnOf = new Map([...columns].map(([key, c]) => [key, c.columnIndex]));
  return { sheetId: tab.sheetId, columnOf, rows, duplicates };
}

/** The rows of a recreated tab: the stored cells it is refilled with, as the next read will find them. */
export function recreatedSource({ plan }: RecreatedTab): TabSource {
  return { sheetId: plan.tab.sheetId, columnOf: plan.columnOf, rows: plan.rows, duplicates: [] };
}

/** Tabs read under another title than the recorded one (renamed by hand), with the title they have now. */
export function renamedTabs(
  directive: Pick<DirectiveRecord, 'tabs'>,
  read: ReadonlyMap<string, ReadReport>,
): Record<string, { sheetId: number; title: string }> {
  return Object.fromEntries(
    [...read].flatMap(([periodKey, { title }]) => {
      const tab = directive.tabs[periodKey];
      if (!tab || title === undefined || title === tab.title) return [];
      return [[periodKey, { sheetId: tab.sheetId, title }]];
    }),
  );
}
