/**
 * Reads back the raw cells theodoi last stored for each unit's report: what its row held when last synced, long
 * texts fetched from where they are stored apart.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { StoredRow } from '../domain/sync/report-rows.js';
import { rowKeyOf } from '../domain/tasks/task.js';
import { resolveCells, StoredCellSchema } from './long-text.js';

const CellsSchema = z
  .object({
    unitCode: z.string(),
    taskId: z.string().nullable().optional(),
    periodKey: z.string(),
    cells: z.record(z.string(), StoredCellSchema).default({}),
    formulas: z.array(z.string()).optional(),
  })
  .loose();

/** The latest raw cells of every stored report of the given periods, by period key then row key (one query). */
export async function loadReportCells(
  db: Firestore,
  directiveId: string,
  periodKeys: readonly string[],
): Promise<Map<string, Map<string, StoredRow>>> {
  const byPeriod = new Map<string, Map<string, StoredRow>>(periodKeys.map((k) => [k, new Map()]));
  if (periodKeys.length === 0) return byPeriod;
  const collection = db.collection(`directives/${directiveId}/reports`);
  const snap = await (
    periodKeys.length <= 30 ? collection.where('periodKey', 'in', [...periodKeys]) : collection
  ).get();
  for (const doc of snap.docs) {
    const r = CellsSchema.parse(doc.data());
    const cells = await resolveCells(db, doc.ref, r.cells);
    byPeriod
      .get(r.periodKey)
      ?.set(rowKeyOf(r.unitCode, r.taskId), { cells, ...(r.formulas ? { formulas: r.formulas } : {}) });
  }
  return byPeriod;
}
