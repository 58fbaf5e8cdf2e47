/**
 * The register sync: the coordinator's rows of "Sổ theo dõi văn bản" (the dashboard spreadsheet's register tab)
 * read in one call; each pasted công văn imported and what was read written beside it; a ticked row created with
 * the same use case as `theodoi directive create` ("Đang tạo…" written first, the row keyed by a PROJECT marker
 * naming its directive, so it is never created twice and a creation that stopped half way is resumed), closed and
 * extended with the same use cases as `directive close | extend`; every result in one batchUpdate.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { listTemplates } from '@theodoi/sheets-schema/registry';
import { vietnamDateOf } from '../domain/calendar/iso-date.js';
import { importDirective } from '../domain/importer/import.js';
import { proposeDirective, type FormChoice } from '../domain/importer/proposal.js';
import type { Organisation } from '../domain/organisation.js';
import {
  FIRST_REGISTER_ROW,
  REGISTER_COLUMN_KEYS,
  THEODOI_COLUMNS,
  type RegisterColumnKey,
} from '../domain/register/columns.js';
import { decideRow, isDirectiveId, type RowDecision, type StoredState } from '../domain/register/decide.js';
import { reviewCells, type OrganisationNames } from '../domain/register/review.js';
import { extensionLines, readRegisterRow, type RegisterRow } from '../domain/register/row.js';
import { formatViDate } from '../domain/values/display.js';
import { outOfReach } from '../domain/sharing.js';
import { register as msg } from '../messages.vi.js';
import { sendBatchUpdate } from '../sheets/api/batch-update.js';
import { GoogleApiError } from '../sheets/api/google-error.js';
import { readReportTabs, type ReadTab } from '../sheets/api/read-report-tabs.js';
import { MARKER_VISIBILITY } from '../sheets/layout/report-tab.js';
import {
  REGISTER_METADATA_KEY,
  REGISTER_SHEET_ID,
  registerCellRequest,
  registerHeaders,
  registerRowMarker,
  registerShapeRequests,
  registerTabProperties,
} from '../sheets/layout/register-tab.js';
import { getDirective, loadDirective, type DirectiveRecord } from '../store/directives.js';
import { loadOrganisation } from '../store/organisations.js';
import { getOrganisation } from '../store/units.js';
import type { CheckDeadlinesDeps } from './check-deadlines.js';
import { createDirective, type CreateDirectiveDeps } from './create-directive.js';
import { endDirective, extendDeadline } from './directive-lifecycle.js';
import { UserFacingError } from './errors.js';

type Request = sheets_v4.Schema$Request;

/** What a register sync needs: what creating a directive and extending a deadline need. */
export type RegisterSyncDeps = CreateDirectiveDeps & Pick<CheckDeadlinesDeps, 'dueSoonWorkingDays'>;

/** Which register: the organisation's; what asked; who (the trigger's verified caller). */
export interface RegisterSyncRequest {
  organisationId: string;
  trigger: string;
  by?: string;
}

/** What one register sync did. */
export interface RegisterSyncOutcome {
  organisationId: string;
  /** 'no-dashboard': the organisation has no dashboard spreadsheet yet (`theodoi dashboard` makes it). */
  result: 'synced' | 'no-dashboard';
  /** Rows holding a công văn or a directive. */
  rows: number;
  created: string[];
  closed: string[];
  extended: number;
  /** Rows refused (what blocks them is written on the row). */
  blocked: number;
  /** Sheets calls on the dashboard spreadsheet: one read, and the writes (none when nothing changed). */
  calls: { sheetsReads: number; sheetsWrites: number };
}

/** One row being worked: what was read, what the sync decided and the cells it wants. */
interface RowWork {
  row: RegisterRow;
  /** The cells as the tab holds them (updated as this sync writes them). */
  read: Record<RegisterColumnKey, string>;
  decision: RowDecision;
  cells: Partial<Record<RegisterColumnKey, string>>;
}

