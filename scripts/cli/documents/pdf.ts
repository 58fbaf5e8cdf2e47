/** Reads a PDF with pdf.js: each page's text items with their positions, and whether a page without text shows images. */
import { readFile } from 'node:fs/promises';
import { getDocument, OPS, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PositionedItem } from '@theodoi/functions/domain/importer/positioned-text';

/** A PDF's pages: text items of the pages that have a text layer, and the pages that are only images (scans). */
export interface PdfContent {
  readonly pages: number;
  readonly items: PositionedItem[];
  /** 1-based numbers of the pages with no text but with images: these need OCR. */
  readonly scannedPages: number[];
}

const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
]);

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** The text items of a page's content, without the marked-content markers pdf.js mixes in. */
function textItems(items: readonly object[]): TextItemLike[] {
  const out: TextItemLike[] = [];
  for (const item of items) if ('str' in item && 'transform' in item) out.push(item as TextItemLike);
  return out;
}

/** Reads the text items (top-left origin, PDF points) and finds the image-only pages of the PDF at `file`. */
export async function readPdf(file: string): Promise<PdfContent> {
  const data = new Uint8Array(await readFile(file));
  const pdf = await getDocument({
    data,
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  try {
    const items: PositionedItem[] = [];
    const scannedPages: number[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const [, , , top] = page.view;
      const content = await page.getTextContent();
      const texts = textItems(content.items).filter((i) => i.str.trim() !== '');
      for (const t of texts) {
        const size = Math.hypot(t.transform[2] ?? 0, t.transform[3] ?? 0) || t.height;
        const baseline = (top ?? 0) - (t.transform[5] ?? 0);
        // The box runs from the ascent (about 0.8 of the size above the baseline) to the descent below it.
        items.push({
          text: t.str,
          page: n,
          x: t.transform[4] ?? 0,
          y: baseline - 0.8 * size,
          width: t.width,
          height: size,
        });
      }
      if (texts.length === 0) {
        const ops = await page.getOperatorList();
        if (ops.fnArray.some((op) => IMAGE_OPS.has(op))) scannedPages.push(n);
      }
      page.cleanup();
    }
    return { pages: pdf.numPages, items, scannedPages };
  } finally {
    await pdf.destroy();
  }
}
