/**
 * The `sheetEvent` function: an officer's edit, reported by the coordinator's Apps Script trigger. The caller's ID
 * token is verified before anything else (http/caller.ts); the payload only names the spreadsheet. The sync is
 * handed to Pub/Sub and the call answered 202 at once: the trigger's wait is spent from the coordinator's daily
 * runtime (decision 005).
 */
import { MAX_BODY_BYTES, SheetEventSchema, type SheetEvent } from '@theodoi/apps-script/contract';
import { receiveSheetEdit } from '../usecases/receive-sheet-edit.js';
import { errorAnswer } from './answer.js';
import { verifiedCaller } from './caller.js';
import { parseJsonInput, type Endpoint } from './endpoint.js';

/** POST of the contract's JSON with `Authorization: Bearer <ID token>`, at most MAX_BODY_BYTES. */
export const endpoint: Endpoint<{ event: SheetEvent; caller: string }> = {
  name: 'sheetEvent',
  methods: ['POST'],
  maxBodyBytes: MAX_BODY_BYTES,
  parse: async (call, rt) => {
    const caller = await verifiedCaller(call, rt);
    if (!caller.ok) return caller;
    const event = parseJsonInput(call.rawBody, SheetEventSchema, 'a sheet event (apps-script/contract.ts)');
    if (!event.ok) return event;
    return { ok: true, input: { event: event.input, caller: caller.input } };
  },
  run: async (rt, { event, caller }) => {
    const [db, syncRequests] = await Promise.all([rt.firestore(), rt.syncRequests()]);
    const received = await receiveSheetEdit({ db, syncRequests }, event, caller);
    switch (received.kind) {
      case 'unknown-spreadsheet':
        return errorAnswer(404, 'unknown-spreadsheet', 'no directive for this spreadsheet');
      case 'not-an-editor':
        return errorAnswer(403, 'not-an-editor', 'the caller neither follows nor edits this directive');
      case 'not-the-coordinator':
        return errorAnswer(403, 'not-the-coordinator', 'only the coordinator keeps the register');
      case 'register-accepted':
        rt.logs.syncRequested({
          organisationId: received.organisationId,
          trigger: `sheet:${event.kind}`,
          messageId: received.messageId,
        });
        return {
          status: 202,
          body: { accepted: true, organisationId: received.organisationId, messageId: received.messageId },
        };
      case 'accepted':
        rt.logs.syncRequested({
          directiveId: received.directiveId,
          trigger: `sheet:${event.kind}`,
          messageId: received.messageId,
        });
        return {
          status: 202,
          body: { accepted: true, directiveId: received.directiveId, messageId: received.messageId },
        };
    }
  },
};
