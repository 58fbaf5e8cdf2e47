/** `theodoi summary <directive>`: rewrites the directive's Tổng hợp tab and prints the draft report paragraph. */
import { Command } from 'commander';
import { summary as msg } from '@theodoi/functions/messages.vi';
import { useCaseDeps } from '@theodoi/functions/runtime-deps';
import { cliRuntime } from '../runtime.js';
import { buildSummary } from '@theodoi/functions/usecases/build-summary';

/** The `summary` command. */
export function summaryCommand(): Command {
  return new Command('summary')
    .description("Rewrite a directive's Tổng hợp tab from the stored reports and print the draft paragraph.")
    .argument('<directiveId>', 'e.g. thap-muoi-cchc-2024')
    .option('--period <key>', 'the period to summarise, e.g. 2024-Q1 (default: the period due now)')
    .action(async (directiveId: string, opts: { period?: string }) => {
      const rt = await cliRuntime();
      const result = await buildSummary(await useCaseDeps(rt), {
        directiveId,
        ...(opts.period ? { periodKey: opts.period } : {}),
      });
      console.log(msg.cli.written(result.tasks?.title ?? result.model.header.title, result.calls));
      console.log();
      console.log(result.tasks?.paragraph ?? result.model.paragraph);
    });
}
