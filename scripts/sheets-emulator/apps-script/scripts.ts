/** Script projects and their installable triggers: creation, who may open them, consent, persistence. */
import { randomBytes, randomInt } from 'node:crypto';
import { Script } from 'node:vm';
import { canWrite } from '../drive/access.js';
import type { DriveStore } from '../drive/store.js';
import { MIME } from '../drive/store.js';
import type { FileRecord } from '../types.js';
import { GoogleApiError } from '../types.js';
import type { Manifest, ScriptRecord, TriggerEventType, TriggerRecord, UserVisibility } from './model.js';

/** What `POST /__emulator/scripts` takes. */
export interface CreateScriptInput {
  owner: string;
  source: string;
  manifest?: Manifest;
  /** A spreadsheet id: the script is bound to it (its editors can open the script). */
  boundTo?: string;
  clientId?: string;
  projectNumber?: string;
  title?: string;
  /** People the (standalone) project is shared with as editors. */
  editors?: string[];
  scriptProperties?: Record<string, string>;
  userVisibility?: UserVisibility;
}

/** Scripts and triggers as persisted. */
export interface SavedScripts {
  scripts: ScriptRecord[];
  triggers: TriggerRecord[];
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;

function badRequest(message: string): GoogleApiError {
  return new GoogleApiError(400, 'INVALID_ARGUMENT', message);
}

/** The Apps Script API's refusal for someone the project is not shared with. */
export function permissionDenied(): GoogleApiError {
  return new GoogleApiError(403, 'PERMISSION_DENIED', 'The caller does not have permission');
}

function notFound(): GoogleApiError {
  return new GoogleApiError(404, 'NOT_FOUND', 'Requested entity was not found.');
}

/** Checks that the source compiles, as the editor does on save ("Syntax error: ... line: N file: Code.gs"). */
export function checkSyntax(source: string, fileName: string): void {
  try {
    new Script(source, { filename: fileName });
  } catch (err) {
    const line = /:(\d+)\n/.exec(err instanceof Error ? (err.stack ?? '') : '')?.[1];
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw badRequest(`Syntax error: ${message}${line ? ` line: ${line}` : ''} file: ${fileName}`);
  }
}

/** Checks the parts of appsscript.json the emulator reads. */
export function checkManifest(manifest: unknown): Manifest {
  if (manifest === undefined) return {};
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest))
    throw badRequest('manifest: appsscript.json must be a JSON object');
  const m = manifest as Manifest;
  if (
    m.oauthScopes !== undefined &&
    !(Array.isArray(m.oauthScopes) && m.oauthScopes.every((s) => typeof s === 'string'))
  )
    throw badRequest('manifest.oauthScopes: a list of scope strings');
  if (m.timeZone !== undefined && typeof m.timeZone !== 'string')
    throw badRequest('manifest.timeZone: a time zone id');
  return m;
}

/** Holds every project and installable trigger. */
export class ScriptStore {
  readonly scripts = new Map<string, ScriptRecord>();
  readonly triggers = new Map<string, TriggerRecord>();

  constructor(
    private readonly drive: DriveStore,
    private readonly now: () => Date,
  ) {}

  /** Creates a project (the Apps Script editor's "New project", or Extensions → Apps Script on a spreadsheet). */
  create(input: CreateScriptInput): ScriptRecord {
    const owner = typeof input.owner === 'string' ? input.owner.trim().toLowerCase() : '';
    if (!EMAIL.test(owner)) throw badRequest('owner: an e-mail address is required');
    if (typeof input.source !== 'string') throw badRequest('source: the script source (Code.gs) is required');
    const manifest = checkManifest(input.manifest);
    checkSyntax(input.source, 'Code.gs');
    if (input.boundTo !== undefined) {
      const container = this.spreadsheet(input.boundTo);
      if (!container) throw notFound();
      if (!canWrite(container, owner, this.drive.lookup)) throw permissionDenied();
    }
    const projectNumber = input.projectNumber ?? String(randomInt(100_000_000_000, 999_999_999_999));
    if (!/^\d{6,20}$/.test(projectNumber)) throw badRequest('projectNumber: digits');
    const clientId =
      input.clientId ?? `${projectNumber}-${randomBytes(16).toString('hex')}.apps.googleusercontent.com`;
    if (typeof clientId !== 'string' || clientId === '') throw badRequest('clientId: a non-empty string');
    const editors = (input.editors ?? []).map((e) => String(e).trim().toLowerCase());
    if (!editors.every((e) => EMAIL.test(e))) throw badRequest('editors: e-mail addresses');
    const properties = input.scriptProperties ?? {};
    if (typeof properties !== 'object' || Object.values(properties).some((v) => typeof v !== 'string'))
      throw badRequest('scriptProperties: an object of strings');
    const visibility = input.userVisibility ?? 'google';
    if (!['google', 'always', 'never'].includes(visibility))
      throw badRequest('userVisibility: google, always or never');
    const script: ScriptRecord = {
      id: `1${randomBytes(42).toString('base64url')}`,
      title: input.title ?? 'Untitled project',
      owner,
      editors,
      source: input.source,
      manifest,
      ...(input.boundTo !== undefined ? { boundTo: input.boundTo } : {}),
      clientId,
      projectNumber,
      createdAt: this.now().toISOString(),
      scriptProperties: { ...properties },
      userProperties: {},
      documentProperties: {},
      consents: {},
      userVisibility: visibility,
    };
    this.scripts.set(script.id, script);
    return script;
  }

