/**
 * `sheetTargets` for one coordinator (decision 006): the open directives they follow first (a directive's first
 * coordinator: several coordinators' scripts would each call on every edit, spending the runtime twice) whose
 * spreadsheets theodoi can open, ranked by the nearest due period and the officers' latest edit
 * (domain/triggers/sheet-targets.ts), at most 19. Their standalone script installs an edit trigger on each and
 * removes the others. Its other coordinators' scripts leave it alone (without the first's script, Drive's push and
 * the sweep still sync it). The dashboard spreadsheet of each organisation they coordinate comes first: its register
 * tab "Sổ theo dõi văn bản" is where they register, close and extend (decision 010).
 */
import type { Firestore } from 'firebase-admin/firestore';
import { MAX_EDIT_TRIGGERS } from '@theodoi/apps-script/contract';
import type { Clock } from '../clock.js';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.js';
import { periodAt } from '../domain/periods/index.js';
import { rankSheetTargets, type TriggerCandidate } from '../domain/triggers/sheet-targets.js';
import { lastReportChange } from '../store/activity.js';
import { firestoreStep } from '../store/deadline.js';
import { listOpenDirectives, type DirectiveRecord } from '../store/directives.js';
import { dashboardsOfCoordinator } from '../store/organisations.js';

/** What listing the targets needs. */
export interface SheetTargetsDeps {
  db: Firestore;
  clock: Clock;
  calendar: WorkingCalendar;
  firestoreTimeoutMs?: number;
}

/** The spreadsheets to trigger on, most urgent first, and how many open directives the coordinator follows. */
export interface SheetTargetsOutcome {
  spreadsheetIds: string[];
  openDirectives: number;
}

/** Ranks the open directives `coordinator` follows first. */
export async function listSheetTargets(
  deps: SheetTargetsDeps,
  coordinator: string,
): Promise<SheetTargetsOutcome> {
  const store = firestoreStep(deps);
  const now = deps.clock.now();
  const followed = (await store(listOpenDirectives(deps.db), 'listing open directives')).filter(
    (d) => d.coordinators[0]?.toLowerCase() === coordinator,
  );
  // A spreadsheet theodoi cannot open gains nothing from a trigger; its access notice tells the coordinator.
  const reachable = followed.filter((d) => d.access?.state !== 'lost');
  const [candidates, dashboards] = await store(
    Promise.all([
      Promise.all(reachable.map((d) => candidateOf(deps, d, now))),
      dashboardsOfCoordinator(deps.db, coordinator),
    ]),
    'reading the latest edits',
  );
  // The coordinator's register (on their organisation's dashboard) comes first: it is where they work every day.
  const registers = dashboards.map((d) => d.spreadsheetId).slice(0, MAX_EDIT_TRIGGERS);
  const directives = rankSheetTargets(candidates, now, MAX_EDIT_TRIGGERS - registers.length);
  return { spreadsheetIds: [...registers, ...directives], openDirectives: followed.length };
}

async function candidateOf(
  deps: SheetTargetsDeps,
  directive: DirectiveRecord,
  now: Date,
): Promise<TriggerCandidate> {
  const due = periodAt(directive.schedule, now, deps.calendar);
  const lastActivityAt = await lastReportChange(deps.db, directive.id);
  return {
    directiveId: directive.id,
    spreadsheetId: directive.spreadsheetId,
    ...(due ? { dueAt: due.deadlineEndsAt } : {}),
    ...(lastActivityAt ? { lastActivityAt } : {}),
  };
}
