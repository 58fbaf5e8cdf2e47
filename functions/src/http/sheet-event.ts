/**
 * The `sheetEvent` function: a signed call from the sheet's Apps Script trigger. The call is checked before any
 * work (signature in constant time, window, size, shape); a replayed delivery is 409; then one sync.
 */
import { MAX_BODY_BYTES } from '@theodoi/apps-script/contract';
import { useCaseDeps } from '../runtime-deps.js';
import {
  checkSheetEvent,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  type RefusalReason,
  type SheetEvent,
} from '../triggers/sheet-event.js';
import { receiveSheetEdit } from '../usecases/receive-sheet-edit.js';
import { errorAnswer } from './answer.js';
import { triggerSecret, type Endpoint } from './endpoint.js';

const REFUSAL_STATUS: Record<RefusalReason, number> = {
  'missing-signature': 401,
  forged: 401,
  stale: 401,
  'too-large': 413,
  malformed: 400,
};

/** POST of the trigger contract's signed JSON, at most MAX_BODY_BYTES (16 KiB). */
export const endpoint: Endpoint<SheetEvent> = {
  name: 'sheetEvent',
  methods: ['POST'],
  maxBodyBytes: MAX_BODY_BYTES,
  parse: (call, rt) => {
    const secret = triggerSecret(rt);
    if (!secret.ok) return secret;
    const check = checkSheetEvent(
      call.rawBody ?? Buffer.alloc(0),
      { timestamp: call.header(TIMESTAMP_HEADER), signature: call.header(SIGNATURE_HEADER) },
      secret.input,
      rt.clock.now(),
    );
    if (!check.ok)
      return { ok: false, answer: errorAnswer(REFUSAL_STATUS[check.reason], check.reason, check.reason) };
    return { ok: true, input: check.event };
  },
  run: async (rt, event) => {
    const received = await receiveSheetEdit(await useCaseDeps(rt), event);
    if (received.kind === 'replayed') return errorAnswer(409, 'replayed', 'replayed');
    if (received.kind === 'unknown-spreadsheet') {
      return errorAnswer(404, 'unknown-spreadsheet', 'no directive for this spreadsheet');
    }
    return { status: 200, body: received.outcome };
  },
};
