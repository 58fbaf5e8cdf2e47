// The same document typed, saved or pasted differently gives the same draft: PDF paste with broken lines,
// hyphenation, page numbers and flattened side-by-side blocks; NFD, non-breaking spaces, Windows line ends.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DirectiveDraft } from '@theodoi/functions/domain/importer/draft';
import { importDirective } from '@theodoi/functions/domain/importer/import';
import { fixture, thapMuoi } from '../../../../support/importer-helpers.js';

const seedText = fixture('congvan-thap-muoi-cchc-2024.txt');
const pdfText = fixture('congvan-thap-muoi-cchc-2024.pdf-paste.txt');
const clean = importDirective(seedText, thapMuoi);

/** The fields a coordinator relies on; `issuer.lines` and the source are about layout, not content. */
function keyFields(draft: DirectiveDraft): unknown {
  return {
    kind: draft.kind,
    issuer: draft.issuer.name,
    parent: draft.issuer.parent,
    numberSymbol: draft.numberSymbol,
    place: draft.place,
    date: draft.date,
    subject: draft.subject,
    recipients: draft.recipients,
    references: draft.references,
    tasks: draft.tasks,
    signer: draft.signer,
    distribution: draft.distribution,
    missing: draft.missing,
    warnings: draft.warnings,
  };
}

const variants: { name: string; text: string }[] = [
  { name: 'Windows line endings', text: seedText.replace(/\n/g, '\r\n') },
  { name: 'NFD (decomposed) Vietnamese', text: seedText.normalize('NFD') },
  {
    name: 'non-breaking and zero-width spaces, a byte-order mark',
    text: `\uFEFF${seedText.replace(/ /g, (s, i: number) => (i % 3 === 0 ? '\u00A0' : i % 7 === 0 ? ' \u200B' : s))}`,
  },
  {
    name: 'every line its own paragraph, as mammoth extracts a .docx',
    text: seedText.split('\n').join('\n\n'),
  },
  {
    name: 'header blocks side by side, separated by tabs',
    text: seedText.replace(
      'ỦY BAN NHÂN DÂN\nHUYỆN THÁP MƯỜI\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: /UBND-NV\n\nTháp Mười, ngày tháng 02 năm 2024',
      'ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN THÁP MƯỜI\t\tĐộc lập - Tự do - Hạnh phúc\nSố: /UBND-NV\t\tTháp Mười, ngày tháng 02 năm 2024',
    ),
  },
  {
    name: '"Kính gửi" on one line, entries separated by ";"',
    text: seedText.replace(
      'Kính gửi:\n\n- Các ban, ngành thuộc UBND huyện;\n- Ủy ban nhân dân các xã, thị trấn.',
      'Kính gửi: Các ban, ngành thuộc UBND huyện; Ủy ban nhân dân các xã, thị trấn.',
    ),
  },
  {
    name: '"Kính gửi" entries without bullets, indented',
    text: seedText.replace(
      '- Các ban, ngành thuộc UBND huyện;\n- Ủy ban nhân dân các xã, thị trấn.',
      '      Các ban, ngành thuộc UBND huyện;\n      Ủy ban nhân dân các xã, thị trấn.',
    ),
  },
  { name: 'pasted from a PDF', text: pdfText },
  {
    name: 'pasted from a PDF, then saved on Windows in NFD',
    text: pdfText.normalize('NFD').replace(/\n/g, '\r\n'),
  },
];

describe('the seed written in other ways gives the same draft', () => {
  it('the variants really differ from the clean text', () => {
    for (const v of variants) expect(v.text).not.toBe(seedText);
  });

  variants.forEach((v) => {
    it(v.name, () => {
      expect(keyFields(importDirective(v.text, thapMuoi))).toEqual(keyFields(clean));
    });
  });

  it('mends lines broken mid-sentence, a hyphenated word and a page number in the PDF paste', () => {
    const task = importDirective(pdfText, thapMuoi).tasks[0];
    expect(task?.text).toContain('người dân, doanh nghiệp về việc');
    expect(task?.text).toContain('Kế hoạch “Tăng cường công tác');
    expect(task?.text).not.toMatch(/- 1 -|\n/);
  });
});

