/**
 * evaluateUnits: the evaluation of an organisation's units across all its directives over a range (decision 007),
 * from what Firestore holds — no Sheets call. The CLI's `theodoi evaluate` writes it to files; the dashboard's
 * "Đánh giá đơn vị" tab (sheets/layout/evaluation-layout.ts) draws it.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { Clock } from '../clock.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import {
  buildEvaluation,
  parseRubric,
  type EvaluationModel,
  type EvaluationRange,
  type EvaluationUnit,
} from '../domain/evaluation/index.js';
import { directiveCreate, evaluation as msg } from '../messages.vi.js';
import { loadObligations, type ObligationReads } from '../store/obligations.js';
import { listOrganisationIds } from '../store/organisations.js';
import { getOrganisation, listUnits, type StoredUnit } from '../store/units.js';
import { UserFacingError } from './errors.js';

/** What the evaluation needs: Firestore, the clock and the working-day calendar. */
export interface EvaluateUnitsDeps {
  db: Firestore;
  clock: Clock;
  calendar: WorkingCalendar;
}

/** Which evaluation to make. */
export interface EvaluateUnitsRequest {
  /** The organisation; when absent, the only one registered (refused when there are several). */
  organisationId?: string | undefined;
  range: EvaluationRange;
}

/** The evaluation and what it cost to read. */
export interface EvaluateUnitsResult {
  organisationId: string;
  /** The coordinator's unit (e.g. Phòng Nội vụ), which issues the report the evaluation is attached to. */
  coordinator: { code: string; name: string };
  model: EvaluationModel;
  reads: ObligationReads;
}

async function organisationIdFor(db: Firestore, requested: string | undefined): Promise<string> {
  if (requested !== undefined) return requested;
  const ids = await listOrganisationIds(db);
  if (ids.length === 0) throw new UserFacingError(msg.noOrganisation, 'unknown-organisation');
  if (ids.length > 1) throw new UserFacingError(msg.whichOrganisation(ids), 'ambiguous-organisation');
  return ids[0]!;
}

/**
 * The units in the order the evaluation lists them within a khối: the organisation file's order, as stored; for
 * units stored before theodoi kept it, the order the organisation's directives name them as recipients ("Kính gửi"
 * follows the official order), then by code.
 */
function officialOrder(
  units: readonly StoredUnit[],
  recipientLists: readonly (readonly string[])[],
): StoredUnit[] {
  const position = new Map<string, number>();
  for (const list of recipientLists)
    list.forEach((code, i) => position.set(code, Math.min(position.get(code) ?? i, i)));
  const last = Number.MAX_SAFE_INTEGER;
  return [...units].sort(
    (a, b) =>
      (a.position ?? last) - (b.position ?? last) ||
      (position.get(a.code) ?? last) - (position.get(b.code) ?? last) ||
      a.code.localeCompare(b.code, 'en', { numeric: true }),
  );
}

/** Evaluates the units of `request.organisationId` (or of the only organisation) over `request.range`, at the clock's now. */
export async function evaluateUnits(
  deps: EvaluateUnitsDeps,
  request: EvaluateUnitsRequest,
): Promise<EvaluateUnitsResult> {
  const now = deps.clock.now();
  const organisationId = await organisationIdFor(deps.db, request.organisationId);
  const organisation = await getOrganisation(deps.db, organisationId);
  if (!organisation)
    throw new UserFacingError(directiveCreate.organisationMissing(organisationId), 'unknown-organisation');
  const rubric = parseRubric(organisation.evaluation);
  const [units, loaded] = await Promise.all([
    listUnits(deps.db, organisationId, { includeInactive: true }),
    loadObligations(deps.db, { organisationId, range: request.range, calendar: deps.calendar }),
  ]);
  const evaluationUnits: EvaluationUnit[] = officialOrder(units, loaded.recipientLists).map((u) => ({
    code: u.code,
    name: u.name,
    group: u.group,
    establishedOn: u.establishedOn,
    retiredOn: u.retiredOn,
    mergedInto: u.mergedInto,
    active: u.active,
  }));
  const model = buildEvaluation({
    organisation: { name: organisation.name, groups: organisation.groups, units: evaluationUnits },
    directives: loaded.directives,
    obligations: loaded.obligations,
    range: request.range,
    now,
    calendar: deps.calendar,
    rubric,
  });
  const code = organisation.coordinator.unitCode;
  const coordinator = { code, name: units.find((u) => u.code === code)?.name ?? organisation.name };
  return { organisationId, coordinator, model, reads: loaded.reads };
}
