/** Admin endpoints of the account model: accounts, OAuth clients, next consent, shared drives, e-mails, Picker. */
import type { ServerResponse } from 'node:http';
import type { DriveStore } from '../drive/store.js';
import { parseClient } from '../oauth/clients.js';
import type { ConsentQueue } from '../oauth/routes.js';
import { parseScopes } from '../oauth/scopes.js';
import { normaliseEmail, parseAccount } from './directory.js';
import type { AccountModel, MintOptions } from './model.js';
import { createSharedDrive, parseSharedDrive } from './shared-drives.js';

/** What the account admin endpoints act on. */
export interface AccountsAdminDeps {
  accounts: AccountModel;
  store: DriveStore;
  consents: ConsentQueue;
  /** Runs after a change that must be saved. */
  persist: () => void;
}

function send(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(code, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function bad(res: ServerResponse, code: number, message: string): void {
  send(res, code, { error: { code, message, status: code === 404 ? 'NOT_FOUND' : 'INVALID_ARGUMENT' } });
}

function parse(text: string): unknown {
  try {
    return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** The shared drives as the admin listing shows them. */
function sharedDrives(store: DriveStore): unknown[] {
  return [...store.files.values()]
    .filter((f) => f.driveId !== undefined && f.id === f.driveId)
    .map((f) => ({
      id: f.id,
      name: f.name,
      members: f.permissions.map((p) => ({ email: p.emailAddress, role: p.role })),
    }));
}

/** Reads mint options from the token endpoint's query (`scope` space-separated, `clientId`). */
export function mintOptionsOf(url: URL): MintOptions {
  const scope = url.searchParams.get('scope');
  const clientId = url.searchParams.get('clientId');
  return {
    ...(scope !== null ? { scopes: parseScopes(scope) } : {}),
    ...(clientId !== null ? { clientId } : {}),
  };
}

/** Serves one admin request of the account model; false when the path is not one of these. */
export function serveAccountsAdmin(
  deps: AccountsAdminDeps,
  method: string,
  rawPath: string,
  text: string,
  res: ServerResponse,
): boolean {
  const { accounts, store } = deps;
  const body = parse(text);
  const fail = (code: number, message: string): true => {
    bad(res, code, message);
    return true;
  };
  switch (`${method} ${rawPath}`) {
    case 'GET /__emulator/accounts':
      send(res, 200, { mode: accounts.mode, accounts: accounts.directory.list() });
      return true;
    case 'POST /__emulator/accounts': {
      const account = parseAccount(body);
      if (typeof account === 'string') return fail(400, account);
      send(res, 200, accounts.register(account, store));
      deps.persist();
      return true;
    }
    case 'GET /__emulator/oauth/clients':
      send(res, 200, { default: accounts.clients.defaultClient, clients: accounts.clients.registered() });
      return true;
    case 'POST /__emulator/oauth/clients': {
      const client = parseClient(body);
      if (typeof client === 'string') return fail(400, client);
      send(res, 200, accounts.clients.register(client));
      deps.persist();
      return true;
    }
    case 'POST /__emulator/oauth/next-consent': {
      const b = (body ?? {}) as Record<string, unknown>;
      const email = typeof b.email === 'string' ? normaliseEmail(b.email) : undefined;
      if (!email) return fail(400, 'email: an e-mail address is required');
      if (typeof b.approve !== 'boolean') return fail(400, 'approve: true or false');
      deps.consents.push({ email, approve: b.approve });
      send(res, 200, { queued: deps.consents.list() });
      return true;
    }
    case 'GET /__emulator/shared-drives':
      send(res, 200, { drives: sharedDrives(store) });
      return true;
    case 'POST /__emulator/shared-drives': {
      const spec = parseSharedDrive(body, accounts.directory);
      if (typeof spec === 'string') return fail(400, spec);
      const root = createSharedDrive(store, spec);
      send(res, 200, { id: root.id, name: root.name, members: spec.members });
      deps.persist();
      return true;
    }
    case 'GET /__emulator/emails':
      send(res, 200, { emails: accounts.sharing.outbox() });
      return true;
    case 'POST /__emulator/picker': {
      const b = (body ?? {}) as Record<string, unknown>;
      const file = typeof b.fileId === 'string' ? store.files.get(b.fileId) : undefined;
      if (!file) return fail(404, `no file ${String(b.fileId)}`);
      if (typeof b.clientId !== 'string' || !accounts.clients.get(b.clientId))
        return fail(400, 'clientId: a registered OAuth client id is required');
      file.appIds = [...new Set([...(file.appIds ?? []), b.clientId])];
      send(res, 200, { fileId: file.id, appIds: file.appIds });
      deps.persist();
      return true;
    }
    default:
      return false;
  }
}
