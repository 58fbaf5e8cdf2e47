/** "Đơn vị cần đôn đốc": the units to chase (overdue, with errors, due soon), most urgent first, with their contact. */
import type { ChaseItem, SummaryRow, SummaryUnit } from './model.js';
import { timingOf } from './report-state.js';

function urgency(row: SummaryRow): [number, number] | undefined {
  const timing = timingOf(row.status);
  if (row.status.code === 'qua-han') return [0, -row.status.workingDaysOverdue];
  if (row.status.code === 'co-loi') return [1, timing.code === 'qua-han' ? -timing.workingDaysOverdue : 0];
  if (row.status.code === 'sap-den-han') return [2, row.status.workingDaysLeft];
  return undefined;
}

/** The units to chase: overdue without a report (longest overdue first), then with errors, then due soon. */
export function chaseList(rows: readonly SummaryRow[], units: ReadonlyMap<string, SummaryUnit>): ChaseItem[] {
  return rows
    .flatMap((row) => {
      const rank = urgency(row);
      return rank ? [{ row, rank }] : [];
    })
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.row.stt - b.row.stt)
    .map(({ row }) => {
      const contact = units.get(row.unitCode)?.contact;
      return {
        unitCode: row.unitCode,
        unitName: row.unitName,
        groupName: row.groupName,
        status: row.status,
        statusText: row.statusText,
        person: contact?.person ?? null,
        phone: contact?.phone ?? null,
        email: contact?.email ?? null,
      };
    });
}
