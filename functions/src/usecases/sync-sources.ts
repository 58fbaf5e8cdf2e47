/**
 * Where a sync finds each period's rows. A tab as read is a source: its layout resolved from theodoi's markers and
 * the directive's record, with the repairs that puts in the sync's write (markers put back, unit codes written
 * back, rows that are no unit's marked); each unit's row found by its marker. A tab deleted by hand is a source too,
 * once the recovery pre-step has planned it anew from the template and refilled it with what Firestore holds
 * (usecases/recreate-tabs): its rows are the stored cells as the next read will find them, and the requests that
 * build it come first in the write. The plan then treats every source alike.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { Template } from '@theodoi/sheets-schema/template-format';
import { unitRows, type UnitRow } from '../domain/sync/report-rows.js';
import { directivePeriodOf, isTaskDirective, taskRowsOf } from '../domain/tasks/task-rows.js';
import { resolveLayout, type RecordedLayout } from '../domain/sync/tab-layout.js';
import { spreadsheetRecovery as recovery, syncErrors as msg } from '../messages.vi.js';
import { listTabs } from '../sheets/api/list-tabs.js';
import { readReportTabs, type FoundMarker, type ReadTab } from '../sheets/api/read-report-tabs.js';
import {
  codeRepairRequests,
  markerRepairRequests,
  outsideRowRequests,
} from '../sheets/layout/layout-repairs.js';
import {
  COLUMN_METADATA_KEY,
  FIRST_UNIT_ROW,
  MARKER_VISIBILITY,
  ROW_METADATA_KEY,
  reportColumns,
  SYSTEM_KEYS,
  TAB_METADATA_KEY,
  tabMetadataValue,
} from '../sheets/layout/report-tab.js';
import type { DirectiveRecord, TabRecord } from '../store/directives.js';
import type { StoredReport } from '../store/reports.js';
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
  title: string;
  columnOf: ReadonlyMap<string, number>;
  rows: UnitRow[];
  /** Requests that come before the statuses: a recreated tab itself, or the repairs of a tab as read. */
  prelude: sheets_v4.Schema$Request[];
  /** A row's own "Cập nhật lúc" (a refilled tab: when the unit's report last changed); the write's time otherwise. */
  stampedAt?: (unitCode: string) => Date | undefined;
  /** The tab's record to store, when it differs from the directive's (renamed, columns moved, rows sorted). */
  record?: TabRecord;
  /** Where a tab as read shows "Tình hình báo cáo", and what a row's cell shows; absent on a recreated tab. */
  deadlineShown?: { columnIndex: number; textAt(rowIndex: number): string };
}

/** Every period's source, the tabs the recovery recreated, and what could not be synced. */
export interface SyncSources {
  sources: TabSource[];
  recreated: Map<string, RecreatedTab>;
  /** Sheets reads the recovery made (the tab list, a tab whose marker was lost): 0, 1 or 2. */
  sheetsReads: number;
  /** What the coordinator should know, in Vietnamese: a tab left unsynced, a unit's row gone. */
  problems: string[];
}

/** A tab chosen for a period, and the repair its own marker needs. */
interface ChosenTab {
  tab: ReadTab;
  deleteTabMarkers: number[];
  createTabMarker: boolean;
}

/**
 * The sources of `periodKeys`. A recorded tab read under no marker of theodoi's is looked for by its sheet id (one
 * tab list, and one more read when it is still there); a tab that is really gone is recovered (planned anew).
 */
