/** `theodoi directive create --file F`: registers a directive and provisions its spreadsheet. */
import type { Command } from 'commander';
import { parseDirectiveSpec } from '@theodoi/functions/domain/directive';
import { directiveCreate as msg } from '@theodoi/functions/messages.vi';
import { useCaseDeps } from '@theodoi/functions/runtime-deps';
import { createRuntime } from '@theodoi/functions/runtime';
import { createDirective } from '@theodoi/functions/usecases/create-directive';
import { readDataFile } from '../read-data-file.js';

/** Adds the `create` subcommand to the `directive` command. */
export function addDirectiveCreate(directive: Command): Command {
  directive
    .command('create')
    .description(
      'Register a directive from its file (JSON or YAML) and create its spreadsheet, tabs, validation and sharing.',
    )
    .requiredOption(
      '-f, --file <file>',
      'directive file, e.g. examples/thap-muoi-2024/directive-cchc-2024.json',
    )
    .action(async (opts: { file: string }) => {
      const spec = parseDirectiveSpec(await readDataFile(opts.file));
      const rt = createRuntime(process.env);
      const created = await createDirective(await useCaseDeps(rt), spec);
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
    });
  return directive;
}