/** Syncs the register tab of `request.organisationId`'s dashboard. */
export async function syncRegister(
  deps: RegisterSyncDeps,
  request: RegisterSyncRequest,
): Promise<RegisterSyncOutcome> {
  const stored = await getOrganisation(deps.db, request.organisationId);
  const organisation = stored && (await loadOrganisation(deps.db, request.organisationId));
  if (!stored || !organisation)
    throw new UserFacingError(msg.unknownOrganisation(request.organisationId), 'unknown-organisation');
  const outcome: RegisterSyncOutcome = {
    organisationId: organisation.id,
    result: 'synced',
    rows: 0,
    created: [],
    closed: [],
    extended: 0,
    blocked: 0,
    calls: { sheetsReads: 0, sheetsWrites: 0 },
  };
  const spreadsheetId = stored.dashboardSpreadsheetId;
  if (!spreadsheetId) return { ...outcome, result: 'no-dashboard' };
  const forms: FormChoice[] = listTemplates();
  outcome.calls.sheetsReads += 1;
  const tab = await readRegister(deps, spreadsheetId);
  const pending: Request[] = shapeOf(tab, forms);
  const works = await Promise.all(rowsOf(tab).map((row) => planRow(deps, row, organisation, forms)));
  outcome.rows = works.length;
  const write = async (requests: Request[]) => {
    outcome.calls.sheetsWrites += await sendBatchUpdate(deps.clients, spreadsheetId, requests);
  };
  const creating = works.filter((w) => w.decision.kind === 'create');
  if (creating.length > 0) {
    // The long work is shown first, and each row keyed to its directive before the directive exists.
    for (const w of creating) w.cells.status = msg.creating;
    await write([
      ...pending.splice(0),
      ...creating.flatMap((w) => [
        ...cellRequests(w),
        ...(w.row.directiveId || w.decision.kind !== 'create'
          ? []
          : [registerRowMarker(w.row.row, w.decision.spec.id)]),
      ]),
    ]);
    for (const w of creating) Object.assign(w.read, w.cells);
  }
  let failure: Error | undefined;
  for (const w of works) {
    try {
      await act(deps, w, organisation, request.by, outcome);
    } catch (error) {
      // A person's mistake is said as it is; anything else may pass, and the next sync tries again.
      if (error instanceof UserFacingError) w.cells.status = msg.blocked([error.message]);
      else {
        failure ??= error instanceof Error ? error : new Error(String(error));
        w.cells.status = msg.failed(msg.tryLater);
      }
    }
    if (w.decision.kind === 'review' && w.decision.blockers.length > 0) outcome.blocked += 1;
  }
  await write([...pending, ...works.flatMap(cellRequests)]);
  // A failure that may pass (Google, Firestore) is thrown once the rows say so: Pub/Sub delivers the request again.
  if (failure !== undefined) throw failure;
  return outcome;
}

/** The register tab, read once; undefined when the spreadsheet has no tab of its id (an older dashboard). */
async function readRegister(deps: RegisterSyncDeps, spreadsheetId: string): Promise<ReadTab | undefined> {
  try {
    return (await readReportTabs(deps.clients, spreadsheetId, { sheetIds: [REGISTER_SHEET_ID] }))[0];
  } catch (error) {
    if (error instanceof GoogleApiError && error.code === 'invalid') return undefined;
    throw error;
  }
}

/** The requests that add the tab when it is missing and shape it when its header is not theodoi's. */
function shapeOf(tab: ReadTab | undefined, forms: readonly FormChoice[]): Request[] {
  const headers = registerHeaders();
  const same = tab && headers.every((h, i) => tab.grid.value(0, i) === h);
  if (same) return [];
  const { index: _index, ...properties } = registerTabProperties(0);
  return [
    ...(tab ? [] : [{ addSheet: { properties } }]),
    ...registerShapeRequests(forms.map((f) => f.title)),
  ];
}

