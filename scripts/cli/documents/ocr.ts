/**
 * OCR of scans with Debian's tesseract (tesseract-ocr, tesseract-ocr-vie): PDF pages are rendered with poppler's
 * pdftoppm, images are read as they are; every word comes back with its box and tesseract's confidence (0–100).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { OcrWord } from '@theodoi/functions/domain/importer/review';
import { directiveImport as msg } from '@theodoi/functions/messages.vi';

const run = promisify(execFile);

/** Resolution scans are rendered and read at: tesseract's documentation asks for at least 300 dpi. */
export const OCR_DPI = 300;

/** Words read from one or more images, and the engine that read them. */
export interface OcrResult {
  readonly engine: string;
  readonly words: OcrWord[];
}

/** The tesseract version line ("tesseract 5.3.0"), or null when tesseract or its Vietnamese data is not installed. */
export async function tesseractVersion(): Promise<string | null> {
  try {
    const [version, langs] = await Promise.all([
      run('tesseract', ['--version']),
      run('tesseract', ['--list-langs']),
    ]);
    const languages = `${langs.stdout}\n${langs.stderr}`.split(/\s+/);
    if (!languages.includes('vie')) return null;
    return `${version.stdout}${version.stderr}`.split('\n')[0]?.trim() ?? 'tesseract';
  } catch {
    return null;
  }
}

/** Reads tesseract's TSV output: one word per row with its box (pixels) and confidence; `page` numbers the words. */
export function parseTesseractTsv(tsv: string, page: number): OcrWord[] {
  const words: OcrWord[] = [];
  for (const line of tsv.split('\n').slice(1)) {
    const cells = line.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const text = (cells[11] ?? '').trim();
    const confidence = Number.parseFloat(cells[10] ?? '');
    if (text === '' || !(confidence >= 0)) continue;
    const [x, y, width, height] = cells.slice(6, 10).map((c) => Number.parseInt(c, 10));
    words.push({ text, page, x: x ?? 0, y: y ?? 0, width: width ?? 0, height: height ?? 0, confidence });
  }
  return words;
}

async function tesseract(image: string, page: number): Promise<OcrWord[]> {
  // --psm 3: automatic page segmentation, so the side-by-side header blocks are found as blocks.
  const { stdout } = await run(
    'tesseract',
    [image, 'stdout', '-l', 'vie', '--psm', '3', '--dpi', String(OCR_DPI), 'tsv'],
    {
      maxBuffer: 64 * 2 ** 20,
    },
  );
  return parseTesseractTsv(stdout, page);
}

/** Throws the Vietnamese "install tesseract" message when tesseract or its Vietnamese data is missing. */
async function requireTesseract(): Promise<string> {
  const version = await tesseractVersion();
  if (version === null) throw new Error(msg.ocrMissing);
  return version;
}

/** OCRs an image file (.png, .jpg). */
export async function ocrImage(file: string): Promise<OcrResult> {
  const engine = await requireTesseract();
  return { engine, words: await tesseract(file, 1) };
}

/** Renders the given pages of a PDF at OCR_DPI with pdftoppm and OCRs each. */
export async function ocrPdfPages(file: string, pages: readonly number[]): Promise<OcrResult> {
  const engine = await requireTesseract();
  const dir = await mkdtemp(join(tmpdir(), 'theodoi-ocr-'));
  try {
    const words: OcrWord[] = [];
    for (const page of pages) {
      const prefix = join(dir, `page-${page}`);
      try {
        await run('pdftoppm', [
          '-r',
          String(OCR_DPI),
          '-gray',
          '-png',
          '-f',
          String(page),
          '-l',
          String(page),
          file,
          prefix,
        ]);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          throw new Error(msg.pdftoppmMissing, { cause: error });
        throw error;
      }
      const images = (await readdir(dir)).filter((f) => f.startsWith(`page-${page}-`) && f.endsWith('.png'));
      for (const image of images) words.push(...(await tesseract(join(dir, image), page)));
    }
    return { engine, words };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
