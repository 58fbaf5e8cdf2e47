/** `theodoi report <directive>`: writes the official report draft (.docx) and the summary workbook (.xlsx). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { officialReport as msg } from '@theodoi/functions/messages.vi';
import { reportFiles } from '../reports/report-files.js';
import { cliRuntime } from '../runtime.js';

/** Where the files go when --out is not given. */
export const DEFAULT_REPORT_DIR = 'out/reports';

/** The `report` command. */
export function reportCommand(): Command {
  return new Command('report')
    .description(
      'Write the official report draft (.docx, Decree 30/2020 layout) and the summary (.xlsx) of a directive.',
    )
    .argument('<directiveId>', 'e.g. thap-muoi-cchc-2024')
    .option('--period <key>', 'the period to report on, e.g. 2024-Q1 (default: the period due now)')
    .option('--out <dir>', 'the folder to write into', DEFAULT_REPORT_DIR)
    .action(async (directiveId: string, opts: { period?: string; out: string }) => {
      const rt = await cliRuntime();
      const files = await reportFiles(
        { db: await rt.firestore(), clock: rt.clock, calendar: await rt.calendar() },
        { directiveId, ...(opts.period ? { periodKey: opts.period } : {}) },
      );
      await mkdir(opts.out, { recursive: true });
      const docx = join(opts.out, files.docx.name);
      const xlsx = join(opts.out, files.xlsx.name);
      await writeFile(docx, files.docx.data);
      await writeFile(xlsx, files.xlsx.data);
      console.log(msg.cli.written(docx, xlsx));
    });
}
