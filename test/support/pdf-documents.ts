// Builds PDFs of a document at test time, as offices receive them: a signed PDF with a text layer laid out per
// Decree 30/2020 (header and signature blocks side by side), and an image-only scan of it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

/** Debian's fonts-dejavu-core: a Unicode font with every Vietnamese letter, embedded in the PDFs we make. */
export const DEJAVU_SERIF = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';

const RIGHT_BLOCK = /^(?:CỘNG HÒA|CỘNG HOÀ|Độc lập|.*, ngày\b)/u;
const SIZE = 12;
const LINE = 16;

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

/**
 * Lays out a document's text on A4 as Decree 30/2020 does: the issuer, number and "V/v" in the left block, the
 * Quốc hiệu, motto and place-date in the right one, the number level with the date; the body wrapped at the
 * page's width; "Nơi nhận" on the left and the signature on the right, side by side.
 */
export async function decree30Pdf(text: string): Promise<Buffer> {
  const lines = text.replace(/\*\*/g, '').split('\n');
  const bodyStart = lines.findIndex((l) => /^(?:Kính gửi|KẾ HOẠCH|QUYẾT ĐỊNH|THÔNG BÁO)/u.test(l.trim()));
  const tailStart = lines.findIndex((l) => /^Nơi nhận/u.test(l.trim()));
  const header = lines.slice(0, bodyStart).filter((l) => l.trim() !== '');
  const right = header.filter((l) => RIGHT_BLOCK.test(l));
  const left = header.filter((l) => !RIGHT_BLOCK.test(l));
  const numberAt = left.findIndex((l) => l.startsWith('Số'));
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: 'Văn bản', Producer: 'theodoi tests' },
  });
  const done = collect(doc);
  doc.font(DEJAVU_SERIF).fontSize(SIZE);
  const put = (t: string, x: number, y: number, width: number): void => {
    doc.text(t, x, y, { width, align: 'center', lineBreak: false });
  };
  doc.fontSize(11);
  const top = 50;
  left.slice(0, numberAt).forEach((l, i) => put(l, 30, top + i * LINE, 230));
  right.slice(0, -1).forEach((l, i) => put(l, 270, top + i * LINE, 300));
  const numberRow = top + (Math.max(numberAt, right.length - 1) + 1) * LINE;
  left.slice(numberAt).forEach((l, i) => put(l, 30, numberRow + i * LINE, 230));
  put(right.at(-1) ?? '', 270, numberRow, 300);
  doc.fontSize(SIZE);
  let y = numberRow + Math.max(left.length - numberAt, 1) * LINE + LINE;
  // A title and the subject lines under it, up to a blank line, are centred; the body is not.
  let centred = false;
  for (const line of lines.slice(bodyStart, tailStart)) {
    if (line.trim() === '') {
      centred = false;
      continue;
    }
    if (/^\p{Lu}[\p{Lu}\s]+$/u.test(line.trim())) centred = true;
    doc.text(line.trim(), 60, y, { width: 480, align: centred ? 'center' : 'left' });
    y = doc.y + 4;
  }
  y += LINE;
  const tail = lines.slice(tailStart);
  const entries = tail.filter((l) => /^(?:Nơi nhận|-)/u.test(l.trim()));
  const signature = tail.slice(tail.findIndex((l) => l.trim() !== '' && !/^(?:Nơi nhận|-)/u.test(l.trim())));
  doc.fontSize(10);
  entries.forEach((l, i) => doc.text(l.trim(), 60, y + i * 13, { lineBreak: false }));
  doc.fontSize(SIZE);
  signature.forEach((l, i) => {
    if (l.trim() !== '') put(l.trim(), 320, y + i * LINE, 230);
  });
  doc.end();
  return done;
}

/** Whether Debian's tesseract with its Vietnamese data is installed (the scan tests need it). */
export function hasTesseract(): boolean {
  try {
    return execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: 'pipe' })
      .split(/\s+/)
      .includes('vie');
  } catch {
    return false;
  }
}

/** Renders a PDF's pages to PNG at `dpi` with poppler's pdftoppm; returns the images, page order. */
export function renderPages(pdf: Buffer, dpi = 200): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'theodoi-scan-'));
  try {
    const input = join(dir, 'in.pdf');
    writeFileSync(input, pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', input, join(dir, 'page')]);
    const pages: Buffer[] = [];
    for (let n = 1; n < 100; n += 1) {
      const file = [join(dir, `page-${n}.png`), join(dir, `page-${String(n).padStart(2, '0')}.png`)].find(
        existsSync,
      );
      if (!file) break;
      pages.push(readFileSync(file));
    }
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An image-only PDF, as a scanner makes: each page image filling an A4 page, no text layer. */
export async function imagePdf(pages: readonly Buffer[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  const done = collect(doc);
  for (const png of pages) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  doc.end();
  return done;
}

/** A PDF with neither text nor images: one blank page. */
export async function blankPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const done = collect(doc);
  doc.end();
  return done;
}