/** The rows holding a công văn or keyed to a directive, each with its PROJECT marker's directive. */
function rowsOf(tab: ReadTab | undefined): RegisterRow[] {
  if (!tab) return [];
  const markers = new Map(
    tab.rowMarkers
      .filter((m) => m.key === REGISTER_METADATA_KEY && m.visibility === MARKER_VISIBILITY)
      .map((m) => [m.index, m.value]),
  );
  const rows: RegisterRow[] = [];
  for (let r = FIRST_REGISTER_ROW; r < tab.grid.rowCount; r++) {
    const row = readRegisterRow(r, (row, column) => tab.grid.value(row, column), markers.get(r));
    if (row.directiveId || REGISTER_COLUMN_KEYS.some((k) => row.cells[k] !== '')) rows.push(row);
  }
  return rows;
}

/** Where the directive `id` stands in Firestore. */
async function storedState(deps: RegisterSyncDeps, id: string): Promise<StoredState> {
  if (!isDirectiveId(id)) return { state: 'none' };
  const found = await loadDirective(deps.db, id);
  if (!found) return { state: 'none' };
  if (found.state === 'provisioning') {
    const updatedAt = (found.record as { updatedAt?: { toDate?: () => Date } }).updatedAt?.toDate?.();
    return { state: 'provisioning', ...(updatedAt ? { updatedAt } : {}) };
  }
  return readyState(found.record);
}

function readyState(record: DirectiveRecord): StoredState {
  return {
    state: record.status === 'closed' ? 'closed' : 'open',
    spreadsheetUrl: record.spreadsheetUrl,
    units: record.recipients.length,
    notShared: outOfReach(record.sharing ?? []).length,
  };
}

/** Imports the row's công văn (unless its directive exists), proposes, prefills and decides. */
async function planRow(
  deps: RegisterSyncDeps,
  row: RegisterRow,
  organisation: Organisation,
  forms: readonly FormChoice[],
): Promise<RowWork> {
  const read = { ...row.cells };
  const now = deps.clock.now();
  const today = vietnamDateOf(now);
  const marked = row.directiveId ? await storedState(deps, row.directiveId) : undefined;
  const follows = marked?.state === 'open' || marked?.state === 'closed';
  const draft = row.cells.text === '' || follows ? null : importDirective(row.cells.text, organisation);
  const proposal =
    draft &&
    proposeDirective(draft, {
      today,
      templates: forms,
      coordinator: organisation.coordinator,
    });
  const cells: RowWork['cells'] = {};
  if (draft && proposal) {
    Object.assign(cells, reviewCells(draft, proposal, namesOf(organisation)));
    if (!row.directiveId) prefill(row, cells, proposal, forms);
  } else if (!follows && row.cells.text === '') {
    // The công văn was removed from a row never created: what was read from it goes too.
    for (const key of THEODOI_COLUMNS) cells[key] = '';
  }
  // A row not created yet is checked against the id it will be created with: the prefilled one if it was empty.
  const stored = marked ?? (await storedState(deps, row.cells.id));
  const decision = decideRow(row, { draft, proposal, forms, stored, now, today, calendar: deps.calendar });
  if (decision.kind === 'review')
    cells.status = decision.blockers.length > 0 ? msg.blocked(decision.blockers) : msg.waiting;
  if (decision.kind === 'busy') cells.status = msg.creating;
  if (decision.kind === 'empty') cells.status = '';
  if (stored.state === 'open' || stored.state === 'closed') {
    if (follows) cells.link = stored.spreadsheetUrl;
  }
  return { row, read, decision, cells };
}

/** The proposed id, form and deadline written into the coordinator's empty cells (and read as if typed). */
function prefill(
  row: RegisterRow,
  cells: RowWork['cells'],
  proposal: NonNullable<ReturnType<typeof proposeDirective>>,
  forms: readonly FormChoice[],
): void {
  const deadline = proposal.deadlines.at(-1);
  const proposed: Partial<Record<RegisterColumnKey, string | null>> = {
    id: proposal.id,
    template: forms.find((f) => f.ref === proposal.template)?.title ?? null,
    deadline: deadline ? formatViDate(deadline) : null,
  };
  for (const [key, value] of Object.entries(proposed) as [RegisterColumnKey, string | null][]) {
    if (row.cells[key] === '' && value) {
      cells[key] = value;
      row.cells[key] = value;
    }
  }
}

