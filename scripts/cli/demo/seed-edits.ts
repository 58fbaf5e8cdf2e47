/** The seed directive's quarter as UI edits: each officer types their unit's row; the line shows its verdict. */
import type { DirectiveSpec } from '@theodoi/functions/domain/directive';
import { columnLetters, quoteSheetName } from '@theodoi/functions/sheets/layout/a1';
import { reportColumns } from '@theodoi/functions/sheets/layout/report-tab';
import { statusText as rowStatusText } from '@theodoi/functions/sheets/layout/status-cells';
import { loadReports } from '@theodoi/functions/store/reports';
import type { CreatedDirective } from '@theodoi/functions/usecases/create-directive';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import type { LocalWorld } from '@theodoi/test-kit/world';
import type { OfficerEdit } from './officer-edit.js';
import { demoEdits } from './scenario.js';

/** Every edit of the seed's quarter (scenario.ts) on the row of its unit in the directive's first tab. */
export function seedEdits(world: LocalWorld, spec: DirectiveSpec, created: CreatedDirective): OfficerEdit[] {
  const columns = reportColumns(loadTemplate(spec.template));
  const inputs = columns.filter((c) => !c.system);
  const firstInput = columns.findIndex((c) => !c.system);
  const tab = created.tabs[0]!;
  const rowOf = new Map(spec.recipients.map((code, i) => [code, 5 + i]));
  const units = new Map(world.organisation.units.map((u) => [u.code, u]));
  return demoEdits(spec.recipients).map((edit) => {
    const unit = units.get(edit.unitCode)!;
    return {
      at: edit.at,
      email: unit.editors[0]!,
      spreadsheetId: created.spreadsheetId,
      range: `${quoteSheetName(tab.title)}!${columnLetters(firstInput)}${rowOf.get(edit.unitCode)!}`,
      values: inputs.map((c) => edit.cells[c.key] ?? ''),
      who: unit.name,
      note: edit.note,
      shown: async () => {
        const reports = await loadReports(world.deps.db, spec.id, [tab.periodKey]);
        const verdict = reports.get(tab.periodKey)?.get(edit.unitCode);
        return verdict ? rowStatusText(verdict.status, verdict.errors) : '—';
      },
    };
  });
}
