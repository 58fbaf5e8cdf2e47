/**
 * Drive permissions theodoi gives: a writer with Drive's notification e-mail, and the silent probe that tells whether
 * an address is a Google account. Drive answers a silent share to an address that is no Google account with 400
 * `invalidSharingRequest`, while a share with the notification on succeeds as an invitation (sheets-facts §8c): only
 * the silent share tells the two apart, so it is made on theodoi's probe file and withdrawn at once.
 */
import type { GoogleClients } from './clients.js';
import { GoogleApiError } from './google-error.js';
import { callGoogle, type RetryPolicy } from './retry.js';

/** What the probe found: a Google account, or an address that is none (yet). */
export type ProbeResult = 'account' | 'not-account';

/** Whether `error` is Drive's refusal of a silent share to an address that is no Google account. */
export function isNoGoogleAccount(error: unknown): boolean {
  return error instanceof GoogleApiError && error.status === 400 && error.reason === 'invalidSharingRequest';
}

/**
 * Shares `probeFileId` silently with `emailAddress` as a reader and withdraws it: 'account' when Drive accepts,
 * 'not-account' on its invalidSharingRequest. A share Drive refused as a rate limit created nothing, so it is repeated
 * as `policy` says (a repeat of one that went through changes nothing).
 */
export async function probeAddress(
  clients: GoogleClients,
  probeFileId: string,
  emailAddress: string,
  policy: RetryPolicy,
): Promise<{ result: ProbeResult; driveCalls: number }> {
  let permissionId: string | null | undefined;
  try {
    const created = await callGoogle(
      () =>
        clients.drive.permissions.create({
          fileId: probeFileId,
          sendNotificationEmail: false,
          supportsAllDrives: true,
          requestBody: { type: 'user', role: 'reader', emailAddress },
          fields: 'id',
        }),
      'repeatable',
      policy,
    );
    permissionId = created.data.id;
  } catch (error) {
    if (isNoGoogleAccount(error)) return { result: 'not-account', driveCalls: 1 };
    throw error;
  }
  if (!permissionId) return { result: 'account', driveCalls: 1 };
  const id = permissionId;
  await callGoogle(
    () =>
      clients.drive.permissions.delete({ fileId: probeFileId, permissionId: id, supportsAllDrives: true }),
    'repeatable',
    policy,
  );
  return { result: 'account', driveCalls: 2 };
}

/**
 * Shares `fileId` with `emailAddress` as a writer, with Drive's notification e-mail carrying `message` (an address
 * that is no Google account is invited). Repeated on a rate limit as `policy` says: a refused share created nothing.
 */
export async function shareAsWriter(
  clients: GoogleClients,
  fileId: string,
  emailAddress: string,
  message: string,
  policy: RetryPolicy,
): Promise<void> {
  await callGoogle(
    () =>
      clients.drive.permissions.create({
        fileId,
        sendNotificationEmail: true,
        emailMessage: message,
        supportsAllDrives: true,
        requestBody: { type: 'user', role: 'writer', emailAddress },
        fields: 'id',
      }),
    'repeatable',
    policy,
  );
}
