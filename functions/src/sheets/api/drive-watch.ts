/** Drive push channels on a spreadsheet: open one (files.watch), close one (channels.stop). */
import { randomUUID } from 'node:crypto';
import type { GoogleClients } from './clients.js';
import { GoogleApiError } from './google-error.js';
import { callGoogle } from './retry.js';

/** An open channel as theodoi stores it. */
export interface Watch {
  channelId: string;
  resourceId: string;
  /** Unix milliseconds. */
  expiration: number;
  /** The channel's own token, echoed by Drive on each notification. */
  token: string;
}

/** Opens a channel delivering the file's changes to `address`, with `token` echoed back. */
export async function watchFile(
  clients: GoogleClients,
  fileId: string,
  address: string,
  token: string,
  expiration: number,
): Promise<Watch> {
  const id = randomUUID();
  // Not repeated: a channel id is used once, and a second channel on the file would double every notification.
  const res = await callGoogle(
    () =>
      clients.drive.files.watch({
        fileId,
        requestBody: { id, type: 'web_hook', address, token, expiration: String(expiration) },
      }),
    'once',
  );
  if (!res.data.resourceId) throw new Error('files.watch returned no resourceId');
  return {
    channelId: id,
    resourceId: res.data.resourceId,
    expiration: Number(res.data.expiration ?? expiration),
    token,
  };
}

/** Stops a channel; a channel Drive no longer knows is already stopped. */
export async function stopChannel(
  clients: GoogleClients,
  watch: Pick<Watch, 'channelId' | 'resourceId'>,
): Promise<void> {
  try {
    await callGoogle(
      () =>
        clients.drive.channels.stop({ requestBody: { id: watch.channelId, resourceId: watch.resourceId } }),
      'repeatable',
      clients.retry,
    );
  } catch (error) {
    if (!(error instanceof GoogleApiError && error.code === 'not-found')) throw error;
  }
}
