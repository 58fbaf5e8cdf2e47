/** The summary's groups of units (khối): rows ordered group by group, and each group's counts and subtotals. */
import { summary as msg } from '../../messages.vi.js';
import { figureTotal } from './figures.js';
import { countKpis } from './kpis.js';
import type { FigureColumn, SummaryGroup, SummaryRow } from './model.js';

/**
 * The groups' order: the organisation's groups as `groupNames` lists them, then any other group id in the order its
 * first row comes, then the recipients without a group ('').
 */
function groupOrder(rows: readonly Pick<SummaryRow, 'groupId'>[], groupNames: ReadonlyMap<string, string>) {
  const ids = [...groupNames.keys()];
  for (const { groupId } of rows) if (groupId !== '' && !ids.includes(groupId)) ids.push(groupId);
  ids.push('');
  return new Map(ids.map((id, i) => [id, i]));
}

/** The rows group by group, each group's rows in their given (the directive's) order, numbered 1, 2, … again. */
export function rowsByGroup(
  rows: readonly SummaryRow[],
  groupNames: ReadonlyMap<string, string>,
): SummaryRow[] {
  const order = groupOrder(rows, groupNames);
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => order.get(a.row.groupId)! - order.get(b.row.groupId)! || a.i - b.i)
    .map(({ row }, i) => ({ ...row, stt: i + 1 }));
}

/** The groups of `rows` (already ordered by rowsByGroup), with their counts and the subtotal of each figure. */
export function summaryGroups(rows: readonly SummaryRow[], figures: readonly FigureColumn[]): SummaryGroup[] {
  const groups: SummaryGroup[] = [];
  let first = 0;
  while (first < rows.length) {
    const id = rows[first]!.groupId;
    let end = first;
    while (end < rows.length && rows[end]!.groupId === id) end += 1;
    const members = rows.slice(first, end);
    groups.push({
      id,
      name: id === '' ? msg.otherUnits : members[0]!.groupName,
      firstRow: first,
      rowCount: members.length,
      kpis: countKpis(members.map((r) => r.status)),
      totals: figures.map((f, i) =>
        figureTotal(
          f,
          members.map((r) => r.figures[i] ?? null),
        ),
      ),
    });
    first = end;
  }
  return groups;
}
