/**
 * `theodoi emulators`: starts the local stand-ins for Google (Firestore, Sheets + Drive, strict about Google's account
 * model) and runs until stopped; the example organisations' officers are Google accounts but for a few, and theodoi's
 * OAuth client file is written for `theodoi auth login`.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';
import { startLocalEmulators, THEODOI_DESKTOP_CLIENT } from '@theodoi/test-kit/emulators/local';
import { repositoryRoot } from '@theodoi/test-kit/repo-root';
import { googleAccountsOf } from '@theodoi/test-kit/world';
import { emulators as msg } from '../messages.vi.js';
import { readDataFile } from '../read-data-file.js';

/** The `emulators` command. */
export function emulatorsCommand(): Command {
  return new Command('emulators')
    .description(
      'Start the Firestore and Sheets/Drive emulators and print where they listen; runs until Ctrl+C.',
    )
    .addOption(
      new Option('--firestore-port <port>', 'Firestore emulator port (0 = free port)')
        .env('FIRESTORE_EMULATOR_PORT')
        .default('0'),
    )
    .addOption(
      new Option('--sheets-port <port>', 'Sheets/Drive emulator port (0 = free port)')
        .env('SHEETS_EMULATOR_PORT')
        .default('0'),
    )
    .option('--data-dir <dir>', 'keep the Sheets/Drive emulator state in this folder across restarts')
    .addOption(
      new Option('--quotas <mode>', "enforce Google's per-minute Sheets quotas")
        .choices(['google', 'off'])
        .env('SHEETS_EMULATOR_QUOTAS')
        .default('off'),
    )
    .addOption(
      new Option('--latency <model>', "answer as slowly as real Google (the Sheets emulator's latency model)")
        .choices(['google', 'off'])
        .env('SHEETS_EMULATOR_LATENCY')
        .default('off'),
    )
    .action(
      async (opts: {
        firestorePort: string;
        sheetsPort: string;
        dataDir?: string;
        quotas: 'google' | 'off';
        latency: 'google' | 'off';
      }) => {
        const emulators = await startLocalEmulators({
          firestorePort: Number(opts.firestorePort),
          sheetsPort: Number(opts.sheetsPort),
          ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
          quotas: opts.quotas,
          googleAccounts: await exampleGoogleAccounts(),
          latency: opts.latency,
        });
        const clientFile = await writeClientFile(
          opts.dataDir ?? join(tmpdir(), `theodoi-emulators-${process.pid}`),
        );
        console.log(`FIRESTORE_EMULATOR_HOST=${emulators.env.FIRESTORE_EMULATOR_HOST}`);
        console.log(`SHEETS_EMULATOR_URL=${emulators.env.SHEETS_EMULATOR_URL}`);
        console.log(msg.login(clientFile));
        await untilInterrupted();
        await emulators.stop();
      },
    );
}

/** The example organisations' addresses that are Google accounts in the local world (test-kit/world.ts). */
async function exampleGoogleAccounts(): Promise<string[]> {
  const examples = join(repositoryRoot(), 'examples');
  const folders = await readdir(examples, { withFileTypes: true });
  const organisations = await Promise.all(
    folders
      .filter((f) => f.isDirectory())
      .map(async (f) => parseOrganisation(await readDataFile(join(examples, f.name, 'organisation.json')))),
  );
  return organisations.flatMap((o) => googleAccountsOf(o));
}

/** Writes theodoi's OAuth client as Google Cloud Console downloads it, for `theodoi auth login --client-file`. */
async function writeClientFile(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const file = join(folder, 'client_secret.json');
  const { clientId, clientSecret, projectId } = THEODOI_DESKTOP_CLIENT;
  const installed = { client_id: clientId, client_secret: clientSecret, project_id: projectId };
  await writeFile(
    file,
    `${JSON.stringify({ installed: { ...installed, redirect_uris: ['http://localhost'] } })}\n`,
  );
  return file;
}

/** Resolves on SIGINT or SIGTERM. */
export function untilInterrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
