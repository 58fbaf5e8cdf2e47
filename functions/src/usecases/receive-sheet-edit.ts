/**
 * A sheet trigger's event, once its signature and window are checked: the delivery claimed once (a repeat is a
 * replay), the directive found by its spreadsheet and the edited tab's period by its title, then one sync.
 */
import type { SheetEvent } from '@theodoi/apps-script/contract';
import { firestoreStep } from '../store/deadline.js';
import { findDirectiveBySpreadsheet } from '../store/directives.js';
import { claimDelivery } from '../store/events.js';
import type { RunEvents } from './run-events.js';
import { syncDirective, type SyncDeps, type SyncOutcome } from './sync-directive.js';

/** What receiving an edit needs: a sync's needs and its named event. */
export type ReceiveDeps = SyncDeps & { events: Pick<RunEvents, 'directiveSynced'> };

/** What became of the event. */
export type SheetEditOutcome =
  { kind: 'replayed' } | { kind: 'unknown-spreadsheet' } | { kind: 'synced'; outcome: SyncOutcome };

/**
 * Finds the event's directive, claims its delivery and syncs the edited tab (every tab when its title is unknown).
 * Nothing is written for a spreadsheet that is not a directive's.
 */
export async function receiveSheetEdit(deps: ReceiveDeps, event: SheetEvent): Promise<SheetEditOutcome> {
  const store = firestoreStep(deps);
  const directive = await store(
    findDirectiveBySpreadsheet(deps.db, event.spreadsheetId),
    'finding the directive',
  );
  if (!directive) return { kind: 'unknown-spreadsheet' };
  const info = { source: 'sheet' as const, spreadsheetId: event.spreadsheetId, directiveId: directive.id };
  const claimed = await store(
    claimDelivery(deps.db, event.deliveryId, info, deps.clock.now()),
    'claiming the delivery',
  );
  if (!claimed) return { kind: 'replayed' };
  const periodKey = Object.entries(directive.tabs).find(([, tab]) => tab.title === event.sheetName)?.[0];
  const outcome = await syncDirective(deps, {
    directiveId: directive.id,
    trigger: `sheet:${event.kind}`,
    ...(periodKey ? { periodKey } : {}),
  });
  deps.events.directiveSynced(outcome);
  return { kind: 'synced', outcome };
}
