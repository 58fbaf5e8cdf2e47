// `theodoi directive import` on what offices receive: a PDF with a text layer (laid out per Decree 30/2020, built here
// with pdfkit and Debian's DejaVu font), an image-only scan of it (pdftoppm, then OCR by tesseract), a photo of a page,
// and a PDF with nothing to read.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DirectiveDraft, parseDirectiveDraft } from '@theodoi/functions/domain/importer/draft';
import { runDirective } from '../../../support/directive-command.js';
import {
  blankPdf,
  decree30Pdf,
  hasTesseract,
  imagePdf,
  renderPages,
} from '../../../support/pdf-documents.js';

const documents = new URL('../../../fixtures/documents/', import.meta.url).pathname;
const ORG = new URL('../../../../examples/thap-muoi-2024/organisation.json', import.meta.url).pathname;
const SEED = join(documents, 'congvan-thap-muoi-cchc-2024.txt');
const dir = mkdtempSync(join(tmpdir(), 'theodoi-import-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runDirective;

async function draftOf(file: string): Promise<DirectiveDraft> {
  return parseDirectiveDraft(JSON.parse((await run('import', file, '--org', ORG)).out));
}

/** A draft without what depends on the file's form: its source, the header's line breaks, task text white space. */
function content(draft: DirectiveDraft): unknown {
  return {
    ...draft,
    source: null,
    issuer: { ...draft.issuer, lines: null },
    tasks: draft.tasks.map((t) => ({ ...t, text: t.text.replace(/\s+/g, ' ') })),
  };
}

describe('a PDF with a text layer', () => {
  const texts = [
    'congvan-thap-muoi-cchc-2024.txt',
    'congvan-mot-don-vi-nhan.txt',
    'congvan-phong-noi-vu-de-nghi-bao-cao.txt',
    'thongbao-ket-luan-van-phong.txt',
    'kehoach-xa-my-hoa-cchc-2024.txt',
  ];
  for (const name of texts) {
    it(`${name}: gives the same draft as its text, the side-by-side header and signature read in order`, async () => {
      const text = readFileSync(join(documents, name), 'utf8');
      const pdf = join(dir, name.replace(/\.txt$/, '.pdf'));
      writeFileSync(pdf, await decree30Pdf(text));
      const fromPdf = await draftOf(pdf);
      expect(fromPdf.source).toEqual({ file: name.replace(/\.txt$/, '.pdf'), format: 'pdf', ocr: null });
      expect(content(fromPdf)).toEqual(content(await draftOf(join(documents, name))));
    });
  }

  it('says how the file was read on stderr, and the draft on stdout', async () => {
    const pdf = join(dir, 'seed.pdf');
    writeFileSync(pdf, await decree30Pdf(readFileSync(SEED, 'utf8')));
    const { out, err } = await run('import', pdf, '--org', ORG);
    expect(err).toBe('Đã đọc seed.pdf (PDF có lớp chữ): còn thiếu 4 mục, 0 cảnh báo.\n');
    expect(parseDirectiveDraft(JSON.parse(out)).numberSymbol?.symbol).toBe('UBND-NV');
  });

  it('refuses, in Vietnamese, a PDF with neither text nor images', async () => {
    const pdf = join(dir, 'blank.pdf');
    writeFileSync(pdf, await blankPdf());
    await expect(run('import', pdf, '--org', ORG)).rejects.toThrow(
      `Tệp PDF ${pdf} không có chữ và cũng không có hình ảnh nào để nhận dạng: không có gì để đọc.`,
    );
  });
});

const tesseract = hasTesseract();
if (!tesseract)
  console.warn('tesseract-ocr with tesseract-ocr-vie is not installed: the scanned-PDF and image tests skip');

describe.skipIf(!tesseract)('a scan (tesseract-ocr, tesseract-ocr-vie)', () => {
  let fromText: DirectiveDraft;
  let scan: string;
  let image: string;
  beforeAll(async () => {
    fromText = await draftOf(SEED);
    const pages = renderPages(await decree30Pdf(readFileSync(SEED, 'utf8')), 200);
    scan = join(dir, 'scan.pdf');
    writeFileSync(scan, await imagePdf(pages));
    image = join(dir, 'page.png');
    writeFileSync(image, pages[0] ?? Buffer.alloc(0));
  }, 60_000);

  it('an image-only PDF: the number, date, subject and recipients read right, with the OCR confidence', async () => {
    const { out, err } = await run('import', scan, '--org', ORG);
    const draft = parseDirectiveDraft(JSON.parse(out));
    expect(draft.numberSymbol).toEqual(fromText.numberSymbol);
    expect(draft.date).toEqual(fromText.date);
    expect(draft.subject).toBe(fromText.subject);
    expect(draft.recipients).toEqual(fromText.recipients);
    expect(draft.source.format).toBe('pdf');
    expect(draft.source.ocr).toMatchObject({ pages: [1], threshold: 70 });
    expect(draft.source.ocr?.engine).toMatch(/^tesseract \d/);
    expect(draft.source.ocr?.confidence).toBeGreaterThan(80);
    expect(err).toMatch(
      /^Đã đọc scan\.pdf \(nhận dạng chữ 1 trang bằng tesseract [\d.]+, độ tin cậy trung bình \d+,\d%\)/,
    );
    // Whatever OCR read uncertainly is named for review, in the draft and on stderr, with a warning per field.
    const lowConfidence = draft.warnings.filter((w) => w.code === 'low-confidence').map((w) => w.field);
    expect(lowConfidence).toEqual(draft.review);
    if (draft.review.length > 0)
      expect(err).toContain(`Các mục cần đối chiếu với bản gốc: ${draft.review.join(', ')}.`);
  }, 120_000);

  it('a page image (.png) reads the same number, date, subject and recipients', async () => {
    const draft = await draftOf(image);
    expect(draft.source.format).toBe('image');
    expect([draft.numberSymbol, draft.date, draft.subject, draft.recipients]).toEqual([
      fromText.numberSymbol,
      fromText.date,
      fromText.subject,
      fromText.recipients,
    ]);
  }, 120_000);
});
