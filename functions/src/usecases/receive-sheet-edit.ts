/**
 * A sheet trigger's call, once its caller's ID token is verified (decision 004): the directive found by the
 * spreadsheet the payload names, the caller checked against it (a coordinator, or an editor of one of its units),
 * and one sync request handed to Pub/Sub (decision 005). Nothing else happens while the trigger waits: no sync, no
 * write. The payload is only a hint; the sync reads the sheet itself.
 */
import type { Firestore } from 'firebase-admin/firestore';
import type { SheetEvent } from '@theodoi/apps-script/contract';
import type { SyncRequestPublisher } from '../pubsub/sync-requests.js';
import { firestoreStep } from '../store/deadline.js';
import { findDirectiveBySpreadsheet, type DirectiveRecord } from '../store/directives.js';
import { findOrganisationByDashboard } from '../store/organisations.js';
import { getOrganisation, listUnits } from '../store/units.js';

/** What receiving an edit needs: Firestore to find the directive, and the topic to hand the sync to. */
export interface ReceiveSheetEditDeps {
  db: Firestore;
  syncRequests: SyncRequestPublisher;
  firestoreTimeoutMs?: number;
}

/** What became of the call. */
export type SheetEditOutcome =
  | { kind: 'unknown-spreadsheet' }
  | { kind: 'not-an-editor'; directiveId: string }
  | { kind: 'not-the-coordinator'; organisationId: string }
  | { kind: 'accepted'; directiveId: string; messageId: string }
  | { kind: 'register-accepted'; organisationId: string; messageId: string };

/** Finds the directive of `event.spreadsheetId`, checks `caller` may ask for its sync, and publishes the request. */
export async function receiveSheetEdit(
  deps: ReceiveSheetEditDeps,
  event: SheetEvent,
  caller: string,
): Promise<SheetEditOutcome> {
  const store = firestoreStep(deps);
  const directive = await store(
    findDirectiveBySpreadsheet(deps.db, event.spreadsheetId),
    'finding the directive',
  );
  if (!directive) return receiveRegisterEdit(deps, event, caller);
  if (!(await mayAskForSync(deps, directive, caller)))
    return { kind: 'not-an-editor', directiveId: directive.id };
  const messageId = await deps.syncRequests.publish({
    directiveId: directive.id,
    trigger: `sheet:${event.kind}`,
    ...(event.sheetName !== undefined ? { sheetName: event.sheetName } : {}),
    by: caller,
  });
  return { kind: 'accepted', directiveId: directive.id, messageId };
}

/**
 * An edit of an organisation's dashboard spreadsheet (its register tab): only the organisation's coordinator, or
 * someone theodoi shared the dashboard with as its editor, may register, close or extend; officers may not.
 */
async function receiveRegisterEdit(
  deps: ReceiveSheetEditDeps,
  event: SheetEvent,
  caller: string,
): Promise<SheetEditOutcome> {
  const store = firestoreStep(deps);
  const organisationId = await store(
    findOrganisationByDashboard(deps.db, event.spreadsheetId),
    'finding the organisation',
  );
  if (!organisationId) return { kind: 'unknown-spreadsheet' };
  const organisation = await store(getOrganisation(deps.db, organisationId), 'reading the organisation');
  const keepers = [organisation?.coordinator.email ?? '', ...(organisation?.dashboardSharedWith ?? [])];
  if (!keepers.some((a) => a.toLowerCase() === caller))
    return { kind: 'not-the-coordinator', organisationId };
  const messageId = await deps.syncRequests.publish({
    register: organisationId,
    trigger: `sheet:${event.kind}`,
    by: caller,
  });
  return { kind: 'register-accepted', organisationId, messageId };
}

/**
 * Whether `email` follows the directive (one of its coordinators: the trigger's usual caller, found in the
 * document already read) or edits one of its recipients' rows (one more read, of the organisation's units).
 */
async function mayAskForSync(
  deps: ReceiveSheetEditDeps,
  directive: DirectiveRecord,
  email: string,
): Promise<boolean> {
  const same = (a: string) => a.toLowerCase() === email;
  if (directive.coordinators.some(same)) return true;
  const units = await firestoreStep(deps)(listUnits(deps.db, directive.organisation), 'reading the units');
  const recipients = new Set(directive.recipients);
  return units.some((u) => recipients.has(u.code) && u.editors.some(same));
}