function namesOf(organisation: Organisation): OrganisationNames {
  return {
    units: new Map(organisation.units.map((u) => [u.code, u.shortName ?? u.name])),
    groups: new Map(organisation.groups.map((g) => [g.id, g.name])),
  };
}

/** Carries out a row's decision: creates, or closes and extends the directive it created; sets its verdict. */
async function act(
  deps: RegisterSyncDeps,
  work: RowWork,
  organisation: Organisation,
  by: string | undefined,
  outcome: RegisterSyncOutcome,
): Promise<void> {
  const { decision, row, cells } = work;
  if (decision.kind === 'create') {
    const created = await createDirective(deps, decision.spec);
    outcome.created.push(decision.spec.id);
    cells.link = created.spreadsheetUrl;
    cells.status = msg.created(decision.spec.recipients.length, outOfReach(created.sharing).length);
    return;
  }
  if (decision.kind !== 'follow') {
    if (row.cells.extensions !== '' && !row.directiveId) cells.extensionResults = msg.notCreatedYet;
    return;
  }
  let directive = await getDirective(deps.db, decision.directiveId);
  if (!directive) return;
  if (row.close && directive.status !== 'closed') {
    directive = await endDirective(deps, directive.id, by);
    outcome.closed.push(directive.id);
  }
  const state = readyState(directive);
  if (state.state === 'closed') cells.status = msg.closed;
  else if (state.state === 'open') cells.status = msg.created(state.units, state.notShared);
  if (row.cells.extensions !== '')
    cells.extensionResults = await extend(deps, directive, row.cells.extensions, organisation, by, outcome);
  else if (row.cells.extensionResults !== '') cells.extensionResults = '';
}

/** Applies each extension line not applied yet; one result line per asked line. */
async function extend(
  deps: RegisterSyncDeps,
  directive: DirectiveRecord,
  text: string,
  organisation: Organisation,
  by: string | undefined,
  outcome: RegisterSyncOutcome,
): Promise<string> {
  const results: string[] = [];
  let extensions = { ...directive.extensions };
  for (const line of extensionLines(text)) {
    if ('unreadable' in line) {
      results.push(msg.badExtension(line.line));
      continue;
    }
    const unit = unitNamed(organisation, line.unit);
    if (!unit) {
      results.push(msg.extensionFailed(line.line, msg.unknownUnit(line.unit)));
      continue;
    }
    const label = `${unit.code} (${unit.shortName ?? unit.name})`;
    // Applied before (this row's earlier sync): the extension in force is the one asked.
    if (
      Object.entries(extensions).some(([key, until]) => key.endsWith(`~${unit.code}`) && until === line.until)
    ) {
      results.push(msg.extended(label, formatViDate(line.until)));
      continue;
    }
    try {
      const granted = await extendDeadline(deps, {
        directiveId: directive.id,
        unitCode: unit.code,
        ...(line.task ? { taskId: line.task } : {}),
        until: line.until,
        reason: line.reason || msg.noReason,
        ...(by ? { grantedBy: by } : {}),
      });
      extensions = { ...extensions, [granted.extension.reportId]: line.until };
      outcome.extended += 1;
      results.push(msg.extended(label, formatViDate(line.until)));
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      // The command line's hint names --task; in the register the task goes after the unit.
      results.push(
        msg.extensionFailed(line.line, error.code === 'which-task' ? msg.whichTask : error.message),
      );
    }
  }
  return results.join('\n');
}

/** The unit a line names by its code or its name (any case). */
function unitNamed(organisation: Organisation, text: string) {
  const wanted = text.trim().toLowerCase();
  return organisation.units.find(
    (u) =>
      u.code.toLowerCase() === wanted ||
      u.name.toLowerCase() === wanted ||
      u.shortName?.toLowerCase() === wanted,
  );
}

/** The writes of the cells whose wanted text differs from what the tab holds. */
function cellRequests(work: RowWork): Request[] {
  return (Object.entries(work.cells) as [RegisterColumnKey, string][])
    .filter(([key, text]) => work.read[key] !== text)
    .map(([key, text]) => registerCellRequest(work.row.row, key, text));
}
