/**
 * Who typed each changed row, when it can be known: the spreadsheet's last modifier as Drive names it (given by the
 * sweep, which reads it with the changes, or one Drive files.get, made only when a sync found changes), recorded on
 * a unit's version only when that person may edit the unit's row (one of its officers, or a coordinator).
 */
import { editorOfRow } from '../domain/sync/attribution.js';
import { unitOfRowKey } from '../domain/tasks/task.js';
import { lastModifier } from '../sheets/api/last-editor.js';
import { firestoreStep } from '../store/deadline.js';
import type { DirectiveRecord } from '../store/directives.js';
import type { PeriodSync } from '../store/commit-sync.js';
import { unitEditors } from '../store/units.js';
import type { PlanDeps, PlanRequest } from './sync-plan.js';

/** The editor of each changed unit's row, and the Drive calls it cost. */
export interface RowEditors {
  editorOf: (unitCode: string) => string | undefined;
  driveReads: number;
}

/** The editors of the changed rows of `periods`; nobody when Drive cannot say (attribution never fails a sync). */
export async function editorsOf(
  deps: PlanDeps,
  directive: Pick<DirectiveRecord, 'spreadsheetId' | 'organisation' | 'coordinators'>,
  request: Pick<PlanRequest, 'editor'>,
  periods: readonly PeriodSync[],
): Promise<RowEditors> {
  let driveReads = 0;
  let modifier = request.editor?.toLowerCase();
  if (!modifier) {
    driveReads = 1;
    modifier = await lastModifier(deps.clients, directive.spreadsheetId).catch(() => undefined);
  }
  if (!modifier) return { editorOf: () => undefined, driveReads };
  const changed = [...new Set(periods.flatMap((p) => p.plan.changes.map((c) => unitOfRowKey(c.unitCode))))];
  const editors = await firestoreStep(deps)(
    unitEditors(deps.db, directive.organisation, changed),
    'reading the units’ editors',
  );
  const coordinators = new Set(directive.coordinators.map((c) => c.toLowerCase()));
  const email = modifier;
  return {
    editorOf: (rowKey) =>
      editorOfRow(
        email,
        (who) => coordinators.has(who) || (editors.get(unitOfRowKey(rowKey)) ?? []).includes(who),
      ),
    driveReads,
  };
}