export async function syncSources(
  deps: RecreateDeps,
  directive: DirectiveRecord,
  template: Template,
  tabs: readonly ReadTab[],
  periodKeys: readonly string[],
  stored: ReadonlyMap<string, ReadonlyMap<string, StoredReport>>,
  now: Date,
): Promise<SyncSources> {
  const chosen = new Map<string, ChosenTab>();
  for (const periodKey of periodKeys) {
    const pick = chooseTab(periodKey, tabs, directive.tabs[periodKey]);
    if (pick) chosen.set(periodKey, pick);
  }
  let sheetsReads = 0;
  let recreated = new Map<string, RecreatedTab>();
  const unread = periodKeys.filter((p) => !chosen.has(p));
  if (unread.length > 0) {
    const present = await listTabs(deps.clients, directive.spreadsheetId);
    sheetsReads += 1;
    const presentIds = new Set(present.map((t) => t.sheetId));
    const markerLost = unread.filter((p) => presentIds.has(directive.tabs[p]!.sheetId));
    if (markerLost.length > 0) {
      const sheetIds = markerLost.map((p) => directive.tabs[p]!.sheetId);
      const reread = await readReportTabs(deps.clients, directive.spreadsheetId, { sheetIds });
      sheetsReads += 1;
      for (const periodKey of markerLost) {
        const tab = reread.find((t) => t.sheetId === directive.tabs[periodKey]!.sheetId);
        if (tab) chosen.set(periodKey, lostMarker(periodKey, tab));
      }
    }
    const gone = unread.filter((p) => !chosen.has(p));
    if (gone.length > 0) recreated = await planTabRecreation(deps, directive, template, gone, present, now);
  }
  const problems: string[] = [];
  const sources: TabSource[] = [];
  for (const periodKey of periodKeys) {
    const recreation = recreated.get(periodKey);
    if (recreation) {
      const reports = stored.get(periodKey) ?? new Map<string, StoredReport>();
      const deadlineCells = recreatedDeadlineRequests(directive, recreation, reports, now, deps.calendar);
      sources.push(recreatedSource(recreation, deadlineCells, reports));
      continue;
    }
    const pick = chosen.get(periodKey);
    if (!pick) continue;
    const source = readSource(
      periodKey,
      pick,
      directive,
      template,
      problems,
      rowKeysOf(deps, directive, periodKey),
    );
    if (source) sources.push(source);
  }
  return { sources, recreated, sheetsReads, problems };
}

/**
 * The tab read for a period: the one carrying theodoi's own marker (the recorded sheet first); else, on a
 * spreadsheet made before markers were theodoi's alone, the recorded sheet if it carries a look-alike.
 */
function chooseTab(
  periodKey: string,
  tabs: readonly ReadTab[],
  recorded: TabRecord | undefined,
): ChosenTab | undefined {
  const value = tabMetadataValue(periodKey);
  const ours = (m: FoundMarker) =>
    m.key === TAB_METADATA_KEY && m.value === value && m.visibility === MARKER_VISIBILITY;
  const trusted = tabs.filter((t) => t.tabMarkers.some(ours));
  const tab =
    trusted.find((t) => t.sheetId === recorded?.sheetId) ??
    trusted[0] ??
    tabs.find((t) => t.sheetId === recorded?.sheetId && t.tabMarkers.some((m) => m.value === value));
  if (!tab) return undefined;
  const kept = tab.tabMarkers.find(ours);
  return {
    tab,
    deleteTabMarkers: tab.tabMarkers.filter((m) => m !== kept).map((m) => m.metadataId),
    createTabMarker: kept === undefined,
  };
}

/** A recorded tab found by its sheet id, whose own marker is gone: every look-alike on it goes, ours is put back. */
function lostMarker(periodKey: string, tab: ReadTab): ChosenTab {
  const value = tabMetadataValue(periodKey);
  const kept = tab.tabMarkers.find((m) => m.value === value && m.visibility === MARKER_VISIBILITY);
  return {
    tab,
    deleteTabMarkers: tab.tabMarkers.filter((m) => m !== kept).map((m) => m.metadataId),
    createTabMarker: kept === undefined,
  };
}

/**
 * The rows of a tab as read, its layout resolved and repaired; undefined (and a problem) when a column it cannot do
 * without is gone and cannot be put back (the owner deleted it): storing rows without it would blank that column in
 * every unit's report.
 */
