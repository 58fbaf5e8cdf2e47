/**
 * `theodoi directive create --file F`: registers a directive, provisions its spreadsheet and shares it (a failed run
 * is resumed by running it again); `theodoi directive share ID` shares again what could not be shared.
 */
import type { Command } from 'commander';
import { parseDirectiveSpec } from '@theodoi/functions/domain/directive';
import { directiveCreate as msg, sharing } from '@theodoi/functions/messages.vi';
import { useCaseDeps } from '@theodoi/functions/runtime-deps';
import { createDirective } from '@theodoi/functions/usecases/create-directive';
import { shareDirective } from '@theodoi/functions/usecases/share-directive';
import { readDataFile } from '../read-data-file.js';
import { cliRuntime } from '../runtime.js';
import { sharingLines, unitNames } from '../sharing-report.js';

/** Adds the `create` and `share` subcommands to the `directive` command. */
export function addDirectiveCreate(directive: Command): Command {
  directive
    .command('create')
    .description(
      'Register a directive from its file (JSON or YAML), create its spreadsheet in your Drive, and share it with ' +
        'every unit (run it again to finish a run that failed).',
    )
    .requiredOption(
      '-f, --file <file>',
      'directive file, e.g. examples/thap-muoi-2024/directive-cchc-2024.json',
    )
    .action(async (opts: { file: string }) => {
      const spec = parseDirectiveSpec(await readDataFile(opts.file));
      const deps = await useCaseDeps(await cliRuntime());
      const created = await createDirective(deps, spec);
      for (const warning of created.warnings) console.warn(warning);
      console.log(
        msg.created(
          created.title,
          created.spreadsheetUrl,
          created.tabs.length,
          created.calls.sheets,
          created.calls.drive,
        ),
      );
      const names = await unitNames(deps.db, spec.organisation);
      for (const line of sharingLines(created.sharing, names, spec.id)) console.log(line);
    });
  directive
    .command('share')
    .description(
      "Share the directive's spreadsheet again with the addresses that could not get in (those that became Google " +
        'accounts, those Google limited).',
    )
    .argument('<directiveId>', 'e.g. thap-muoi-cchc-2024')
    .action(async (directiveId: string) => {
      const deps = await useCaseDeps(await cliRuntime());
      const report = await shareDirective(deps, directiveId);
      console.log(sharing.shared(directiveId, report.sharedNow, report.driveCalls));
      const names = await unitNames(deps.db, report.directive.organisation);
      for (const line of sharingLines(report.outcomes, names, directiveId)) console.log(line);
    });
  return directive;
}