/** Re-wraps every line longer than `width` at word boundaries, as a PDF's text layer does; `blank` adds stray blank lines. */
function rewrap(text: string, width: number, blank: boolean): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (line.includes('|') || line.length <= width) return [line];
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current !== '' && `${current} ${word}`.length > width) {
          out.push(current);
          if (blank && out.length % 3 === 0) out.push('');
          current = word;
        } else current = current === '' ? word : `${current} ${word}`;
      }
      if (current !== '') out.push(current);
      return out;
    })
    .join('\n');
}

/** Key fields with task texts compared up to white space (a wrap just after a full stop starts a new line). */
function comparable(draft: DirectiveDraft): unknown {
  const fields = keyFields(draft) as { tasks: DirectiveDraft['tasks'] };
  return { ...fields, tasks: fields.tasks.map((t) => ({ ...t, text: t.text.replace(/\s+/g, ' ') })) };
}

describe('every fixture re-wrapped at PDF widths gives the same draft', () => {
  const files = readdirSync(new URL('../../../../fixtures/documents/', import.meta.url)).filter((f) =>
    f.endsWith('.txt'),
  );
  for (const file of files) {
    const text = fixture(file);
    const expected = comparable(importDirective(text, thapMuoi));
    for (const width of [45, 60, 80]) {
      for (const blank of [false, true]) {
        it(`${file} at ${width} columns${blank ? ' with stray blank lines' : ''}`, () => {
          const wrapped = rewrap(text, width, blank);
          expect(wrapped).not.toBe(text);
          expect(comparable(importDirective(wrapped, thapMuoi))).toEqual(expected);
        });
      }
    }
  }
});

describe('a flattened header with a parent line', () => {
  it('splits "UBND TỈNH ĐỒNG THÁP CỘNG HÒA …" / "SỞ NỘI VỤ Độc lập …" / "Số: … Đồng Tháp, ngày …"', () => {
    const text = [
      'UBND TỈNH ĐỒNG THÁP CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ NỘI VỤ Độc lập – Tự do – Hạnh phúc',
      'Số: 245/SNV-CCHC Đồng Tháp, ngày 26 tháng 01 năm 2024',
      'V/v báo cáo kết quả thông tin, tuyên truyền CCHC',
      'Kính gửi: Ủy ban nhân dân huyện Tháp Mười.',
    ].join('\n');
    const draft = importDirective(text, thapMuoi);
    expect(draft.issuer).toEqual({
      name: 'Sở Nội vụ',
      parent: 'UBND tỉnh Đồng Tháp',
      lines: ['UBND TỈNH ĐỒNG THÁP', 'SỞ NỘI VỤ'],
    });
    expect(draft.numberSymbol).toEqual({ raw: '245/SNV-CCHC', number: 245, year: null, symbol: 'SNV-CCHC' });
    expect(draft.place).toBe('Đồng Tháp');
    expect(draft.date).toEqual({ year: 2024, month: 1, day: 26, raw: 'ngày 26 tháng 01 năm 2024' });
    expect(draft.subject).toBe('báo cáo kết quả thông tin, tuyên truyền CCHC');
    expect(draft.recipients.unresolved).toEqual(['Ủy ban nhân dân huyện Tháp Mười']);
    expect(draft.warnings.map((w) => w.code)).toEqual(['issuer-not-organisation', 'recipient-unresolved']);
  });
});

