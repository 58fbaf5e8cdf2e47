/** Apps Script's own error texts (what a script's `catch` or the Executions page shows), each with its source. */

/** An exception thrown into the running script (`Exception: <message>` there). */
export class ScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Scopes the emulator checks, by their full names. */
export const SCOPES = {
  openid: 'openid',
  email: 'https://www.googleapis.com/auth/userinfo.email',
  externalRequest: 'https://www.googleapis.com/auth/script.external_request',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  spreadsheetsReadonly: 'https://www.googleapis.com/auth/spreadsheets.readonly',
  spreadsheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
} as const;

/**
 * A call whose scope the explicit manifest lacks: "You do not have permission to call UrlFetchApp.fetch"
 * [issue enuchi/React-Google-Apps-Script#44]; the "Required permissions" tail, with `(a || b)` for alternatives, is
 * recalled.
 */
export function missingScope(method: string, scopes: readonly string[]): ScriptException {
  const required = scopes.length === 1 ? scopes[0]! : `(${scopes.join(' || ')})`;
  return new ScriptException(
    `You do not have permission to call ${method}. Required permissions: ${required}`,
  );
}

/** A trigger whose creator has not authorised the script's current scopes (recalled from trigger failure e-mails). */
export const AUTHORIZATION_REQUIRED = 'Authorization is required to perform that action.';

/** Triggers' daily runtime used up [doc quotas page, "Exception messages"; webdigi/GmailScheduler 077cb35]. */
export const RUNTIME_EXHAUSTED = 'Service using too much computer time for one day.';

/** UrlFetch's daily calls used up ["Service invoked too many times for one day: gmail." ramkumar-kr/gmail-delay-send#166]. */
export const URLFETCH_EXHAUSTED = 'Service invoked too many times for one day: urlfetch.';

/** The 21st trigger of one user in one script [quoted verbatim in many public scripts; 20 per user per script, quotas page]. */
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

/** An execution past the 6-minute limit [doc quotas page: "Script runtime 6 min / execution"]. */
export const EXCEEDED_MAX_TIME = 'Exceeded maximum execution time';

/** A document the effective user cannot open (recalled). */
export const NO_DOCUMENT_ACCESS = 'You do not have permission to access the requested document.';

/** A document id that does not exist (recalled; Apps Script names the method it was in). */
export function unexpectedError(method: string, object: string): ScriptException {
  return new ScriptException(
    `Unexpected error while getting the method or property ${method} on object ${object}.`,
  );
}

/** A trigger's handler, or a function run from the editor, that the script does not define. */
export function functionNotFound(name: string): string {
  return `Script function not found: ${name}`;
}

/** An HTTP error answer without muteHttpExceptions (Apps Script names only the scheme and host). */
export function requestFailed(url: string, status: number, body: string): ScriptException {
  let origin = url;
  try {
    const u = new URL(url);
    origin = `${u.protocol}//${u.host}`;
  } catch {
    // keep the url as given
  }
  const truncated = body.length > 100 ? `${body.slice(0, 100)}...` : body;
  return new ScriptException(
    `Request failed for ${origin} returned code ${status}. Truncated server response: ${truncated} (use muteHttpExceptions option to examine full response)`,
  );
}

/** An unreachable address (recalled: Apps Script says "Address unavailable" or "DNS error"). */
export function addressUnavailable(url: string): ScriptException {
  return new ScriptException(`Address unavailable: ${url}`);
}
