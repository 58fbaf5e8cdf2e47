/** Test helper: the Apps Script admin endpoints of a running emulator, called over HTTP as a test kit would. */
import type { drive_v3 } from '@googleapis/drive';
import type { ExecutionRecord } from '@theodoi/sheets-emulator/apps-script/model';

/** A JSON answer of an admin endpoint. */
export interface AdminAnswer<T> {
  status: number;
  body: T;
}

/** Calls `/__emulator{path}` with an optional JSON body. */
export async function admin<T = Record<string, unknown>>(
  server: { url: string },
  method: string,
  path: string,
  body?: unknown,
): Promise<AdminAnswer<T>> {
  const res = await fetch(`${server.url}/__emulator${path}`, {
    method,
    ...(body !== undefined
      ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
      : {}),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** A project as `POST /__emulator/scripts` describes it. */
export interface ScriptInfo {
  scriptId: string;
  clientId: string;
  owner: string;
  boundTo?: string;
}

/** Creates a project; fails the test unless the emulator accepts it. */
export async function createScript(
  server: { url: string },
  body: Record<string, unknown>,
): Promise<ScriptInfo> {
  const res = await admin<ScriptInfo>(server, 'POST', '/scripts', body);
  if (res.status !== 200) throw new Error(`creating the script failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Presses Run as `as` (clicking Allow on the consent screen first unless `consent` is false). */
export async function runScript(
  server: { url: string },
  scriptId: string,
  fn: string,
  as: string,
  consent = true,
): Promise<ExecutionRecord> {
  const res = await admin<ExecutionRecord>(server, 'POST', `/scripts/${scriptId}/run`, {
    function: fn,
    as,
    consent,
  });
  if (res.status !== 200) throw new Error(`running ${fn} failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The manifest scopes of a script that calls out with an ID token, as Google's Cloud Run guide lists them. */
export const ID_TOKEN_SCOPES = [
  'openid',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/script.external_request',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/spreadsheets',
];

/** Shares a file with each address (no notification e-mail), as its owner does in the Share dialog. */
export async function share(
  drive: drive_v3.Drive,
  fileId: string,
  emails: string[],
  role: 'writer' | 'reader' = 'writer',
): Promise<void> {
  for (const emailAddress of emails) {
    await drive.permissions.create({
      fileId,
      sendNotificationEmail: false,
      requestBody: { type: 'user', role, emailAddress },
    });
  }
}
