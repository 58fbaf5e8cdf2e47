/** Test helper: the tests' world's report tab as officers and theodoi see it — rows by unit, typing, reading back. */
import { loadReports, type StoredReport } from '@theodoi/functions/store/reports';
import { thapMuoi, type World } from '@theodoi/test-kit/world';

/** The quarterly directive's first report tab, quoted for A1 ranges. */
export const TAB = "'Quý I/2024'";

/** The first editor of a unit (an officer). */
export const editorOf = (code: string): string => thapMuoi.units.find((u) => u.code === code)!.editors[0]!;

/** The 1-based row of a unit in the provisioned tab (units in the organisation's order from row 5). */
export const rowOf = (code: string): number => 5 + thapMuoi.units.findIndex((u) => u.code === code);

/** Types `values` into the unit's row from column `from`, as its officer does in the Sheets UI. */
export function typeAs(world: World, code: string, values: readonly unknown[], from = 'C'): void {
  world.emulator.uiEdit(world.directive.spreadsheetId, {
    email: editorOf(code),
    range: `${TAB}!${from}${rowOf(code)}`,
    values: [[...values]],
  });
}

/** What a cell of the tab shows (formatted), or '' when blank. */
export async function shown(world: World, a1: string): Promise<string> {
  const res = await world.clients.sheets.spreadsheets.values.get({
    spreadsheetId: world.directive.spreadsheetId,
    range: `${TAB}!${a1}`,
  });
  return String(res.data.values?.[0]?.[0] ?? '');
}

/** The unit's status cell text (column X). */
export const statusOf = (world: World, code: string): Promise<string> => shown(world, `X${rowOf(code)}`);

/** The unit's stored report in the first quarter, if any. */
export async function storedReport(world: World, code: string): Promise<StoredReport | undefined> {
  return (await loadReports(world.db, world.spec.id, ['2024-Q1'])).get('2024-Q1')?.get(code);
}

/** Every stored version of the unit's first-quarter report, oldest first. */
export async function versionsOf(world: World, code: string): Promise<Record<string, unknown>[]> {
  const snap = await world.db
    .collection(`directives/${world.spec.id}/reports/2024-Q1~${code}/versions`)
    .orderBy('version')
    .get();
  return snap.docs.map((d) => d.data());
}

/** The sync's one read of the report tabs. */
export const REPORT_READS = ['sheets.spreadsheets.getByDataFilter'];
