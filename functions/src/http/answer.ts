/** What an HTTP function answers, and the shape of every refusal and failure it answers with. */

/** The status and JSON body of one answer. */
export interface HttpAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** What a 4xx or 5xx answer whose body is not an ErrorBody is logged as ('degraded', 'incomplete'). */
  code?: string;
  /** Why, for the log line only (a setting that is missing): never sent to the caller. */
  reason?: string;
}

/** The body of every refusal or failure: what went wrong for people, and a stable code for programs and logs. */
export interface ErrorBody {
  error: string;
  code: string;
}

/** An answer refusing or failing the call with `status`, `code` and a short explanation. */
export function errorAnswer(status: number, code: string, error: string): HttpAnswer & { body: ErrorBody } {
  return { status, body: { error, code } };
}
