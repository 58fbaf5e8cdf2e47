/** `theodoi sync <directive>`: syncs a directive by hand and prints what it did. */
import { Command } from 'commander';
import { periodKeyLabel } from '@theodoi/functions/domain/periods/periods';
import { cli } from '@theodoi/functions/messages.vi';
import { useCaseDeps } from '@theodoi/functions/runtime-deps';
import { cliRuntime } from '../runtime.js';
import { syncDirective } from '@theodoi/functions/usecases/sync-directive';

/** The `sync` command. */
export function syncCommand(): Command {
  return new Command('sync')
    .description("Read a directive's report tab, validate every row, store changes and write statuses back.")
    .argument('<directiveId>', 'e.g. thap-muoi-cchc-2024')
    .option('--period <key>', 'the period tab to sync, e.g. 2024-Q1 (default: the period due now)')
    .action(async (directiveId: string, opts: { period?: string }) => {
      const rt = await cliRuntime();
      const outcome = await syncDirective(await useCaseDeps(rt), {
        directiveId,
        trigger: 'cli',
        ...(opts.period ? { periodKey: opts.period } : {}),
      });
      const periodLabel = outcome.periodKey ? periodKeyLabel(outcome.periodKey) : undefined;
      console.log(cli.synced({ ...outcome, ...(periodLabel ? { periodLabel } : {}) }));
      // What the coordinator must know (a report tab recreated after it was deleted), in Vietnamese.
      for (const notice of outcome.notices ?? []) console.log(notice);
    });
}
