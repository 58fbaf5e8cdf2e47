/** `theodoi directive import`: reads an official document (.txt or .docx) into a directive draft for review. */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Command } from 'commander';
import mammoth from 'mammoth';
import { ZodError } from 'zod';
import type { DirectiveDraft } from '@theodoi/functions/domain/importer/draft';
import { htmlToText } from '@theodoi/functions/domain/importer/html-text';
import { importDirective } from '@theodoi/functions/domain/importer/import';
import { type Organisation, parseOrganisation } from '@theodoi/functions/domain/organisation';
import { directiveImport as msg } from '@theodoi/functions/messages.vi';
import { readDataFile } from '../read-data-file.js';

/** The organisation file used when `--org` is not given. */
export const DEFAULT_ORGANISATION_FILE = 'examples/thap-muoi-2024/organisation.json';

/** Where the command writes: the draft (or a confirmation) to `out`, messages to `err`. */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: CommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** The format of a document file, told by its extension; anything but .txt (or none) and .docx is refused. */
export function documentFormat(file: string): 'txt' | 'docx' {
  const extension = extname(file).toLowerCase();
  if (extension === '.docx') return 'docx';
  if (extension === '.txt' || extension === '') return 'txt';
  throw new Error(msg.unsupportedFile(file));
}

/**
 * Reads a document's text: .txt as UTF-8; .docx through mammoth's HTML, not its raw text, which drops Word's list
 * numbers ("1.", "a)") and flattens tables cell by cell.
 */
export async function readDocumentText(file: string): Promise<{ text: string; format: 'txt' | 'docx' }> {
  const format = documentFormat(file);
  try {
    const text =
      format === 'docx'
        ? htmlToText((await mammoth.convertToHtml({ path: file })).value)
        : await readFile(file, 'utf8');
    return { text, format };
  } catch (error) {
    throw new Error(msg.unreadableFile(file, (error as Error).message), { cause: error });
  }
}

/** Loads and validates the organisation the recipients and units are resolved against. */
export async function loadOrganisation(file: string): Promise<Organisation> {
  // readDataFile's errors already name the file and what is wrong, in Vietnamese.
  const data = await readDataFile(file);
  try {
    return parseOrganisation(data);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const reason = error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ');
    throw new Error(msg.badOrganisation(file, reason), { cause: error });
  }
}

/** Reads FILE and returns its draft, resolved against the organisation in `organisationFile`. */
export async function importDirectiveFile(file: string, organisationFile: string): Promise<DirectiveDraft> {
  const organisation = await loadOrganisation(organisationFile);
  const document = await readDocumentText(file);
  return importDirective(document.text, organisation, { file: basename(file), format: document.format });
}

/** The `directive` command with its `import` subcommand. */
export function directiveCommand(output: CommandOutput = processOutput): Command {
  const directive = new Command('directive').description(
    'Register directives (công văn, kế hoạch, quyết định …).',
  );
  directive
    .command('import')
    .description(
      'Read a document (.txt, or .docx) laid out per Decree 30/2020 into a directive draft (JSON) to review and complete.',
    )
    .argument('<file>', 'the document, e.g. seed/congvan-thap-muoi-cchc-2024.txt')
    .option('-o, --out <draft>', 'write the draft to this file instead of printing it')
    .option(
      '--org <file>',
      'organisation whose units the recipients are resolved against',
      DEFAULT_ORGANISATION_FILE,
    )
    .action(async (file: string, opts: { out?: string; org: string }) => {
      const draft = await importDirectiveFile(file, opts.org);
      const json = `${JSON.stringify(draft, null, 2)}\n`;
      if (opts.out === undefined) {
        output.out(json);
        return;
      }
      await writeFile(opts.out, json, 'utf8');
      output.err(`${msg.written(opts.out, draft.missing.length, draft.warnings.length)}\n`);
    });
  return directive;
}
