/**
 * `theodoi units import|list|check`: loads an organisation's units into Firestore, shows them, and asks Google which
 * of their addresses are Google accounts before a directive needs them.
 */
import { Command } from 'commander';
import { ZodError } from 'zod';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';
import { cli, sharing } from '@theodoi/functions/messages.vi';
import { useCaseDeps } from '@theodoi/functions/runtime-deps';
import { listOrganisationIds } from '@theodoi/functions/store/organisations';
import { checkAddresses, type CheckedAddress } from '@theodoi/functions/usecases/check-addresses';
import { cliRuntime } from '../runtime.js';
import { importOrganisation, listUnits } from '@theodoi/functions/store/units';
import { readDataFile } from '../read-data-file.js';

/** The `units` command and its subcommands. */
export function unitsCommand(): Command {
  const units = new Command('units').description(
    "Manage an organisation's units (phòng, ban, xã, thị trấn).",
  );
  units
    .command('import')
    .description(
      'Load an organisation and its units from a JSON or YAML file into Firestore (only changes are written).',
    )
    .argument('<file>', 'organisation file, e.g. examples/thap-muoi-2024/organisation.json')
    .action(async (file: string) => {
      const org = parseOrFail(await readDataFile(file), file);
      const rt = await cliRuntime();
      const result = await importOrganisation(await rt.firestore(), org, rt.clock.now());
      console.log(cli.unitsImported(org.name, result));
    });
  units
    .command('list')
    .description("List an organisation's active units.")
    .argument('<organisationId>', 'e.g. huyen-thap-muoi')
    .option('--all', 'include units no longer in the organisation')
    .action(async (orgId: string, opts: { all?: boolean }) => {
      const rt = await cliRuntime();
      const list = await listUnits(await rt.firestore(), orgId, { includeInactive: opts.all ?? false });
      for (const u of list)
        console.log(`${u.code}\t${u.name}\t${u.group}${u.active ? '' : `\t${cli.inactive}`}`);
      console.log(cli.unitCount(list.length));
    });
  units
    .command('check')
    .description(
      "Ask Google which of the organisation's addresses are Google accounts (an address that is not one cannot open " +
        'a spreadsheet until it becomes one).',
    )
    .argument('[organisationId]', 'e.g. huyen-thap-muoi (default: the only organisation registered)')
    .action(async (given: string | undefined) => {
      const deps = await useCaseDeps(await cliRuntime());
      const orgId = given ?? (await onlyOrganisation(deps.db));
      const report = await checkAddresses(deps, orgId);
      const names = new Map(
        (await listUnits(deps.db, orgId)).map((u) => [u.code, u.shortName ?? u.name] as const),
      );
      for (const a of report.addresses) {
        const unit = a.unitCodes.map((c) => names.get(c) ?? c).join(', ') || sharing.coordinatorUnit;
        console.log(sharing.check.line(unit, a.address, resultText(a)));
      }
      const out = report.addresses.filter((a) => !['gmail', 'account'].includes(a.result)).length;
      console.log(
        sharing.check.summary(report.organisationName, report.addresses.length, out, report.driveCalls),
      );
    });
  return units;
}

/** What one address's check says, in Vietnamese. */
function resultText(a: CheckedAddress): string {
  switch (a.result) {
    case 'gmail':
      return sharing.check.gmail;
    case 'account':
      return sharing.check.account;
    case 'not-account':
      return sharing.check.notAccount;
    case 'failed':
      return sharing.check.failed(a.reason ?? '');
    case 'pending':
      return sharing.check.pending;
  }
}

/** The one organisation registered; refused in Vietnamese when there are none or several. */
async function onlyOrganisation(db: Parameters<typeof listOrganisationIds>[0]): Promise<string> {
  const ids = await listOrganisationIds(db);
  if (ids.length === 1) return ids[0]!;
  throw new Error(ids.length === 0 ? sharing.check.noOrganisation : sharing.check.whichOrganisation(ids));
}

function parseOrFail(data: unknown, file: string): ReturnType<typeof parseOrganisation> {
  try {
    return parseOrganisation(data);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const lines = error.issues.map((i) => `  - ${i.path.join('.') || '(gốc)'}: ${i.message}`);
    throw new Error(`${cli.invalidOrganisationFile(file)}\n${lines.join('\n')}`, { cause: error });
  }
}
