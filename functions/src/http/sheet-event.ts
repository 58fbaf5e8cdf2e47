/** The `sheetEvent` use case: a signed call from the sheet's Apps Script trigger becomes one sync. */
import { useCaseDeps } from '../runtime-deps.js';
import type { Runtime } from '../runtime.js';
import {
  checkSheetEvent,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  type RefusalReason,
} from '../triggers/sheet-event.js';
import type { HttpAnswer } from './answer.js';

const REFUSAL_STATUS: Record<RefusalReason, number> = {
  'missing-signature': 401,
  forged: 401,
  stale: 401,
  'too-large': 413,
  malformed: 400,
};

/** What an incoming call carries. */
export interface IncomingCall {
  rawBody: Buffer | undefined;
  header(name: string): string | undefined;
}

/** Checks the call before any work (signature, window, size, shape, replay), then syncs the directive's tab. */
export async function handleSheetEvent(rt: Runtime, call: IncomingCall): Promise<HttpAnswer> {
  const secret = rt.config.triggerSecret;
  if (!secret) return { status: 503, body: { error: 'THEODOI_TRIGGER_SECRET is not configured' } };
  const check = checkSheetEvent(
    call.rawBody ?? Buffer.alloc(0),
    { timestamp: call.header(TIMESTAMP_HEADER), signature: call.header(SIGNATURE_HEADER) },
    secret,
    rt.clock.now(),
  );
  if (!check.ok) {
    rt.logs.triggerRefused(check.reason);
    return { status: REFUSAL_STATUS[check.reason], body: { error: check.reason } };
  }
  const event = check.event;
  const db = await rt.firestore();
  const [{ claimDelivery }, { findDirectiveBySpreadsheet }] = await Promise.all([
    import('../store/events.js'),
    import('../store/directives.js'),
  ]);
  if (
    !(await claimDelivery(
      db,
      event.deliveryId,
      { source: 'sheet', spreadsheetId: event.spreadsheetId },
      rt.clock.now(),
    ))
  ) {
    rt.logs.triggerRefused('replayed');
    return { status: 409, body: { error: 'replayed' } };
  }
  const directive = await findDirectiveBySpreadsheet(db, event.spreadsheetId);
  if (!directive) return { status: 404, body: { error: 'no directive for this spreadsheet' } };
  const periodKey = Object.entries(directive.tabs).find(([, tab]) => tab.title === event.sheetName)?.[0];
  const { syncDirective } = await import('../usecases/sync-directive.js');
  const outcome = await syncDirective(await useCaseDeps(rt), {
    directiveId: directive.id,
    trigger: `sheet:${event.kind}`,
    ...(periodKey ? { periodKey } : {}),
  });
  rt.logs.directiveSynced(outcome);
  return { status: 200, body: outcome };
}
