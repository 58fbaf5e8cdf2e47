/**
 * The runtime the CLI's commands use: the process environment, plus the grant `theodoi auth login` stored, when
 * neither THEODOI_GOOGLE_GRANT nor THEODOI_SHARED_DRIVE_ID says otherwise.
 */
import { grantVariable, loadConfig } from '@theodoi/functions/config';
import { createRuntime, type Runtime } from '@theodoi/functions/runtime';
import { grantOf, grantPath, readGrantFile } from './auth/grant-file.js';

/** The environment with the stored grant of this project (or of the local emulator's world) added when needed. */
export async function cliEnvironment(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<Record<string, string | undefined>> {
  if (env.THEODOI_GOOGLE_GRANT || env.THEODOI_SHARED_DRIVE_ID) return { ...env };
  const config = loadConfig(env);
  const path = grantPath(env, config.projectId, config.sheetsEmulatorUrl !== undefined);
  const grant = grantOf(await readGrantFile(path));
  return grant ? { ...env, THEODOI_GOOGLE_GRANT: grantVariable(grant) } : { ...env };
}

/** The functions' runtime, on the CLI's environment. */
export async function cliRuntime(): Promise<Runtime> {
  return createRuntime(await cliEnvironment());
}