function readSource(
  periodKey: string,
  { tab, deleteTabMarkers, createTabMarker }: ChosenTab,
  directive: DirectiveRecord,
  template: Template,
  problems: string[],
  rowKeys: readonly string[],
): TabSource | undefined {
  const columns = reportColumns(template).map((c) => c.key);
  const inputs = template.columns.map((c) => c.key);
  const recordedTab = directive.tabs[periodKey];
  const hasRecord = recordedTab?.columns !== undefined && recordedTab.rows !== undefined;
  const record = hasRecord
    ? { columns: recordedTab.columns!, rows: recordedTab.rows! }
    : earlierLayout(periodKey, tab, columns, directive.recipients);
  const textAt = (row: number, column: number) => String(tab.grid.value(row, column) ?? '').trim();
  const prefix = `${periodKey}/`;
  const layout = resolveLayout({
    expected: { columns, units: rowKeys },
    record,
    // Anything on a column or row that names nothing of this tab's (another key, another period) is deleted.
    columnMarkers: tab.columnMarkers.map((m) => ({
      ...m,
      names:
        m.key === COLUMN_METADATA_KEY && m.value.startsWith(prefix)
          ? m.value.slice(prefix.length)
          : undefined,
    })),
    rowMarkers: tab.rowMarkers.map((m) => ({
      ...m,
      names: m.key === ROW_METADATA_KEY ? m.value : undefined,
    })),
    grid: tab.grid,
    codeKey: SYSTEM_KEYS.code,
    textAt,
    trusted: MARKER_VISIBILITY,
  });
  const needed = [SYSTEM_KEYS.code, SYSTEM_KEYS.status, ...inputs];
  if (needed.some((key) => !layout.columnOf.has(key))) {
    problems.push(msg.columnGone(tab.title));
    return undefined;
  }
  const name = recovery.directiveName(directive.id, directive.number);
  for (const unit of layout.missingUnits) problems.push(recovery.rowMissing(name, tab.title, unit));
  const { rows, outside, changedCodes } = unitRows(
    tab.grid,
    layout,
    { code: SYSTEM_KEYS.code, status: SYSTEM_KEYS.status, inputs },
    FIRST_UNIT_ROW,
  );
  const codeColumn = layout.columnOf.get(SYSTEM_KEYS.code)!;
  const statusColumn = layout.columnOf.get(SYSTEM_KEYS.status)!;
  const prelude = [
    ...markerRepairRequests(tab.sheetId, periodKey, layout, {
      deleteMarkers: deleteTabMarkers,
      create: createTabMarker,
    }),
    ...codeRepairRequests(tab.sheetId, codeColumn, changedCodes),
    ...outsideRowRequests(tab.sheetId, statusColumn, outside, (code) => layout.rowOf.get(code)),
  ];
  const deadlineColumn = layout.columnOf.get(SYSTEM_KEYS.deadline);
  const renamed = recordedTab !== undefined && recordedTab.title !== tab.title;
  const recordNow = !hasRecord || layout.recordChanged || renamed || recordedTab.sheetId !== tab.sheetId;
  return {
    periodKey,
    sheetId: tab.sheetId,
    title: tab.title,
    columnOf: layout.columnOf,
    rows,
    prelude,
    ...(deadlineColumn === undefined
      ? {}
      : { deadlineShown: { columnIndex: deadlineColumn, textAt: (row) => textAt(row, deadlineColumn) } }),
    ...(recordNow ? { record: { sheetId: tab.sheetId, title: tab.title, ...layout.record } } : {}),
  };
}

/** The rows a period's tab must have: each recipient's, or for a directive of tasks each task row's (decision 007). */
function rowKeysOf(deps: RecreateDeps, directive: DirectiveRecord, periodKey: string): string[] {
  if (!isTaskDirective(directive)) return directive.recipients;
  const period = directivePeriodOf(directive, periodKey, deps.calendar);
  return taskRowsOf(directive, period, deps.calendar).map((r) => r.key);
}

/**
 * The layout of a tab recorded before layouts were kept (its markers were readable by everyone): its column markers
 * when each column has exactly one, else the provisioned order; each unit at the first row showing its code.
 */
function earlierLayout(
  periodKey: string,
  tab: ReadTab,
  columns: readonly string[],
  units: readonly string[],
): RecordedLayout {
  const prefix = `${periodKey}/`;
  const at = new Map<string, number[]>();
  for (const m of tab.columnMarkers) {
    if (m.key !== COLUMN_METADATA_KEY || !m.value.startsWith(prefix)) continue;
    const key = m.value.slice(prefix.length);
    at.set(key, [...(at.get(key) ?? []), m.index]);
  }
  const marked = columns.every((key) => at.get(key)?.length === 1);
  const recorded: string[] = [];
  if (marked) for (const key of columns) recorded[at.get(key)![0]!] = key;
  const layoutColumns = marked ? Array.from(recorded, (k) => k ?? '') : [...columns];
  const codeColumn = layoutColumns.indexOf(SYSTEM_KEYS.code);
  const wanted = new Set(units);
  const rows: Record<string, number> = {};
  for (let r = FIRST_UNIT_ROW; r < tab.grid.rowCount && codeColumn >= 0; r++) {
    const code = String(tab.grid.value(r, codeColumn) ?? '').trim();
    if (wanted.has(code) && rows[code] === undefined) rows[code] = r;
  }
  return { columns: layoutColumns, rows };
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
    title: plan.tab.title,
    columnOf: plan.columnOf,
    rows: plan.rows,
    prelude: [...plan.requests, ...deadlineCells],
    stampedAt: (unitCode) => reports.get(unitCode)?.lastChangedAt,
  };
}
