/** Google's error bodies, as Sheets (ESF style) and Drive (with `errors[]`) send them. */
import { GoogleApiError } from '../types.js';

/** Which API an error belongs to: their bodies differ. */
export type ApiName = 'sheets' | 'drive';

/** One entry of Drive's legacy `errors[]`. */
export interface LegacyErrorItem {
  message: string;
  domain: string;
  reason: string;
  location?: string;
  locationType?: string;
}

/** A Drive error: always carries `errors[]`; `status` only when Google's front end adds it (auth, quota). */
export class DriveApiError extends GoogleApiError {
  constructor(
    code: number,
    status: string,
    message: string,
    readonly item: Omit<LegacyErrorItem, 'message' | 'domain'> & { domain?: string; message?: string },
    readonly withStatus = false,
  ) {
    super(code, status, message);
    this.name = 'DriveApiError';
  }

  /** The body exactly as Drive sends it. */
  wireBody(): unknown {
    const { message = this.message, domain = 'global', ...rest } = this.item;
    return {
      error: {
        code: this.code,
        message: this.message,
        errors: [{ message, domain, ...rest }],
        ...(this.withStatus ? { status: this.status } : {}),
      },
    };
  }
}

/** An error whose body is given verbatim (quota errors carry `details` the base class has no room for). */
export class VerbatimApiError extends GoogleApiError {
  constructor(
    code: number,
    status: string,
    message: string,
    readonly body: unknown,
    headers: Record<string, string> = {},
  ) {
    super(code, status, message, { headers });
    this.name = 'VerbatimApiError';
  }
}

/** The JSON body to send for any GoogleApiError. */
export function wireBody(err: GoogleApiError): unknown {
  if (err instanceof VerbatimApiError) return err.body;
  return err instanceof DriveApiError ? err.wireBody() : err.toBody();
}

/** 400 for a malformed request, shaped per API. */
export function invalidArgument(api: ApiName, message: string, location?: string): GoogleApiError {
  if (api === 'drive') {
    return new DriveApiError(400, 'INVALID_ARGUMENT', message, {
      reason: location ? 'invalid' : 'badRequest',
      ...(location ? { location, locationType: 'parameter' } : {}),
    });
  }
  return new GoogleApiError(400, 'INVALID_ARGUMENT', message);
}

/** One entry of a google.rpc.BadRequest detail. */
export interface FieldViolation {
  field: string;
  description: string;
}

/**
 * 400 for a request that does not fit the contract. Sheets (ESF) joins the descriptions into the message
 * and lists them as a google.rpc.BadRequest detail; Drive gives the joined message with errors[].
 */
export function badRequest(api: ApiName, violations: FieldViolation[], location?: string): GoogleApiError {
  const message = violations.map((v) => v.description).join('\n');
  if (api === 'drive') return invalidArgument('drive', message, location);
  const body = {
    error: {
      code: 400,
      message,
      status: 'INVALID_ARGUMENT',
      details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: violations }],
    },
  };
  return new VerbatimApiError(400, 'INVALID_ARGUMENT', message, body);
}

/** 401 for an unknown or expired bearer token. */
export function unauthenticated(api: ApiName): GoogleApiError {
  const message =
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid ' +
    'authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
  const headers = {
    'WWW-Authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
  };
  if (api === 'drive') {
    const err = new DriveApiError(
      401,
      'UNAUTHENTICATED',
      message,
      {
        message: 'Invalid Credentials',
        reason: 'authError',
        location: 'Authorization',
        locationType: 'header',
      },
      true,
    );
    Object.assign(err.extra, { headers });
    return err;
  }
  return new GoogleApiError(401, 'UNAUTHENTICATED', message, { headers });
}

/** 403 when no credential at all was sent. */
export function unregisteredCaller(api: ApiName): GoogleApiError {
  const message =
    "Method doesn't allow unregistered callers (callers without established identity). " +
    'Please use API Key or other form of API consumer identity to call this API.';
  return api === 'drive'
    ? new DriveApiError(403, 'PERMISSION_DENIED', message, { reason: 'forbidden' }, true)
    : new GoogleApiError(403, 'PERMISSION_DENIED', message);
}

/** 400 for an API key: the emulator has none, so every key is invalid. */
export function invalidApiKey(): GoogleApiError {
  return new GoogleApiError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.');
}

/** Sheets' 404 for an unknown spreadsheet. */
export function sheetsNotFound(): GoogleApiError {
  return new GoogleApiError(404, 'NOT_FOUND', 'Requested entity was not found.');
}

/** Sheets' 403 for a file the caller may not read or write. */
export function sheetsPermissionDenied(): GoogleApiError {
  return new GoogleApiError(403, 'PERMISSION_DENIED', 'The caller does not have permission');
}

/** Drive's 404 for a file the caller cannot see. */
export function fileNotFound(fileId: string): GoogleApiError {
  return new DriveApiError(404, 'NOT_FOUND', `File not found: ${fileId}.`, {
    reason: 'notFound',
    location: 'fileId',
    locationType: 'parameter',
  });
}

/** Drive's 403 for a caller who can see a file but not do this to it. */
export function insufficientFilePermissions(): GoogleApiError {
  return new DriveApiError(
    403,
    'PERMISSION_DENIED',
    'The user does not have sufficient permissions for this file.',
    {
      reason: 'insufficientFilePermissions',
    },
  );
}

/** A Drive 4xx with a specific reason. */
export function driveError(code: number, reason: string, message: string, location?: string): GoogleApiError {
  const status = code === 404 ? 'NOT_FOUND' : code === 403 ? 'PERMISSION_DENIED' : 'INVALID_ARGUMENT';
  return new DriveApiError(code, status, message, {
    reason,
    ...(location ? { location, locationType: 'parameter' } : {}),
  });
}

/** 501 for what Google supports and the emulator does not: never a silent success. */
export function notImplemented(what: string): GoogleApiError {
  return new GoogleApiError(
    501,
    'UNIMPLEMENTED',
    `${what} is not supported by the theodoi Sheets/Drive emulator.`,
  );
}

/**
 * Google's front end answers a URL that matches no method (an extra `/`, as in `/v4/spreadsheets/ID/` or
 * `/drive/v3/files/ID/`) with its HTML 404 page, not a JSON error: `page` is that HTML.
 */
export class NotFoundPage extends GoogleApiError {
  readonly page: string;

  constructor(path: string) {
    super(404, 'NOT_FOUND', `The requested URL ${path} was not found on this server.`);
    this.name = 'NotFoundPage';
    const escaped = path.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    this.page =
      '<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n' +
      '  <meta name=viewport content="initial-scale=1, minimum-scale=1, width=device-width">\n' +
      '  <title>Error 404 (Not Found)!!1</title>\n' +
      '  <a href=//www.google.com/><span id=logo aria-label=Google></span></a>\n' +
      '  <p><b>404.</b> <ins>That\u2019s an error.</ins>\n' +
      `  <p>The requested URL <code>${escaped}</code> was not found on this server.  ` +
      '<ins>That\u2019s all we know.</ins>\n';
  }
}

/** 404 for a URL that is no API method (the path as sent, without the query string). */
export function noSuchMethod(path: string): NotFoundPage {
  return new NotFoundPage(path);
}

/** 500 as Google words it. */
export function internalError(): GoogleApiError {
  return new GoogleApiError(500, 'INTERNAL', 'Internal error encountered.');
}

/** 503 as Google words it. */
export function unavailable(): GoogleApiError {
  return new GoogleApiError(503, 'UNAVAILABLE', 'The service is currently unavailable.');
}
