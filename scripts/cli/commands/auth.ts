/**
 * `theodoi auth login | status | logout`: the coordinator logs in once with the project's OAuth client (decision
 * 004); the grant is stored in the user's config folder and every command's Sheets and Drive calls carry it.
 */
import { spawn } from 'node:child_process';
import { Command } from 'commander';
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '@theodoi/functions/clock';
import { grantVariable, loadConfig, type Config, type GoogleGrant } from '@theodoi/functions/config';
import { inspectGrant, oauthClient, type OAuthClientKeys } from '@theodoi/functions/sheets/api/grant';
import { loginWithLoopback } from '@theodoi/functions/sheets/api/installed-app-login';
import { NoGoogleGrantError } from '@theodoi/functions/sheets/api/clients';
import { findOnPath } from '@theodoi/test-kit/emulators/google-emulator';
import { readClientFile } from '../auth/client-file.js';
import { clientOf, grantOf, grantPath, readGrantFile, writeGrantFile } from '../auth/grant-file.js';
import { auth as msg } from '../messages.vi.js';

/** Where the command writes. */
export interface AuthOutput {
  out(line: string): void;
}

const consoleOutput: AuthOutput = { out: (line) => console.log(line) };

/** The command's view of the environment: the validated config and where the grant file is. */
function setting(env: Readonly<Record<string, string | undefined>>): { config: Config; path: string } {
  const config = loadConfig(env);
  return { config, path: grantPath(env, config.projectId, config.sheetsEmulatorUrl !== undefined) };
}

/** Opens `url` in the desktop's browser where there is one; false when there is none to open. */
export function openBrowser(url: string, env: Readonly<Record<string, string | undefined>>): boolean {
  const opener =
    process.platform === 'darwin'
      ? ['open', url]
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '""', url]
        : env.DISPLAY || env.WAYLAND_DISPLAY
          ? findOnPath('xdg-open', env.PATH) && ['xdg-open', url]
          : undefined;
  if (!opener) return false;
  const [command, ...args] = opener;
  const child = spawn(command!, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  return true;
}

/** `auth login`: the loopback flow, then the grant stored with the OAuth client. */
export async function login(
  options: { clientFile?: string; browser: boolean; loginHint?: string },
  env: Readonly<Record<string, string | undefined>> = process.env,
  output: AuthOutput = consoleOutput,
): Promise<GoogleGrant> {
  const { config, path } = setting(env);
  const stored = await readGrantFile(path);
  const fromFile = options.clientFile ? await readClientFile(options.clientFile) : undefined;
  const client: OAuthClientKeys | undefined = fromFile ?? clientOf(stored);
  if (!client) throw new Error(msg.needClientFile);
  const { grant, scopes } = await loginWithLoopback({
    client,
    emulatorUrl: config.sheetsEmulatorUrl,
    ...(options.loginHint ? { loginHint: options.loginHint } : {}),
    open: (url) => {
      output.out(msg.openUrl(url));
      output.out(options.browser && openBrowser(url, env) ? msg.browserOpened : msg.waiting);
    },
  });
  await writeGrantFile(path, {
    type: 'authorized_user',
    client_id: grant.clientId,
    client_secret: grant.clientSecret,
    refresh_token: grant.refreshToken,
    email: grant.email,
    ...(fromFile?.projectId ? { project_id: fromFile.projectId } : {}),
    scopes,
  });
  output.out(msg.loggedIn(grant.email, path));
  if (config.sharedDriveId) output.out(msg.sharedDriveNote(config.sharedDriveId));
  return grant;
}

/** `auth status`: which account, which scopes, and whether the grant still works; throws when it does not. */
export async function status(
  env: Readonly<Record<string, string | undefined>> = process.env,
  output: AuthOutput = consoleOutput,
): Promise<void> {
  const { config, path } = setting(env);
  if (config.sheetsEmulatorUrl) output.out(msg.status.emulator(config.sheetsEmulatorUrl));
  if (config.sharedDriveId) {
    output.out(msg.status.sharedDrive(config.sharedDriveId, config.serviceAccount));
    return;
  }
  const grant = config.googleGrant ?? grantOf(await readGrantFile(path));
  if (!grant) throw new NoGoogleGrantError(config.sheetsEmulatorUrl !== undefined);
  output.out(msg.status.account(grant.email));
  output.out(msg.status.source(config.googleGrant ? msg.status.fromVariable : path));
  const info = await inspectGrant(grant, config.sheetsEmulatorUrl);
  if (info.email !== grant.email) output.out(msg.status.accountChanged(grant.email, info.email));
  output.out(msg.status.scopes(info.scopes));
  output.out(
    info.accessTokenExpiresAt
      ? msg.status.works(
          DateTime.fromJSDate(info.accessTokenExpiresAt, { zone: VIETNAM_ZONE }).toFormat('HH:mm dd/MM/yyyy'),
        )
      : msg.status.worksNoExpiry,
  );
}

/** `auth logout`: revokes the stored grant with Google and forgets it here (the OAuth client is kept). */
export async function logout(
  env: Readonly<Record<string, string | undefined>> = process.env,
  output: AuthOutput = consoleOutput,
): Promise<void> {
  const { config, path } = setting(env);
  const stored = await readGrantFile(path);
  const grant = grantOf(stored);
  if (!stored || !grant) {
    output.out(msg.notLoggedIn);
    return;
  }
  const client = await oauthClient(grant, { emulatorUrl: config.sheetsEmulatorUrl });
  // Google answers 400 invalid_token for a grant already revoked: there is nothing left to revoke.
  const revoked = await client.revokeToken(grant.refreshToken).then(
    () => true,
    (error: unknown) => {
      if ((error as { response?: { status?: number } }).response?.status === 400) return false;
      throw error;
    },
  );
  const { refresh_token: _token, email: _email, scopes: _scopes, ...client_only } = stored;
  await writeGrantFile(path, client_only);
  output.out(revoked ? msg.loggedOut(grant.email) : msg.loggedOutLocally(grant.email));
}

/** The `auth` command and its subcommands. */
export function authCommand(): Command {
  const auth = new Command('auth').description(
    "Log in with the coordinator's Google account (the spreadsheets theodoi creates belong to it).",
  );
  auth
    .command('login')
    .description(
      "Log in through Google's consent page (loopback flow); the grant is stored in ~/.config/theodoi, mode 0600.",
    )
    .option(
      '--client-file <file>',
      'the OAuth client JSON downloaded from Google Cloud Console (Desktop app); needed the first time',
    )
    .option('--no-browser', 'only print the address to open, do not open a browser')
    .option('--login-hint <email>', 'the Google account to suggest on the sign-in page')
    .action(async (opts: { clientFile?: string; browser: boolean; loginHint?: string }) => {
      await login(opts);
    });
  auth
    .command('status')
    .description(
      'Say which Google account theodoi acts as, with which scopes, and whether the grant still works.',
    )
    .action(async () => {
      await status();
    });
  auth
    .command('grant')
    .description(
      'Print the stored grant as THEODOI_GOOGLE_GRANT takes it, for `theodoi deploy` to store in Secret Manager (a secret: pipe it, do not paste it).',
    )
    .action(async () => {
      const { config, path } = setting(process.env);
      const grant = grantOf(await readGrantFile(path));
      if (!grant) throw new NoGoogleGrantError(config.sheetsEmulatorUrl !== undefined);
      process.stdout.write(grantVariable(grant));
    });
  auth
    .command('logout')
    .description('Revoke the stored grant with Google and remove it from this computer.')
    .action(async () => {
      await logout();
    });
  return auth;
}