  /** The project, or 404. */
  get(id: string): ScriptRecord {
    const script = this.scripts.get(id);
    if (!script) throw notFound();
    return script;
  }

  /** Deletes a project and its triggers; false when there was none. */
  delete(id: string): boolean {
    for (const t of this.triggersOf(id)) this.triggers.delete(t.uid);
    return this.scripts.delete(id);
  }

  /** The spreadsheet file with this id, if it exists and is not trashed. */
  spreadsheet(id: string): FileRecord | undefined {
    const file = this.drive.files.get(id);
    return file && file.mimeType === MIME.spreadsheet && !file.trashed ? file : undefined;
  }

  /**
   * Who can open the project (read its code and Script Properties, run it): its owner, the people it is shared
   * with, and for a bound script everyone who can edit the container [doc guides/bound].
   */
  canOpen(script: ScriptRecord, email: string): boolean {
    const who = email.trim().toLowerCase();
    if (who === script.owner || script.editors.includes(who)) return true;
    const container = script.boundTo !== undefined ? this.spreadsheet(script.boundTo) : undefined;
    return container !== undefined && canWrite(container, who, this.drive.lookup);
  }

  /** Throws 403 unless `email` can open the project. */
  requireOpener(script: ScriptRecord, email: string): void {
    if (!this.canOpen(script, email)) throw permissionDenied();
  }

  /** The scopes the manifest lists, or undefined when it leaves them to Apps Script. */
  explicitScopes(script: ScriptRecord): string[] | undefined {
    return script.manifest.oauthScopes;
  }

  /** True when `email` consented to every scope the script asks for now. */
  authorised(script: ScriptRecord, email: string): boolean {
    const granted = script.consents[email];
    return granted !== undefined && (script.manifest.oauthScopes ?? []).every((s) => granted.includes(s));
  }

  /** Records that `email` clicked Allow on the consent screen for the script's current scopes. */
  grant(script: ScriptRecord, email: string): void {
    script.consents[email] = [...(script.manifest.oauthScopes ?? [])];
  }

  /** Triggers of a project, optionally only those one user created. */
  triggersOf(scriptId: string, creator?: string): TriggerRecord[] {
    return [...this.triggers.values()].filter(
      (t) => t.scriptId === scriptId && (creator === undefined || t.creator === creator),
    );
  }

  /** The installed triggers of any script that fire for this spreadsheet's `eventType`. */
  forSpreadsheet(spreadsheetId: string, eventType: TriggerEventType): TriggerRecord[] {
    return [...this.triggers.values()].filter(
      (t) => t.source === 'SPREADSHEETS' && t.sourceId === spreadsheetId && t.eventType === eventType,
    );
  }

  /** A new trigger id: Apps Script's are long decimal strings. */
  newTriggerUid(): string {
    for (;;) {
      const uid = `${randomInt(1, 9)}${String(randomInt(0, 2 ** 47)).padStart(18, '0')}`;
      if (!this.triggers.has(uid)) return uid;
    }
  }

  /** For persistence. */
  save(): SavedScripts {
    return { scripts: [...this.scripts.values()], triggers: [...this.triggers.values()] };
  }

  /** Restores save()'s output. */
  load(saved: SavedScripts | undefined): void {
    for (const s of saved?.scripts ?? []) this.scripts.set(s.id, s);
    for (const t of saved?.triggers ?? []) this.triggers.set(t.uid, t);
  }

  /** Forgets every project and trigger. */
  wipe(): void {
    this.scripts.clear();
    this.triggers.clear();
  }
}
