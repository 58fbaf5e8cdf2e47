/**
 * The OAuth client file Google Cloud Console downloads for a "Desktop app" client (`client_secret_….json`,
 * `{"installed": {"client_id", "client_secret", "project_id", …}}`), given once to `theodoi auth login`.
 */
import { z } from 'zod';
import type { OAuthClientKeys } from '@theodoi/functions/sheets/api/grant';
import { auth as msg } from '../messages.vi.js';
import { readDataFile } from '../read-data-file.js';

const InstalledSchema = z.object({
  installed: z
    .object({
      client_id: z.string().min(1),
      client_secret: z.string().min(1),
      project_id: z.string().optional(),
    })
    .loose(),
});

/** An installed app's OAuth client, as the file names it. */
export interface ClientFile extends OAuthClientKeys {
  projectId: string | undefined;
}

/** Reads and checks the client file; a web client's file, or anything else, is refused in Vietnamese. */
export async function readClientFile(file: string): Promise<ClientFile> {
  const data = await readDataFile(file);
  if (typeof data === 'object' && data !== null && 'web' in data) throw new Error(msg.webClient(file));
  const parsed = InstalledSchema.safeParse(data);
  if (!parsed.success) throw new Error(msg.badClientFile(file));
  const { client_id, client_secret, project_id } = parsed.data.installed;
  return { clientId: client_id, clientSecret: client_secret, projectId: project_id };
}
