/**
 * Where a sync finds each period's rows. A tab as read is a source; so is a tab deleted by hand, once the recovery
 * pre-step has planned it anew from the template and refilled it with what Firestore holds (usecases/recreate-tabs):
 * its rows are the stored cells as the next read will find them, and the requests that build it come first in the
 * write. The plan then treats every source alike. Also: which tabs were renamed by hand.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { Template } from '@theodoi/sheets-schema/template-format';
import { reportRows, type UnitRow } from '../domain/sync/report-rows.js';
import { syncErrors as msg } from '../messages.vi.js';
import type { ReadReport } from '../sheets/api/read-columns.js';
import { FIRST_UNIT_ROW, SYSTEM_KEYS } from '../sheets/layout/report-tab.js';
import type { DirectiveRecord } from '../store/directives.js';
import type { StoredReport } from '../store/reports.js';
import { UserFacingError } from './errors.js';
import {
  planTabRecreation,
  recreatedDeadlineRequests,
  type RecreateDeps,
  type RecreatedTab,
} from './recreate-tabs.js';

/** One period's rows, where its columns are, and what must be written before its statuses. */
export interface TabSource {
  periodKey: string;
  sheetId: number;
  columnOf: ReadonlyMap<string, number>;
  rows: UnitRow[];
  duplicates: UnitRow[];
  /** Requests that come before the statuses: a recreated tab itself, its refill and its deadline cells. */
  prelude: sheets_v4.Schema$Request[];
  /** A row's own "Cập nhật lúc" (a refilled tab: when the unit's report last changed); the write's time otherwise. */
  stampedAt?: (unitCode: string) => Date | undefined;
}

/** Every period's source, and the tabs the recovery recreated. */
export interface SyncSources {
  sources: TabSource[];
  recreated: Map<string, RecreatedTab>;
  /** Sheets reads the recovery made (the tab list): 0 or 1. */
  sheetsReads: number;
}

/**
 * The sources of the periods read, in `read`'s order. A recorded tab none of whose columns was read was deleted
 * by hand: it is recovered first (one tab list, the units, the stored cells). Throws 'tab-missing' for a tab still
 * there whose columns theodoi cannot find, and 'column-missing' for a tab without its code or status column.
 */
export async function syncSources(
  deps: RecreateDeps,
  directive: DirectiveRecord,
  template: Template,
  read: ReadonlyMap<string, ReadReport>,
  stored: ReadonlyMap<string, ReadonlyMap<string, StoredReport>>,
  now: Date,
): Promise<SyncSources> {
  const gone = [...read].filter(([, r]) => r.columns.size === 0).map(([periodKey]) => periodKey);
  const recreated =
    gone.length > 0
      ? await planTabRecreation(deps, directive, template, gone, now)
      : new Map<string, RecreatedTab>();
  const inputs = template.columns.map((c) => c.key);
  const sources = [...read].map(([periodKey, tab]) => {
    const recreation = recreated.get(periodKey);
    if (!recreation) return readSource(periodKey, directive.tabs[periodKey]!, tab, inputs);
    const reports = stored.get(periodKey) ?? new Map<string, StoredReport>();
    return recreatedSource(
      recreation,
      recreatedDeadlineRequests(directive, recreation, reports, now, deps.calendar),
      reports,
    );
  });
  return { sources, recreated, sheetsReads: gone.length > 0 ? 1 : 0 };
}

/** The rows of a tab as read; 'column-missing' when theodoi's code or status column is gone. */
function readSource(
  periodKey: string,
  tab: { sheetId: number; title: string },
  read: ReadReport,
  inputs: readonly string[],
): TabSource {
  const { columns } = read;
  if (!columns.has(SYSTEM_KEYS.code) || !columns.has(SYSTEM_KEYS.status)) {
    throw new UserFacingError(msg.systemColumnMissing(tab.title), 'column-missing');
  }
  const { rows, duplicates } = reportRows(
    columns,
    { code: SYSTEM_KEYS.code, status: SYSTEM_KEYS.status, inputs },
    FIRST_UNIT_ROW,
  );
  const columnOf = new Map([...columns].map(([key, c]) => [key, c.columnIndex]));
  return { periodKey, sheetId: tab.sheetId, columnOf, rows, duplicates, prelude: [] };
}

/** The rows of a recreated tab: the stored cells it is refilled with, as the next read will find them. */
function recreatedSource(
  { periodKey, plan }: RecreatedTab,
  deadlineCells: sheets_v4.Schema$Request[],
  reports: ReadonlyMap<string, StoredReport>,
): TabSource {
  return {
    periodKey,
    sheetId: plan.tab.sheetId,
    columnOf: plan.columnOf,
    rows: plan.rows,
    duplicates: [],
    prelude: [...plan.requests, ...deadlineCells],
    stampedAt: (unitCode) => reports.get(unitCode)?.lastChangedAt,
  };
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
