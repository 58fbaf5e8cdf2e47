/** `theodoi units import|list`: loads an organisation's units into Firestore and shows them. */
import { Command } from 'commander';
import { ZodError } from 'zod';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';
import { cli } from '@theodoi/functions/messages.vi';
import { createRuntime } from '@theodoi/functions/runtime';
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
      const rt = createRuntime(process.env);
      const result = await importOrganisation(await rt.firestore(), org, rt.clock.now());
      console.log(cli.unitsImported(org.name, result));
    });
  units
    .command('list')
    .description("List an organisation's active units.")
    .argument('<organisationId>', 'e.g. huyen-thap-muoi')
    .option('--all', 'include units no longer in the organisation')
    .action(async (orgId: string, opts: { all?: boolean }) => {
      const rt = createRuntime(process.env);
      const list = await listUnits(await rt.firestore(), orgId, { includeInactive: opts.all ?? false });
      for (const u of list)
        console.log(`${u.code}\t${u.name}\t${u.group}${u.active ? '' : `\t${cli.inactive}`}`);
      console.log(cli.unitCount(list.length));
    });
  return units;
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
