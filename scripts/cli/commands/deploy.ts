/** `theodoi deploy`: plans (and without --dry-run runs) the gcloud and firebase commands that deploy theodoi. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { buildBundle, formatBytes, runBuild } from '../deploy/bundle.js';
import { planDeploy, renderPlan, serviceAccountEmail } from '../deploy/plan.js';
import { runPlan, spawnExec } from '../deploy/run.js';
import { checkSecretFile } from '../deploy/secret-file.js';

/** The command's options as commander gives them. */
interface DeployFlags {
  project: string;
  region: string;
  dryRun?: boolean;
  secretFile?: string;
  scriptClientId?: string;
}

/** The `deploy` command. */
export function deployCommand(): Command {
  return new Command('deploy')
    .description(
      'Deploy theodoi to a Google Cloud project: APIs, service account, secret, functions, schedules, Firestore rules (see docs/DEPLOY.md).',
    )
    .requiredOption('--project <id>', 'the Google Cloud project id')
    .option('--region <region>', 'where the functions, schedules and Firestore run', 'asia-southeast1')
    .option('--dry-run', 'print every command in order, one per line, and run nothing')
    .option('--secret-file <file>', 'a new trigger secret (at least 32 characters, no trailing newline)')
    .option(
      '--script-client-id <id>',
      "the OAuth client id of the coordinators' Apps Script project (the audience of its ID tokens)",
    )
    .action((flags: DeployFlags) => {
      if (flags.secretFile) checkSecretFile(flags.secretFile);
      const steps = planDeploy({
        project: flags.project,
        region: flags.region,
        secretFile: flags.secretFile,
        scriptClientId: flags.scriptClientId,
      });
      if (flags.dryRun) {
        console.log(renderPlan(steps));
        return;
      }
      const root = process.cwd();
      if (!existsSync(join(root, 'firebase.json')))
        throw new Error('Run theodoi deploy from the repository root (where firebase.json is).');
      runPlan(steps, {
        exec: spawnExec,
        log: (line) => console.log(line),
        bundle: (outDir) => {
          runBuild(root);
          const report = buildBundle({ root, outDir: join(root, outDir) });
          console.log(`Bundle ${outDir}: ${report.files.length} files, ${formatBytes(report.bytes)}.`);
        },
      });
      console.log(
        `Deployed. Share each directive's spreadsheet and Drive folder with ${serviceAccountEmail(flags.project)} (docs/DEPLOY.md).`,
      );
    });
}
