/** Registers a directive: checks it, provisions its spreadsheet, records it in Firestore. */
import type { Firestore } from 'firebase-admin/firestore';
import { TemplateError, loadTemplate } from '@theodoi/sheets-schema/registry';
import type { Template } from '@theodoi/sheets-schema/template-format';
import type { Clock } from '../clock.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import type { DirectiveSpec } from '../domain/directive.js';
import { openedPeriods, periodsOf, type Period } from '../domain/periods/index.js';
import { resolveRecipients } from '../domain/recipients.js';
import { directiveCreate as msg } from '../messages.vi.js';
import type { GoogleClients } from '../sheets/api/clients.js';
import { planSpreadsheet } from '../sheets/layout/new-spreadsheet.js';
import { provisionSpreadsheet, type ProvisionResult } from '../sheets/api/create-spreadsheet.js';
import { directiveExists, registerDirective } from '../store/directives.js';
import { listUnits, type StoredUnit } from '../store/units.js';
import { UserFacingError } from './errors.js';
import { ensureWatch, type WatchConfig } from './watch-directive.js';

/** What creating a directive needs. */
export interface CreateDirectiveDeps {
  db: Firestore;
  clients: GoogleClients;
  clock: Clock;
  calendar: WorkingCalendar;
  serviceAccount: string;
  /** Where Drive push notifications go; without it the sheet trigger and the sweep find changes. */
  watch?: WatchConfig;
}

/** What was created. */
export interface CreatedDirective extends ProvisionResult {
  title: string;
  periods: Period[];
  /** What the coordinator should know, in Vietnamese (recipients given twice and merged). */
  warnings: string[];
}

/** Checks the directive against the organisation and templates, then provisions and registers it. */
export async function createDirective(
  deps: CreateDirectiveDeps,
  given: DirectiveSpec,
): Promise<CreatedDirective> {
  const template = templateFor(given.template);
  if (template.shape !== 'row-per-unit')
    throw new UserFacingError(msg.unsupportedShape(template.ref), 'unsupported-shape');
  if (await directiveExists(deps.db, given.id))
    throw new UserFacingError(msg.alreadyRegistered(given.id), 'exists');
  const { units, warnings } = await recipientUnits(deps.db, given);
  const spec = { ...given, recipients: units.map((u) => u.code) };
  const periods = initialPeriods(spec, deps.clock.now(), deps.calendar);
  const plan = planSpreadsheet({ spec, template, units, periods, serviceAccount: deps.serviceAccount });
  const result = await provisionSpreadsheet(deps.clients, plan);
  await registerDirective(deps.db, spec, result, periods, deps.clock.now());
  if (deps.watch) await ensureWatch(deps, { id: spec.id, spreadsheetId: result.spreadsheetId }, deps.watch);
  return { ...result, title: plan.title, periods, warnings };
}

function templateFor(ref: string): Template {
  try {
    return loadTemplate(ref);
  } catch (error) {
    if (error instanceof TemplateError && error.kind === 'not-found') {
      throw new UserFacingError(msg.unknownTemplate(ref), 'unknown-template');
    }
    throw error;
  }
}

/** The recipients' units, each once and by its own code; duplicates merged and reported as warnings. */
async function recipientUnits(
  db: Firestore,
  spec: DirectiveSpec,
): Promise<{ units: StoredUnit[]; warnings: string[] }> {
  const units = await listUnits(db, spec.organisation);
  if (units.length === 0)
    throw new UserFacingError(msg.organisationMissing(spec.organisation), 'no-organisation');
  const byCode = new Map(units.map((u) => [u.code, u]));
  const resolved = resolveRecipients(spec.recipients, [...byCode.keys()]);
  if (resolved.unknown.length > 0)
    throw new UserFacingError(msg.unknownRecipients(resolved.unknown), 'unknown-recipients');
  return {
    units: resolved.codes.map((c) => byCode.get(c)!),
    warnings: resolved.duplicates.length > 0 ? [msg.duplicateRecipients(resolved.duplicates)] : [],
  };
}

/** The periods whose tabs exist from the start: those already opened, or else the first one. */
function initialPeriods(spec: DirectiveSpec, now: Date, calendar: WorkingCalendar): Period[] {
  const opened = openedPeriods(spec.schedule, now, calendar);
  if (opened.length > 0) return opened;
  const year =
    spec.schedule.kind === 'once'
      ? Number(spec.schedule.opensOn.slice(0, 4))
      : Number(spec.schedule.first.slice(0, 4));
  const first = periodsOf(spec.schedule, year, year + 1, calendar)[0];
  if (!first) throw new UserFacingError(msg.nothingOpen, 'no-period');
  return [first];
}
