/** Google's error bodies for what its account model refuses: ownership, sharing, scopes (sources in the README). */
import { DriveApiError, VerbatimApiError } from '../contract/errors.js';
import type { ApiName } from '../contract/errors.js';
import { GoogleApiError } from '../types.js';

/** Drive's message to a service account that would own a file (reports from 2025 on). */
export const SERVICE_ACCOUNT_QUOTA_MESSAGE =
  'Service Accounts do not have storage quota. Leverage shared drives ' +
  '(https://developers.google.com/workspace/drive/api/guides/about-shareddrives), or use OAuth delegation ' +
  '(http://support.google.com/a/answer/7281227) instead.';

/** Sheets' message when spreadsheets.create would make a service account own the file. */
export const USER_QUOTA_MESSAGE = "The user's Drive storage quota has been exceeded.";

/** Drive's 403 storageQuotaExceeded for a service account creating or copying a file into My Drive. */
export function driveStorageQuotaExceeded(): GoogleApiError {
  return new DriveApiError(403, 'PERMISSION_DENIED', SERVICE_ACCOUNT_QUOTA_MESSAGE, {
    domain: 'usageLimits',
    reason: 'storageQuotaExceeded',
  });
}

/** Sheets' 403 when spreadsheets.create runs as a service account (ESF body: no errors[]). */
export function sheetsStorageQuotaExceeded(): GoogleApiError {
  return new GoogleApiError(403, 'PERMISSION_DENIED', USER_QUOTA_MESSAGE);
}

/** Drive's 400 invalidSharingRequest for a silent share to an address with no Google account. */
export function noGoogleAccount(email: string): GoogleApiError {
  const message =
    `Bad Request. User message: "You are trying to invite ${email}. Since there is no Google account ` +
    `associated with this email address, you must check the 'Notify people' box to invite this recipient."`;
  return new DriveApiError(400, 'INVALID_ARGUMENT', message, { reason: 'invalidSharingRequest' });
}

/** Drive's 403 sharingRateLimitExceeded, worded as the handle-errors guide shows it. */
export function sharingRateLimitExceeded(fileName: string): GoogleApiError {
  return new DriveApiError(403, 'PERMISSION_DENIED', 'Rate Limit Exceeded', {
    message:
      'Rate limit exceeded. User message: "These item(s) could not be shared because a rate limit was exceeded: ' +
      fileName,
    reason: 'sharingRateLimitExceeded',
  });
}

const SCOPE_MESSAGE = 'Request had insufficient authentication scopes.';

/**
 * 403 for a token lacking every scope the method accepts: `errors[]` (Drive only), status PERMISSION_DENIED, an
 * ErrorInfo ACCESS_TOKEN_SCOPE_INSUFFICIENT, and WWW-Authenticate naming the scopes that would do.
 */
export function insufficientScopes(api: ApiName, accepted: string[]): GoogleApiError {
  const service = api === 'drive' ? 'drive.googleapis.com' : 'sheets.googleapis.com';
  const body = {
    error: {
      code: 403,
      message: SCOPE_MESSAGE,
      ...(api === 'drive'
        ? {
            errors: [
              { message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' },
            ],
          }
        : {}),
      status: 'PERMISSION_DENIED',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
          domain: 'googleapis.com',
          metadata: { service },
        },
      ],
    },
  };
  return new VerbatimApiError(403, 'PERMISSION_DENIED', SCOPE_MESSAGE, body, {
    'WWW-Authenticate': `Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="${accepted.join(' ')}"`,
  });
}

/** Drive's 404 for a shared drive the caller is not a member of (or that does not exist). */
export function sharedDriveNotFound(driveId: string): GoogleApiError {
  return new DriveApiError(404, 'NOT_FOUND', `Shared drive not found: ${driveId}`, {
    reason: 'notFound',
    location: 'driveId',
    locationType: 'parameter',
  });
}
