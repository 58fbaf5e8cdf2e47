/** `theodoi evaluate`: evaluates the units across every directive over a range and writes the .xlsx and the annex. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { rangeFromOptions, type RangeOptions } from '@theodoi/functions/domain/evaluation/range';
import { cliRuntime } from '../runtime.js';
import { evaluationFiles as msg } from '../messages.vi.js';
import { evaluationFiles } from '../reports/evaluation-files.js';

/** Where the files go when --out is not given. */
export const DEFAULT_EVALUATION_DIR = 'out/evaluation';

/** The `evaluate` command. */
export function evaluateCommand(): Command {
  return new Command('evaluate')
    .description(
      'Evaluate every unit across all directives over a range (reports due, on time, late, missing; tasks completed, ' +
        "overdue; score and rank by the organisation's rubric) and write an .xlsx and a Decree 30 annex (.docx).",
    )
    .option('--year <yyyy>', 'a calendar year, e.g. 2024')
    .option('--quarter <yyyy-Qn>', 'a quarter, e.g. 2024-Q1')
    .option('--half <yyyy-Hn>', 'a half-year, 2024-H1 or 2024-H2')
    .option('--from <yyyy-MM-dd>', 'first day of a range of dates (with --to)')
    .option('--to <yyyy-MM-dd>', 'last day of a range of dates (with --from)')
    .option('--org <organisationId>', 'the organisation (default: the only one registered)')
    .option('--out <dir>', 'the folder to write into', DEFAULT_EVALUATION_DIR)
    .action(async (opts: RangeOptions & { org?: string; out: string }) => {
      // A malformed range is refused in Vietnamese before anything is opened.
      const range = rangeFromOptions(opts);
      const rt = await cliRuntime();
      const files = await evaluationFiles(
        { db: await rt.firestore(), clock: rt.clock, calendar: await rt.calendar() },
        { organisationId: opts.org, range },
      );
      await mkdir(opts.out, { recursive: true });
      const xlsx = join(opts.out, files.xlsx.name);
      const docx = join(opts.out, files.docx.name);
      await writeFile(xlsx, files.xlsx.data);
      await writeFile(docx, files.docx.data);
      const rows = files.model.groups.flatMap((g) => g.rows);
      console.log(
        msg.cli.summary({
          organisation: files.model.organisationName,
          range: files.model.range.label,
          units: rows.length,
          scored: rows.filter((r) => r.score !== null).length,
          directives: files.model.directives.length,
        }),
      );
      console.log(msg.cli.written(xlsx, docx));
    });
}
