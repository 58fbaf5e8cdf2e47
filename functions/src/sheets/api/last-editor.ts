/** Who Drive says modified a file last (its lastModifyingUser): one files.get with a fields mask. */
import type { GoogleClients } from './clients.js';
import { callGoogle } from './retry.js';

/** The e-mail of the file's last modifier, when Drive tells it. */
export async function lastModifier(clients: GoogleClients, fileId: string): Promise<string | undefined> {
  const res = await callGoogle(
    () => clients.drive.files.get({ fileId, fields: 'lastModifyingUser(emailAddress)' }),
    'repeatable',
    clients.retry,
  );
  return res.data.lastModifyingUser?.emailAddress?.toLowerCase() ?? undefined;
}
