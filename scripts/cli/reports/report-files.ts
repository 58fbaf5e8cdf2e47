/** reportFiles: the official report draft (.docx) and the summary workbook (.xlsx) of one period, from Firestore. */
import { Packer } from 'docx';
import type { SummaryModel } from '@theodoi/functions/domain/summary/model';
import { ONCE_KEY } from '@theodoi/functions/domain/periods/period-key';
import { directiveCreate, syncErrors } from '@theodoi/functions/messages.vi';
import { getDirective } from '@theodoi/functions/store/directives';
import { getOrganisation, listUnits } from '@theodoi/functions/store/units';
import {
  summaryModelFor,
  summaryPeriod,
  type BuildSummaryDeps,
} from '@theodoi/functions/usecases/build-summary';
import { UserFacingError } from '@theodoi/functions/usecases/errors';
import { isTaskDirective } from '@theodoi/functions/domain/tasks/task-rows';
import { taskSummaryFor } from '@theodoi/functions/usecases/task-summary';
import { officialReportDocument } from './docx-report.js';
import { defaultReportContext, type ReportContext } from './report-context.js';
import { summaryWorkbook } from './xlsx-summary.js';

/** What the report files need: Firestore, the clock and the calendar (no Sheets call). */
export type ReportFilesDeps = Pick<
  BuildSummaryDeps,
  'db' | 'clock' | 'calendar' | 'dueSoonWorkingDays' | 'loadTemplate'
>;

/** The two files of one period, in memory, with their suggested names. */
export interface ReportFiles {
  model: SummaryModel;
  context: ReportContext;
  docx: { name: string; data: Buffer };
  xlsx: { name: string; data: Buffer };
}

/** Builds the .docx and .xlsx of `request.directiveId` for one period from what Firestore holds now. */
export async function reportFiles(
  deps: ReportFilesDeps,
  request: { directiveId: string; periodKey?: string },
): Promise<ReportFiles> {
  const now = deps.clock.now();
  const directive = await getDirective(deps.db, request.directiveId);
  if (!directive)
    throw new UserFacingError(syncErrors.unknownDirective(request.directiveId), 'unknown-directive');
  const period = summaryPeriod(directive, request.periodKey, now, deps.calendar);
  const [model, organisation, units, tasks] = await Promise.all([
    summaryModelFor(deps, directive, period, now),
    getOrganisation(deps.db, directive.organisation),
    listUnits(deps.db, directive.organisation, { includeInactive: true }),
    isTaskDirective(directive) ? taskSummaryFor(deps, directive, now) : undefined,
  ]);
  if (!organisation)
    throw new UserFacingError(
      directiveCreate.organisationMissing(directive.organisation),
      'unknown-organisation',
    );
  const coordinator = units.find((u) => u.code === organisation.coordinator.unitCode);
  const context = defaultReportContext(organisation, coordinator, directive, now);
  const [docx, xlsx] = await Promise.all([
    Packer.toBuffer(officialReportDocument(model, context, tasks)),
    summaryWorkbook(model).xlsx.writeBuffer(),
  ]);
  // A one-off report has one period: its files are named after the directive alone.
  const base = period.key === ONCE_KEY ? directive.id : `${directive.id}-${period.key}`;
  return {
    model,
    context,
    docx: { name: `${base}-bao-cao.docx`, data: docx },
    xlsx: { name: `${base}-tong-hop.xlsx`, data: Buffer.from(xlsx) },
  };
}
