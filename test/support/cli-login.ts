// The coordinator's `theodoi auth login` as the end-to-end CLI tests run it: the Desktop client's file as Google
// Cloud Console downloads it, and the command started with its loopback flow printing the consent URL.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { THEODOI_DESKTOP_CLIENT } from '@theodoi/test-kit/emulators/local';

/** Writes the file Google Cloud Console downloads for the project's "Desktop app" OAuth client; returns its path. */
export async function writeDesktopClientFile(dir: string): Promise<string> {
  const file = join(dir, 'client_secret.json');
  await writeFile(
    file,
    JSON.stringify({
      installed: {
        client_id: THEODOI_DESKTOP_CLIENT.clientId,
        project_id: THEODOI_DESKTOP_CLIENT.projectId,
        auth_uri: 'https://accounts.google.com/o/oauth2/auth',
        token_uri: 'https://oauth2.googleapis.com/token',
        client_secret: THEODOI_DESKTOP_CLIENT.clientSecret,
        redirect_uris: ['http://localhost'],
      },
    }),
  );
  return file;
}

/** A running `theodoi auth login --no-browser`: the consent URL it prints, its exit, what it wrote. */
export interface CliLogin {
  url: Promise<string>;
  exited: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
}

/** Starts `theodoi auth login --client-file FILE --no-browser` with `env`. */
export function startCliLogin(env: NodeJS.ProcessEnv, clientFile: string): CliLogin {
  const child = spawn(
    'npx',
    ['tsx', 'scripts/cli/main.ts', 'auth', 'login', '--client-file', clientFile, '--no-browser'],
    { env },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const url = new Promise<string>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /^(http\S+)$/m.exec(stdout);
      if (found) resolve(found[1]!);
    }),
  );
  return { url, exited, stdout: () => stdout, stderr: () => stderr };
}
