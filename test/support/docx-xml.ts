// Reads a .docx back as Word lays it out: its sections' pages and its tables' grids, cells and runs (docx's own
// XML, which nests no table in a table here), and measures text with pdfkit's Times metrics.
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';

/** One section's page: width and height in twips, and its orientation. */
export interface DocxPage {
  width: number;
  height: number;
  orientation: string;
  /** Where the section's properties sit in document.xml: what comes before belongs to it or an earlier one. */
  at: number;
}

/** A run of text with its size (half-points) and weight. */
export interface DocxRun {
  text: string;
  size: number;
  bold: boolean;
}

/** One cell: the grid columns it spans and its runs. */
export interface DocxCell {
  span: number;
  marginLeft: number;
  marginRight: number;
  runs: DocxRun[];
}

/** One table: its grid's column widths (twips), its rows of cells, and where it starts in document.xml. */
export interface DocxTable {
  grid: number[];
  rows: DocxCell[][];
  at: number;
}

/** The document.xml of a .docx. */
export async function documentXml(data: Buffer): Promise<string> {
  return (await JSZip.loadAsync(data)).file('word/document.xml')!.async('string');
}

const attr = (xml: string, name: string): string | undefined =>
  new RegExp(`${name}="([^"]*)"`).exec(xml)?.[1];

/** Every section's page, in order. */
export function docxPages(xml: string): DocxPage[] {
  return [...xml.matchAll(/<w:sectPr>.*?<\/w:sectPr>/g)].map((m) => {
    const size = /<w:pgSz [^>]*\/>/.exec(m[0])![0];
    return {
      width: Number(attr(size, 'w:w')),
      height: Number(attr(size, 'w:h')),
      orientation: attr(size, 'w:orient') ?? 'portrait',
      at: m.index,
    };
  });
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function cellOf(xml: string): DocxCell {
  const margins = /<w:tcMar>(.*?)<\/w:tcMar>/.exec(xml)?.[1] ?? '';
  const side = (name: string) =>
    Number(attr(new RegExp(`<w:${name} [^>]*/>`).exec(margins)?.[0] ?? '', 'w:w') ?? 0);
  return {
    span: Number(attr(/<w:gridSpan [^>]*\/>/.exec(xml)?.[0] ?? '', 'w:val') ?? 1),
    marginLeft: side('left'),
    marginRight: side('right'),
    runs: [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map(([, run]) => ({
      text: unescape([...run!.matchAll(/<w:t[^>]*>(.*?)<\/w:t>/g)].map((t) => t[1]).join('')),
      size: Number(attr(/<w:sz [^>]*\/>/.exec(run!)?.[0] ?? '', 'w:val') ?? 24),
      bold: /<w:b\/>|<w:b w:val="true"\/>/.test(run!),
    })),
  };
}

/** Every table of the document, in order. */
export function docxTables(xml: string): DocxTable[] {
  return [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => ({
    grid: [...m[0].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => Number(g[1])),
    rows: [...m[0].matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map(([, cell]) => cellOf(cell!)),
    ),
    at: m.index,
  }));
}

const pdf = new PDFDocument({ autoFirstPage: false });

/**
 * The width in twips of `text` set in Times at `halfPoints`, by pdfkit's Adobe metrics (which Times New Roman
 * shares); Vietnamese letters are measured on their base letter, as those metrics have no others.
 */
export function timesWidth(text: string, halfPoints: number, bold: boolean): number {
  const base = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/\u00a0/g, ' ');
  return (
    pdf
      .font(bold ? 'Times-Bold' : 'Times-Roman')
      .fontSize(halfPoints / 2)
      .widthOfString(base) * 20
  );
}
