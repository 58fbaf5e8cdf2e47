/**
 * Where `theodoi auth login` keeps the coordinator's grant: `$XDG_CONFIG_HOME/theodoi/` (else `~/.config/theodoi/`),
 * one file per Google Cloud project (another for the local emulator), written with mode 0600 in a 0700 folder. The
 * file is an `authorized_user` JSON plus the account's e-mail, the form THEODOI_GOOGLE_GRANT takes; after a logout it
 * keeps only the OAuth client, so the next login needs no client file.
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { GoogleGrant } from '@theodoi/functions/config';
import type { OAuthClientKeys } from '@theodoi/functions/sheets/api/grant';

const StoredSchema = z
  .object({
    type: z.literal('authorized_user').optional(),
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
    refresh_token: z.string().min(1).optional(),
    email: z.string().optional(),
    project_id: z.string().optional(),
    scopes: z.array(z.string()).optional(),
  })
  .loose();
/** The stored file: the OAuth client always, the grant while logged in. */
export type StoredGrantFile = z.infer<typeof StoredSchema>;

/** The folder theodoi's own settings live in. */
export function configDir(env: Readonly<Record<string, string | undefined>>): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'theodoi');
}

/** The grant file of Google Cloud project `projectId`, or of the local emulator's world for that project. */
export function grantPath(
  env: Readonly<Record<string, string | undefined>>,
  projectId: string,
  emulator: boolean,
): string {
  return join(configDir(env), emulator ? `${projectId}.emulator.json` : `${projectId}.json`);
}

/** The stored file, if there is one (a malformed file is an error naming it). */
export async function readGrantFile(path: string): Promise<StoredGrantFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return StoredSchema.parse(JSON.parse(text));
}

/** The grant in a stored file, when it holds one. */
export function grantOf(file: StoredGrantFile | undefined): GoogleGrant | undefined {
  if (!file?.refresh_token || !file.email) return undefined;
  return {
    clientId: file.client_id,
    clientSecret: file.client_secret,
    refreshToken: file.refresh_token,
    email: file.email,
  };
}

/** The OAuth client a stored file names. */
export function clientOf(file: StoredGrantFile | undefined): OAuthClientKeys | undefined {
  return file ? { clientId: file.client_id, clientSecret: file.client_secret } : undefined;
}

/** Writes the file readable by its owner only (through a temporary file, so a crash never leaves half a grant). */
export async function writeGrantFile(path: string, content: StoredGrantFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}
