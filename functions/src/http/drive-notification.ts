/**
 * The `driveNotification` function: a Drive push notification on a directive's spreadsheet. The channel token is
 * checked in constant time before any work; the channel's first "sync" message and repeated message numbers are
 * answered 200 and ignored (an error would only make Drive retry them); "update" or "change" syncs the directive.
 */
import { useCaseDeps } from '../runtime-deps.js';
import { checkChannelToken } from '../triggers/drive-channel.js';
import { receiveDriveChange, type DriveChange } from '../usecases/receive-drive-change.js';
import { errorAnswer } from './answer.js';
import { triggerSecret, type Endpoint } from './endpoint.js';

/** Drive's X-Goog-Message-Number: a positive integer. */
const MESSAGE_NUMBER = /^\d{1,20}$/;

/** POST with Drive's X-Goog-* headers and no body to speak of. */
export const endpoint: Endpoint<DriveChange> = {
  name: 'driveNotification',
  methods: ['POST'],
  maxBodyBytes: 1024,
  parse: (call, rt) => {
    const secret = triggerSecret(rt);
    if (!secret.ok) return secret;
    const channelId = call.header('x-goog-channel-id');
    if (!channelId || !checkChannelToken(secret.input, channelId, call.header('x-goog-channel-token'))) {
      return { ok: false, answer: errorAnswer(401, 'drive-token', 'unknown channel or token') };
    }
    const messageNumber = call.header('x-goog-message-number');
    // Drive numbers its messages; anything else is crafted, and refused before it can name a document.
    if (messageNumber !== undefined && !MESSAGE_NUMBER.test(messageNumber)) {
      return { ok: false, answer: errorAnswer(400, 'bad-message-number', 'bad message number') };
    }
    return {
      ok: true,
      input: {
        channelId,
        messageNumber,
        state: call.header('x-goog-resource-state'),
      },
    };
  },
  run: async (rt, change) => {
    if (change.state === 'sync') return { status: 200, body: { ignored: 'sync' } };
    const received = await receiveDriveChange(await useCaseDeps(rt), change);
    if (received.kind === 'stale-channel') return { status: 200, body: { ignored: 'stale channel' } };
    if (received.kind === 'duplicate') return { status: 200, body: { ignored: 'duplicate' } };
    return { status: 200, body: received.outcome };
  },
};
