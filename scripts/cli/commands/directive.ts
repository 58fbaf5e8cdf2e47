/** `theodoi directive import`: reads an official document (.txt, .docx, .pdf, a scan) into a directive draft for review. */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Command } from 'commander';
import mammoth from 'mammoth';
import { ZodError } from 'zod';
import type { DirectiveDraft } from '@theodoi/functions/domain/importer/draft';
import { htmlToText } from '@theodoi/functions/domain/importer/html-text';
import { importDirective, type ImportSource } from '@theodoi/functions/domain/importer/import';
import { positionedText } from '@theodoi/functions/domain/importer/positioned-text';
import { type Organisation, parseOrganisation } from '@theodoi/functions/domain/organisation';
import { directiveImport as msg } from '@theodoi/functions/messages.vi';
import { ocrImage, ocrPdfPages } from '../documents/ocr.js';
import { readPdf } from '../documents/pdf.js';
import { checkFileSize, decodeText, InputFileError, startsWith } from '../file-checks.js';
import { files } from '../messages.vi.js';
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

/** A document format the command reads. */
export type DocumentFormat = 'txt' | 'docx' | 'pdf' | 'image';

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.tif', '.tiff']);

/** The format of a document file, told by its extension; anything else is refused. */
export function documentFormat(file: string): DocumentFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.docx') return 'docx';
  if (extension === '.pdf') return 'pdf';
  if (IMAGE_EXTENSIONS.has(extension)) return 'image';
  if (extension === '.txt' || extension === '') return 'txt';
  throw new Error(msg.unsupportedFile(file));
}

/** A document's text and how it was read: `ocr` when some page was a scan, `pages` for a PDF. */
export interface DocumentText {
  readonly text: string;
  readonly format: DocumentFormat;
  readonly pages: number | null;
  readonly ocr?: ImportSource['ocr'];
}

/** A PDF: the text layer laid out by position; pages that are only images go through OCR. */
async function readPdfText(file: string): Promise<DocumentText> {
  const pdf = await readPdf(file);
  if (pdf.items.length === 0 && pdf.scannedPages.length === 0) throw new Error(msg.emptyPdf(file));
  if (pdf.scannedPages.length === 0)
    return { text: positionedText(pdf.items), format: 'pdf', pages: pdf.pages };
  const ocr = await ocrPdfPages(file, pdf.scannedPages);
  return {
    text: positionedText([...pdf.items, ...ocr.words]),
    format: 'pdf',
    pages: pdf.pages,
    ocr: { engine: ocr.engine, pages: pdf.scannedPages, words: ocr.words },
  };
}

async function readImageText(file: string): Promise<DocumentText> {
  const ocr = await ocrImage(file);
  return {
    text: positionedText(ocr.words),
    format: 'image',
    pages: 1,
    ocr: { engine: ocr.engine, pages: [1], words: ocr.words },
  };
}

/**
 * Reads a document's text: .txt as UTF-8; .docx through mammoth's HTML, not its raw text, which drops Word's list
 * numbers ("1.", "a)") and flattens tables cell by cell; a PDF by its text layer's positions; scans by OCR.
 */
export async function readDocumentText(file: string): Promise<DocumentText> {
  const format = documentFormat(file);
  await checkDocumentFile(file, format);
  let document: DocumentText;
  try {
    if (format === 'pdf') document = await readPdfText(file);
    else if (format === 'image') document = await readImageText(file);
    else if (format === 'docx')
      document = {
        text: htmlToText((await mammoth.convertToHtml({ path: file })).value),
        format,
        pages: null,
      };
    else document = { text: decodeText(file, await readFile(file)), format, pages: null };
  } catch (error) {
    if (
      error instanceof InputFileError ||
      (error instanceof Error &&
        [msg.ocrMissing, msg.pdftoppmMissing, msg.emptyPdf(file)].includes(error.message))
    )
      throw error;
    throw new Error(msg.unreadableFile(file, (error as Error).message), { cause: error });
  }
  if (document.text.length > MAX_DOCUMENT_CHARACTERS)
    throw new InputFileError(files.textTooLong(file, document.text.length.toLocaleString('vi-VN')));
  return document;
}

