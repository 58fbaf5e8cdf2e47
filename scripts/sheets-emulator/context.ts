/** The EmulatorContext the shell gives the Sheets half: file lookup, access checks, creation and edits. */
import { sheetsStorageQuotaExceeded } from './accounts/errors.js';
import { sheetsNotFound, sheetsPermissionDenied } from './contract/errors.js';
import { canRead, canWrite } from './drive/access.js';
import { appMaySee } from './drive/lookup.js';
import type { DriveStore } from './drive/store.js';
import { MIME } from './drive/store.js';
import type { EmulatorContext, FileRecord, Identity, SpreadsheetModel } from './types.js';
import { GoogleApiError } from './types.js';

/** Excel files stored in Drive: Sheets refuses them with FAILED_PRECONDITION rather than 404. */
const OFFICE_SPREADSHEETS = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
]);

function officeFile(): GoogleApiError {
  return new GoogleApiError(
    400,
    'FAILED_PRECONDITION',
    'This operation is not supported for this document. The document must not be an Office file.',
  );
}

/** The account rule the context applies: who may own the spreadsheets they create (all, unless told otherwise). */
export interface OwnershipRule {
  mayOwnFiles(email: string): boolean;
}

/**
 * Builds the context over Drive's store for one request by `editor` (Drive's lastModifyingUser of what it
 * touches; the owner when absent). `onEdit` runs after every recorded edit (persistence).
 */
export function createContext(
  store: DriveStore,
  now: () => Date,
  onEdit: () => void,
  editor?: string,
  ownership: OwnershipRule = { mayOwnFiles: () => true },
): EmulatorContext {
  const lookup = store.lookup;
  return {
    getSpreadsheetFile(spreadsheetId: string, caller: Identity): FileRecord {
      const file = store.files.get(spreadsheetId);
      if (file && OFFICE_SPREADSHEETS.has(file.mimeType) && canRead(file, caller.email, lookup))
        throw officeFile();
      if (!file?.spreadsheet || file.mimeType !== MIME.spreadsheet) throw sheetsNotFound();
      // Through drive.file alone a token reaches only its app's files; Sheets then answers as for an unshared one.
      if (!canRead(file, caller.email, lookup) || !appMaySee(file, caller)) throw sheetsPermissionDenied();
      return file;
    },
    assertCanWrite(file: FileRecord, caller: Identity): void {
      if (!canWrite(file, caller.email, lookup)) throw sheetsPermissionDenied();
    },
    createSpreadsheetFile(model: SpreadsheetModel, caller: Identity): FileRecord {
      if (store.files.has(model.spreadsheetId))
        throw new Error(`spreadsheet id ${model.spreadsheetId} is taken`);
      // spreadsheets.create always puts the file in the caller's My Drive, which a service account cannot own.
      if (!ownership.mayOwnFiles(caller.email)) throw sheetsStorageQuotaExceeded();
      const t = store.stamp();
      const file: FileRecord = {
        id: model.spreadsheetId,
        name: model.properties.title ?? 'Untitled spreadsheet',
        mimeType: MIME.spreadsheet,
        createdTime: t,
        modifiedTime: t,
        version: 1,
        trashed: false,
        ownerEmail: caller.email,
        lastModifyingEmail: caller.email,
        permissions: [],
        parents: [store.rootId(caller.email)],
        appIds: caller.appId !== undefined ? [caller.appId] : [],
        spreadsheet: model,
      };
      store.insert(file);
      onEdit();
      return file;
    },
    touch(file: FileRecord): void {
      const title = file.spreadsheet?.properties.title;
      const renamed = typeof title === 'string' && title !== file.name;
      if (renamed) file.name = title;
      store.record(
        file,
        { state: 'update', changed: renamed ? ['content', 'properties'] : ['content'] },
        [],
        editor ?? file.ownerEmail,
      );
      onEdit();
    },
    now,
  };
}
