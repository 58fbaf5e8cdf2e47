/** `theodoi deploy`: plans (and without --dry-run runs) the gcloud and firebase commands that deploy theodoi. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { grantVariable } from '@theodoi/functions/config';
import { grantOf, grantPath, readGrantFile } from '../auth/grant-file.js';
import { buildBundle, formatBytes, runBuild } from '../deploy/bundle.js';
import { planDeploy, type DeployOptions } from '../deploy/plan.js';
import { renderRunbook } from '../deploy/runbook.js';
import { runPlan, spawnExec } from '../deploy/run.js';
import { deployMessages as msg } from '../messages.vi.js';
import { UsageError } from '../usage-error.js';

/** The command's options as commander gives them. */
interface DeployFlags {
  project: string;
  region: string;
  dryRun?: boolean;
  scriptClientId?: string;
  sharedDrive?: string;
  smtpUrlFile?: string;
  mailFrom?: string;
  publicAccess: 'allusers' | 'no-invoker-iam-check';
}

/** The deploy options the flags ask for; SMTP needs both its URL file and its sender. */
export function deployOptions(flags: DeployFlags): DeployOptions {
  if ((flags.smtpUrlFile === undefined) !== (flags.mailFrom === undefined))
    throw new UsageError(msg.smtpPair);
  return {
    project: flags.project,
    region: flags.region,
    scriptClientId: flags.scriptClientId,
    sharedDriveId: flags.sharedDrive,
    smtp:
      flags.smtpUrlFile && flags.mailFrom
        ? { urlFile: flags.smtpUrlFile, mailFrom: flags.mailFrom }
        : undefined,
    publicAccess: flags.publicAccess,
  };
}

/** The grant `theodoi auth login` stored for `project`, as THEODOI_GOOGLE_GRANT takes it. */
export async function storedGrant(project: string): Promise<string> {
  const grant = grantOf(await readGrantFile(grantPath(process.env, project, false)));
  if (!grant) throw new UsageError(msg.noGrant(project));
  return grantVariable(grant);
}

/** The `deploy` command. */
export function deployCommand(): Command {
  return new Command('deploy')
    .description(
      'Deploy theodoi to a Google Cloud project: APIs, service account, secrets, functions, schedules, Firestore rules (see docs/DEPLOY.md).',
    )
    .requiredOption('--project <id>', 'the Google Cloud project id')
    .option('--region <region>', 'where the functions, schedules and Firestore run', 'asia-southeast1')
    .option(
      '--dry-run',
      'print the runbook: the console steps, every command in order, what follows; run nothing',
    )
    .option(
      '--script-client-id <id>',
      "the OAuth client id of the coordinators' Apps Script project (the audience of its ID tokens)",
    )
    .option('--shared-drive <id>', "a Workspace shared drive owns the spreadsheets (no coordinator's grant)")
    .option(
      '--smtp-url-file <file>',
      'a file holding the SMTP URL reminders are mailed through (kept as a secret)',
    )
    .option('--mail-from <address>', 'the sender of the reminders')
    .addOption(
      new Option('--public-access <mode>', 'how the token-checking functions are reachable')
        .choices(['allusers', 'no-invoker-iam-check'])
        .default('allusers'),
    )
    .action(async (flags: DeployFlags) => {
      const options = deployOptions(flags);
      const steps = planDeploy(options);
      if (flags.dryRun) {
        console.log(renderRunbook(options, steps));
        return;
      }
      const root = process.cwd();
      if (!existsSync(join(root, 'firebase.json'))) throw new UsageError(msg.notAtRoot);
      // Read before anything runs: a missing login stops the deploy before its first command.
      const grant = options.sharedDriveId === undefined ? await storedGrant(options.project) : '';
      runPlan(steps, {
        exec: spawnExec,
        log: (line) => console.log(line),
        grant: () => grant,
        bundle: (outDir) => {
          runBuild(root);
          const report = buildBundle({ root, outDir: join(root, outDir) });
          console.log(msg.bundled(outDir, report.files.length, formatBytes(report.bytes)));
        },
      });
      console.log(msg.deployed(options.project, options.region));
    });
}
