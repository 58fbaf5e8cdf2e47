// A minimal ZIP writer (stored entries, UTF-8 names) so tests can build a real .docx without a zip library.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as ZIP computes it. */
export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Packs files (name → content) into a ZIP archive without compression. */
export function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function paragraph(text: string, level?: number): string {
  const numbering =
    level === undefined
      ? ''
      : `<w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr></w:pPr>`;
  return `<w:p>${numbering}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

function table(rows: readonly string[]): string {
  const cells = (row: string): string[] =>
    row
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim());
  const body = rows
    .filter((row) => !/^\|\s*-/.test(row))
    .map(
      (row) =>
        `<w:tr>${cells(row)
          .map((c) => `<w:tc>${paragraph(c)}</w:tc>`)
          .join('')}</w:tr>`,
    )
    .join('');
  return `<w:tbl>${body}</w:tbl>`;
}

/** A Word table given as rows of cells, each cell a list of paragraphs. */
export function wordTable(rows: readonly (readonly (readonly string[])[])[]): string {
  const body = rows
    .map(
      (row) =>
        `<w:tr>${row.map((c) => `<w:tc>${c.map((p) => paragraph(p)).join('')}</w:tc>`).join('')}</w:tr>`,
    )
    .join('');
  return `<w:tbl>${body}</w:tbl>`;
}

/** How to lay the lines out in Word: "| a | b |" lines as a real table, typed "1." / "a)" as Word's own numbering. */
export interface DocxOptions {
  readonly tables?: boolean;
  readonly autoNumbering?: boolean;
}

/** Word body blocks for lines: one paragraph each, "|" runs as tables and "1." / "a)" as numbering when asked. */
export function linesToBlocks(lines: readonly string[], options: DocxOptions = {}): string[] {
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (options.tables && line.startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && (lines[i] ?? '').startsWith('|')) rows.push(lines[i++] ?? '');
      i -= 1;
      blocks.push(table(rows));
      continue;
    }
    const number = options.autoNumbering ? /^(\d+)\.\s+(.*)$/.exec(line) : null;
    const letter = options.autoNumbering ? /^[a-z]\)\s+(.*)$/.exec(line) : null;
    if (number) blocks.push(paragraph(number[2] ?? '', 0));
    else if (letter) blocks.push(paragraph(letter[1] ?? '', 1));
    else blocks.push(paragraph(line));
  }
  return blocks;
}

/** A minimal Word document with one paragraph per line of `text`. */
export function docx(text: string, options: DocxOptions = {}): Buffer {
  return docxOfBlocks(linesToBlocks(text.split('\n'), options));
}

/** A Word document of body XML blocks: paragraphs (see `linesToBlocks`) and tables (see `wordTable`). */
export function docxOfBlocks(blocks: readonly string[]): Buffer {
  return zip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ' +
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/numbering.xml" ' +
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" ' +
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ' +
      'Target="word/document.xml"/></Relationships>',
    'word/_rels/document.xml.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId2" ' +
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" ' +
      'Target="numbering.xml"/></Relationships>',
    'word/numbering.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}">` +
      '<w:abstractNum w:abstractNumId="0">' +
      '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>' +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>' +
      '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
    'word/document.xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}">` +
      `<w:body>${blocks.join('')}</w:body></w:document>`,
  });
}
