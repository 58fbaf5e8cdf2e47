/** Asks Drive which files changed since a page token, so a sweep reads only the spreadsheets that changed. */
import type { GoogleClients } from './clients.js';
import { callGoogle } from './retry.js';

/** The files changed since a token, and the token to start from next time. */
export interface ChangedFiles {
  fileIds: Set<string>;
  /** Who Drive says modified each file last (its lastModifyingUser), where Drive tells. */
  editors: Map<string, string>;
  /** Each file's Drive version when listed (decision 011: the sweep skips the versions theodoi saw whole). */
  versions: Map<string, string>;
  nextPageToken: string;
  driveCalls: number;
}

/** The token from which changes.list reports changes made after now. */
export async function startPageToken(clients: GoogleClients): Promise<string> {
  const res = await callGoogle(
    () => clients.drive.changes.getStartPageToken({ fields: 'startPageToken' }),
    'repeatable',
    clients.retry,
  );
  if (!res.data.startPageToken) throw new Error('changes.getStartPageToken returned no token');
  return res.data.startPageToken;
}

/** Every file changed since `pageToken` (all pages). */
export async function changedFilesSince(clients: GoogleClients, pageToken: string): Promise<ChangedFiles> {
  const fileIds = new Set<string>();
  const editors = new Map<string, string>();
  const versions = new Map<string, string>();
  let token = pageToken;
  let driveCalls = 0;
  for (;;) {
    const pageToken = token;
    const res = await callGoogle(
      () =>
        clients.drive.changes.list({
          pageToken,
          pageSize: 1000,
          includeRemoved: true,
          fields:
            'nextPageToken,newStartPageToken,changes(fileId,file(version,lastModifyingUser(emailAddress)))',
        }),
      'repeatable',
      clients.retry,
    );
    driveCalls += 1;
    for (const change of res.data.changes ?? []) {
      if (!change.fileId) continue;
      fileIds.add(change.fileId);
      // Changes come oldest first: the last one names who edited last.
      const email = change.file?.lastModifyingUser?.emailAddress;
      if (email) editors.set(change.fileId, email.toLowerCase());
      // A removed or unshared file comes without its resource: no version, so it is never taken as seen.
      if (change.file?.version) versions.set(change.fileId, change.file.version);
      else versions.delete(change.fileId);
    }
    if (res.data.newStartPageToken) {
      return { fileIds, editors, versions, nextPageToken: res.data.newStartPageToken, driveCalls };
    }
    if (!res.data.nextPageToken)
      throw new Error('changes.list returned neither nextPageToken nor newStartPageToken');
    token = res.data.nextPageToken;
  }
}