/** The largest file of each format read: a công văn of 50 pages is about 150 KB of text. */
export const MAX_DOCUMENT_BYTES: Readonly<Record<DocumentFormat, number>> = {
  txt: 1024 * 1024,
  docx: 20 * 1024 * 1024,
  pdf: 50 * 1024 * 1024,
  image: 30 * 1024 * 1024,
};
/** The most text the importer reads from one document, whatever its format. */
export const MAX_DOCUMENT_CHARACTERS = 1_000_000;

/** The first bytes each binary format starts with. */
const SIGNATURES: Readonly<Record<Exclude<DocumentFormat, 'txt'>, { kind: string; bytes: Buffer[] }>> = {
  docx: { kind: 'Word (.docx)', bytes: [Buffer.from('PK\x03\x04', 'latin1')] },
  pdf: { kind: 'PDF', bytes: [Buffer.from('%PDF-', 'latin1')] },
  image: {
    kind: 'ảnh (.png, .jpg, .tif)',
    bytes: [
      Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      Buffer.from([0xff, 0xd8, 0xff]),
      Buffer.from('II*\x00', 'latin1'),
      Buffer.from('MM\x00*', 'latin1'),
    ],
  },
};

/** Refuses, before any parsing, a file that is missing, too large for its format, or not of the kind its name says. */
async function checkDocumentFile(file: string, format: DocumentFormat): Promise<void> {
  await checkFileSize(file, MAX_DOCUMENT_BYTES[format]);
  if (format === 'txt') return;
  const { kind, bytes } = SIGNATURES[format];
  if (!(await startsWith(file, bytes))) throw new InputFileError(files.notOfKind(file, kind));
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
  return importDirective(document.text, organisation, {
    file: basename(file),
    format: document.format,
    ...(document.ocr ? { ocr: document.ocr } : {}),
  });
}

/** How the draft's document was read, for the user: text, Word, a PDF's text layer, or OCR with its confidence. */
export function howRead(draft: DirectiveDraft): string {
  const ocr = draft.source.ocr;
  if (ocr !== null) return msg.howOcr(ocr.pages.length, ocr.confidence, ocr.engine);
  if (draft.source.format === 'pdf') return msg.howPdfText;
  return draft.source.format === 'docx' ? msg.howDocx : msg.howText;
}

/** The lines told to the user about a draft read from a PDF or a scan: how it was read and what to check. */
export function readReport(draft: DirectiveDraft): string[] {
  if (draft.source.format !== 'pdf' && draft.source.format !== 'image') return [];
  const lines = [
    msg.readSummary(draft.source.file ?? '', howRead(draft), draft.missing.length, draft.warnings.length),
  ];
  if (draft.review.length > 0) lines.push(msg.reviewList(draft.review));
  return lines;
}

/** The `directive` command with its `import` subcommand. */
export function directiveCommand(output: CommandOutput = processOutput): Command {
  const directive = new Command('directive').description(
    'Register directives (công văn, kế hoạch, quyết định …).',
  );
  directive
    .command('import')
    .description(
      'Read a document (.txt, .docx, .pdf, or a scan: .png, .jpg) laid out per Decree 30/2020 into a directive draft (JSON) to review and complete. Scans are read by OCR (tesseract-ocr, tesseract-ocr-vie).',
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
      for (const line of readReport(draft)) output.err(`${line}\n`);
      if (opts.out === undefined) {
        output.out(json);
        return;
      }
      await writeFile(opts.out, json, 'utf8');
      output.err(`${msg.written(opts.out, draft.missing.length, draft.warnings.length)}\n`);
      if (draft.missing.length > 0) output.err(`${msg.missingList(draft.missing)}\n`);
      output.err(`${msg.next(opts.out)}\n`);
    });
  return directive;
}
