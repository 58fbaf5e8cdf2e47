/**
 * The `driveNotification` function: a Drive push notification on a directive's spreadsheet. The channel's first
 * "sync" message is answered 200 and ignored; otherwise the directive is found by its channel and the channel's
 * own token checked in constant time before any write (401 if it differs); repeated message numbers and stale
 * channels are answered 200 and ignored (an error would only make Drive retry them); "update" or "change" syncs.
 */
import { useCaseDeps } from '../runtime-deps.js';
import { receiveDriveChange, type DriveChange } from '../usecases/receive-drive-change.js';
import { errorAnswer } from './answer.js';
import type { Endpoint } from './endpoint.js';

const UNKNOWN_CHANNEL = () => errorAnswer(401, 'drive-token', 'unknown channel or token');

/** Drive's X-Goog-Message-Number: a positive integer. */
const MESSAGE_NUMBER = /^\d{1,20}$/;

/** POST with Drive's X-Goog-* headers and no body to speak of. */
export const endpoint: Endpoint<DriveChange> = {
  name: 'driveNotification',
  methods: ['POST'],
  maxBodyBytes: 1024,
  parse: (call) => {
    const channelId = call.header('x-goog-channel-id');
    const token = call.header('x-goog-channel-token');
    if (!channelId || !token) return { ok: false, answer: UNKNOWN_CHANNEL() };
    const messageNumber = call.header('x-goog-message-number');
    // Drive numbers its messages; anything else is crafted, and refused before it can name a document.
    if (messageNumber !== undefined && !MESSAGE_NUMBER.test(messageNumber)) {
      return { ok: false, answer: errorAnswer(400, 'bad-message-number', 'bad message number') };
    }
    return {
      ok: true,
      input: {
        channelId,
        token,
        messageNumber,
        state: call.header('x-goog-resource-state'),
      },
    };
  },
  run: async (rt, change) => {
    if (change.state === 'sync') return { status: 200, body: { ignored: 'sync' } };
    const received = await receiveDriveChange(await useCaseDeps(rt), change);
    if (received.kind === 'forged') return UNKNOWN_CHANNEL();
    if (received.kind === 'stale-channel') return { status: 200, body: { ignored: 'stale channel' } };
    if (received.kind === 'duplicate') return { status: 200, body: { ignored: 'duplicate' } };
    if (received.kind === 'own-write') return { status: 200, body: { ignored: 'own write' } };
    return { status: 200, body: received.outcome };
  },
};
