/** The Apps Script admin endpoints: `/__emulator/scripts/...` (projects, properties, runs) and `/__emulator/apps-script/...`. */
import { GoogleApiError } from '../types.js';
import type { ScriptRecord } from './model.js';
import type { AppsScriptRuntime } from './runtime.js';
import type { CreateScriptInput } from './scripts.js';

/** An answer for the shell to send as JSON. */
export interface AdminAnswer {
  status: number;
  body: unknown;
}

function badRequest(message: string): GoogleApiError {
  return new GoogleApiError(400, 'INVALID_ARGUMENT', message);
}

function jsonBody(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    throw badRequest('the body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw badRequest('the body must be a JSON object');
  return parsed as Record<string, unknown>;
}

function requiredEmail(value: unknown, name: string): string {
  if (typeof value !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(value.trim()))
    throw badRequest(`${name}: an e-mail address is required`);
  return value.trim().toLowerCase();
}

/** A project as the admin endpoints show it (its properties only through /properties). */
export function describeScript(s: ScriptRecord): Record<string, unknown> {
  return {
    scriptId: s.id,
    title: s.title,
    owner: s.owner,
    editors: s.editors,
    ...(s.boundTo !== undefined ? { boundTo: s.boundTo } : {}),
    clientId: s.clientId,
    projectNumber: s.projectNumber,
    createdAt: s.createdAt,
    manifest: s.manifest,
    source: s.source,
    authorisedBy: Object.keys(s.consents),
  };
}

/** Serves the Apps Script admin endpoints; undefined when the path is not one of them. */
export async function serveAppsScript(
  runtime: AppsScriptRuntime,
  method: string,
  rawPath: string,
  url: URL,
  text: string,
): Promise<AdminAnswer | undefined> {
  const ok = (body: unknown): AdminAnswer => ({ status: 200, body });
  try {
    switch (`${method} ${rawPath}`) {
      case 'POST /__emulator/scripts':
        return ok(describeScript(runtime.createScript(jsonBody(text) as unknown as CreateScriptInput)));
      case 'GET /__emulator/scripts':
        return ok({ scripts: [...runtime.scripts.scripts.values()].map(describeScript) });
      case 'GET /__emulator/apps-script/executions':
        if (url.searchParams.get('idle') === 'true') await runtime.idle();
        return ok({ executions: runtime.executions(url.searchParams.get('script') ?? undefined) });
      case 'GET /__emulator/apps-script/quotas':
        return ok(runtime.quotas(requiredEmail(url.searchParams.get('user'), 'user')));
      case 'POST /__emulator/apps-script/run-due':
        return ok({ executions: await runtime.runDue() });
    }
    const m = /^\/__emulator\/scripts\/([\w-]+)(\/properties|\/run|\/triggers|\/consent)?$/.exec(rawPath);
    if (!m) return undefined;
    const id = m[1]!;
    const as = url.searchParams.get('as');
    switch (`${method} ${m[2] ?? ''}`) {
      case 'GET ': {
        const script = runtime.scripts.get(id);
        if (as !== null) runtime.scripts.requireOpener(script, requiredEmail(as, 'as'));
        return ok(describeScript(script));
      }
      case 'PUT ': {
        const body = jsonBody(text);
        return ok(describeScript(runtime.updateScript(id, requiredEmail(as, 'as'), body)));
      }
      case 'DELETE ':
        if (!runtime.deleteScript(id))
          throw new GoogleApiError(404, 'NOT_FOUND', 'Requested entity was not found.');
        return ok({ ok: true });
      case 'GET /properties':
        return ok({ properties: runtime.readProperties(id, requiredEmail(as, 'as')) });
      case 'PUT /properties': {
        const body = jsonBody(text);
        if (typeof body.properties !== 'object' || body.properties === null)
          throw badRequest('properties: an object of strings');
        return ok({
          properties: runtime.writeProperties(
            id,
            requiredEmail(as, 'as'),
            body.properties as Record<string, string>,
          ),
        });
      }
      case 'POST /consent': {
        runtime.consent(id, requiredEmail(jsonBody(text).as, 'as'));
        return ok({ ok: true });
      }
      case 'POST /run': {
        const body = jsonBody(text);
        if (typeof body.function !== 'string' || body.function === '')
          throw badRequest('function: a function name');
        return ok(await runtime.run(id, body.function, requiredEmail(body.as, 'as'), body.consent === true));
      }
      case 'GET /triggers':
        runtime.scripts.get(id);
        return ok({ triggers: runtime.scripts.triggersOf(id) });
      default:
        return undefined;
    }
  } catch (err) {
    if (!(err instanceof GoogleApiError)) throw err;
    return { status: err.code, body: err.toBody() };
  }
}
