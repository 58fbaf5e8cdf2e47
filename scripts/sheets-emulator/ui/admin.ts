/** The people-facing admin endpoints: UI edits (which fire the installed triggers), the HTML view and the .xlsx export. */
import type { ServerResponse } from 'node:http';
import type { DriveStore } from '../drive/store.js';
import { MIME } from '../drive/store.js';
import { asBook } from '../sheets/model.js';
import type { Book } from '../sheets/model.js';
import type { SheetsHandler } from '../types.js';
import { GoogleApiError } from '../types.js';
import { parseUiChange, uiChange } from './change.js';
import type { UiChangeRequest, UiChangeResult } from './change.js';
import { parseUiEdit, uiEdit } from './edit.js';
import type { UiEditRequest, UiEditResult } from './edit.js';
import type { SheetTriggers } from './triggers.js';
import { renderIndex, renderView } from './view.js';
import { exportXlsx, XLSX_CONTENT_TYPE } from './xlsx.js';

/** What the UI endpoints need from the emulator. */
export interface UiDeps {
  store: DriveStore;
  sheets: SheetsHandler;
  now: () => Date;
  /** Runs after every recorded edit (persistence). */
  onEdit: () => void;
  /** Checks a body against the Sheets discovery schema `ref` (the shell's contract check). */
  validate?: (ref: string, body: unknown) => unknown;
  /** Per-delivery timeout of trigger POSTs (default 10 s). */
  triggerTimeoutMs?: number;
  /** Throws when `email` cannot sign in to the Sheets UI (no Google account); everyone may when absent. */
  signIn?: (email: string) => void;
  /** The installed triggers (apps-script/): what UI edits fire. */
  triggers: SheetTriggers;
}

/** The UI side of a running emulator, also exposed on the object start() returns. */
export interface Ui {
  /** Applies an edit as an officer typing in the Sheets UI and fires the installed triggers. */
  uiEdit(spreadsheetId: string, edit: UiEditRequest): UiEditResult;
  /** Applies a structural change (batchUpdate requests) as a person in the UI and fires onChange. */
  uiChange(spreadsheetId: string, change: UiChangeRequest): UiChangeResult;
  /** Resolves when no trigger execution is queued or running. */
  triggersIdle(): Promise<void>;
  /** The HTML view of a spreadsheet (every tab), or undefined when there is no such spreadsheet. */
  view(spreadsheetId: string, options?: { editAs?: string }): string | undefined;
  /** The spreadsheet as an .xlsx file, or undefined when there is no such spreadsheet. */
  xlsx(spreadsheetId: string): Promise<Buffer | undefined>;
  /** Serves `/__emulator/spreadsheets/...`; false when the path is not one of them. */
  serve(
    method: string,
    rawPath: string,
    url: URL,
    body: string,
    contentType: string,
    res: ServerResponse,
  ): Promise<boolean>;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=UTF-8', JSON.stringify(body, null, 2));
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** Reads a ui-edit body: JSON, or the view's form (email, range, value) as a single cell. */
function editBody(body: string, contentType: string): unknown {
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(body);
    return {
      email: form.get('email') ?? '',
      range: form.get('range') ?? '',
      values: [[form.get('value') ?? '']],
    };
  }
  try {
    return body.trim() === '' ? {} : (JSON.parse(body) as unknown);
  } catch {
    throw new GoogleApiError(400, 'INVALID_ARGUMENT', 'the body is not JSON');
  }
}

/** Creates the UI side over the emulator's store. */
export function createUi(deps: UiDeps): Ui {
  const triggers = deps.triggers;
  const bookOf = (id: string): Book | undefined => {
    const file = deps.store.files.get(id);
    return file?.spreadsheet && file.mimeType === MIME.spreadsheet ? asBook(file.spreadsheet) : undefined;
  };
  const requireBook = (id: string): Book => {
    const book = bookOf(id);
    if (!book) throw new GoogleApiError(404, 'NOT_FOUND', 'Requested entity was not found.');
    return book;
  };
  const ui: Ui = {
    uiEdit: (id, edit) => {
      deps.signIn?.(edit.email);
      return uiEdit({ ...deps, triggers }, id, edit);
    },
    uiChange: (id, change) => {
      deps.signIn?.(change.email);
      return uiChange({ ...deps, triggers }, id, change);
    },
    triggersIdle: () => triggers.idle(),
    view: (id, options = {}) => {
      const book = bookOf(id);
      return book ? renderView(book, options) : undefined;
    },
    xlsx: async (id) => {
      const book = bookOf(id);
      return book ? exportXlsx(book) : undefined;
    },
    async serve(method, rawPath, url, body, contentType, res) {
      if (rawPath === '/__emulator/spreadsheets' && method === 'GET') {
        const files = [...deps.store.files.values()]
          .filter((f) => f.spreadsheet && f.mimeType === MIME.spreadsheet && !f.trashed)
          .map((f) => ({ id: f.id, title: f.name, owner: f.ownerEmail, modifiedTime: f.modifiedTime }));
        send(res, 200, 'text/html; charset=UTF-8', renderIndex(files));
        return true;
      }
      const m = /^\/__emulator\/spreadsheets\/([^/]+?)(\.xlsx|\/view|\/ui-edit|\/ui-change)$/.exec(rawPath);
      const id = m ? decode(m[1]!) : undefined;
      if (!m || id === undefined) return false;
      const what = `${method} ${m[2]!}`;
      try {
        switch (what) {
          case 'POST /ui-edit': {
            if (!contentType.startsWith('application/x-www-form-urlencoded')) {
              sendJson(res, 200, ui.uiEdit(id, parseUiEdit(editBody(body, contentType))));
              return true;
            }
            // The view's form: back to the view as the same officer, with Google's refusal shown there.
            const back = new URLSearchParams({ as: new URLSearchParams(body).get('email') ?? '' });
            try {
              ui.uiEdit(id, parseUiEdit(editBody(body, contentType)));
            } catch (err) {
              if (!(err instanceof GoogleApiError)) throw err;
              back.set('error', err.message);
            }
            res.writeHead(303, {
              Location: `/__emulator/spreadsheets/${encodeURIComponent(id)}/view?${back.toString()}`,
            });
            res.end();
            return true;
          }
          case 'POST /ui-change':
            sendJson(res, 200, ui.uiChange(id, parseUiChange(editBody(body, contentType))));
            return true;
          case 'GET /view': {
            const as = url.searchParams.get('as');
            const error = url.searchParams.get('error');
            const tab = url.searchParams.get('tab');
            const html = renderView(requireBook(id), {
              ...(as ? { editAs: as } : {}),
              ...(tab && /^\d+$/.test(tab) ? { tab: Number(tab) } : {}),
              ...(error ? { error } : {}),
            });
            send(res, 200, 'text/html; charset=UTF-8', html);
            return true;
          }
          case 'GET .xlsx': {
            const book = requireBook(id);
            const file = await exportXlsx(book);
            const name = `${book.properties.title.replace(/[\r\n"\\]/g, '_')}.xlsx`;
            res.writeHead(200, {
              'Content-Type': XLSX_CONTENT_TYPE,
              'Content-Length': file.length,
              'Content-Disposition': `attachment; filename="spreadsheet.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
              'Cache-Control': 'no-store',
            });
            res.end(file);
            return true;
          }
          default:
            return false;
        }
      } catch (err) {
        if (!(err instanceof GoogleApiError)) throw err;
        sendJson(res, err.code, err.toBody());
        return true;
      }
    },
  };
  return ui;
}