describe('what the document does not say stays blank and is named missing', () => {
  it('a bare recipient line: no issuer, number, date, type, subject, tasks or signer are invented', () => {
    const draft = importDirective('Kính gửi: Phòng Nội vụ huyện.', thapMuoi);
    expect(draft.recipients.unitCodes).toEqual(['NV']);
    expect(draft).toMatchObject({
      kind: null,
      issuer: { name: null, parent: null },
      numberSymbol: null,
      place: null,
      date: null,
      subject: null,
      tasks: [],
      signer: { authorities: [], title: null, name: null },
    });
    expect(draft.missing).toEqual([
      'issuer',
      'number',
      'symbol',
      'place',
      'date',
      'kind',
      'subject',
      'tasks',
      'signer.title',
      'signer.name',
      'distribution',
    ]);
  });

  const dates = [
    { line: 'Tháp Mười, ngày 05 tháng 02 năm 2024', date: { year: 2024, month: 2, day: 5 }, missing: [] },
    {
      line: 'Tháp Mười, ngày tháng 02 năm 2024',
      date: { year: 2024, month: 2, day: null },
      missing: ['date.day'],
    },
    {
      line: 'Tháp Mười, ngày … tháng … năm 2024',
      date: { year: 2024, month: null, day: null },
      missing: ['date.month', 'date.day'],
    },
    {
      line: 'Tháp Mười, ngày     tháng 12 năm 2023',
      date: { year: 2023, month: 12, day: null },
      missing: ['date.day'],
    },
  ];
  dates.forEach((tc) => {
    it(`reads "${tc.line}" without filling blanks`, () => {
      const draft = importDirective(seedText.replace('Tháp Mười, ngày tháng 02 năm 2024', tc.line), thapMuoi);
      expect(draft.date).toMatchObject(tc.date);
      expect(draft.missing.filter((m) => m.startsWith('date'))).toEqual(tc.missing);
    });
  });

  it('warns of a date that cannot exist (31/02) instead of correcting it', () => {
    const draft = importDirective(
      seedText.replace('Tháp Mười, ngày tháng 02 năm 2024', 'Tháp Mười, ngày 31 tháng 02 năm 2024'),
      thapMuoi,
    );
    expect(draft.date).toMatchObject({ year: 2024, month: 2, day: 31 });
    expect(draft.warnings.map((w) => w.code)).toEqual(['invalid-date']);
  });

  it('lists a recipient it cannot resolve, keeps the others, and tolerates case and spelling variants', () => {
    const text = seedText.replace(
      '- Các ban, ngành thuộc UBND huyện;\n- Ủy ban nhân dân các xã, thị trấn.',
      '- PHÒNG NỘI VỤ HUYỆN;\n- Công an huyện;\n- Uỷ ban nhân dân xã Mỹ Hoà;\n- UBND xa My Qui;\n- Thanh tra huyện.',
    );
    const draft = importDirective(text, thapMuoi);
    expect(draft.recipients.unitCodes).toEqual(['NV', 'TTR', '30052', '30055']);
    expect(draft.recipients.unresolved).toEqual(['Công an huyện']);
    expect(draft.recipients.lines.map((l) => l.text)).toEqual([
      'PHÒNG NỘI VỤ HUYỆN',
      'Công an huyện',
      'Uỷ ban nhân dân xã Mỹ Hoà',
      'UBND xa My Qui',
      'Thanh tra huyện',
    ]);
    expect(draft.warnings).toEqual([
      {
        code: 'recipient-unresolved',
        field: 'recipients',
        message: 'Không xác định được đơn vị nhận "Công an huyện" trong danh sách đơn vị.',
      },
    ]);
  });

  it('tells the type from the symbol when the title is lost, and says so', () => {
    const text = fixture('kehoach-tuyen-truyen-cchc-2024.txt').replace('KẾ HOẠCH\n', '');
    const draft = importDirective(text, thapMuoi);
    expect(draft.kind).toBe('ke-hoach');
    expect(draft.warnings[0]?.code).toBe('kind-from-symbol');
  });
});

describe('a header date broken over two lines', () => {
  const breaks = [
    'Tháp Mười, ngày\n05 tháng 02 năm 2024',
    'Tháp Mười, ngày 05\ntháng 02 năm 2024',
    'Tháp Mười, ngày 05 tháng 02\nnăm 2024',
    'Tháp Mười, ngày 05 tháng 02 năm\n2024',
  ];
  breaks.forEach((broken) => {
    it(JSON.stringify(broken), () => {
      const text = fixture('congvan-mot-don-vi-nhan.txt').replace(
        'Tháp Mười, ngày 08 tháng 3 năm 2024',
        broken,
      );
      const draft = importDirective(text, thapMuoi);
      expect(draft.place).toBe('Tháp Mười');
      expect(draft.date).toMatchObject({ year: 2024, month: 2, day: 5 });
    });
  });
});
