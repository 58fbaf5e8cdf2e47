/** `theodoi dashboard <organisation>`: rewrites the organisation's "Theo dõi thực hiện văn bản chỉ đạo" spreadsheet. */
import { Command } from 'commander';
import { dashboard as msg } from '@theodoi/functions/messages.vi';
import { useCaseDeps } from '@theodoi/functions/runtime-deps';
import { cliRuntime } from '../runtime.js';
import { buildDashboard } from '@theodoi/functions/usecases/build-dashboard';

/** The `dashboard` command. */
export function dashboardCommand(): Command {
  return new Command('dashboard')
    .description(
      "Rewrite the organisation's cross-directive dashboard (created on first run): one row per open directive " +
        'and a units × directives matrix of statuses.',
    )
    .argument('<organisationId>', 'e.g. huyen-thap-muoi')
    .action(async (organisationId: string) => {
      const rt = await cliRuntime();
      const result = await buildDashboard(await useCaseDeps(rt), { organisationId });
      console.log(
        msg.cli.written(result.spreadsheetUrl, result.model.directives.length, {
          ...result.calls,
          created: result.created,
        }),
      );
    });
}
