// The official report draft: built from a summary model, packed to .docx, read back with mammoth — the Decree 30
// heading, the blank number, the title, the figures, the unit names and the table's totals are all there.
import { Packer } from 'docx';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSummaryModel } from '@theodoi/functions/domain/summary/index';
import { parseTemplate } from '@theodoi/sheets-schema/registry';
import { cchcTuyenTruyen } from '@theodoi/sheets-schema/templates/cchc-tuyen-truyen';
import { ANNEX_TEXT_WIDTH } from '@theodoi/cli/reports/decree30-page';
import { officialReportDocument, REPORT_FONT } from '@theodoi/cli/reports/docx-report';
import { defaultReportContext, placeDateLine, shortBodyName } from '@theodoi/cli/reports/report-context';
import { broken, input, units, valid } from '../../../support/summary-fixtures.js';
import { docxPages, docxTables, documentXml, timesWidth, type DocxTable } from '../../../support/docx-xml.js';

const NV = { hoi_nghi: 3, tham_du: 1_200, ty_le: 0.5, trang_thai: 'Đang thực hiện', kinh_phi: 1_500_000 };
const TP = {
  hoi_nghi: 2,
  tham_du: 940,
  ty_le: 1,
  trang_thai: 'Hoàn thành',
  nguoi: '=IMPORTXML("http://x","//a")',
};
const TAN_KIEU = { hoi_nghi: 1, tham_du: 35, kinh_phi: 250_000 };

// Wednesday 20/03/2024, 09:00 in Vietnam: the deadline (18/03) has passed; Mỹ Hòa never reported.
const model = buildSummaryModel(
  input('2024-03-20T02:00:00Z', {
    NV: valid('2024-03-11T02:00:00Z', NV),
    TP: broken(1, { at: '2024-03-11T03:00:00Z', values: TP }),
    '30049': valid('2024-03-20T01:00:00Z', TAN_KIEU),
  }),
);
const organisation = {
  name: 'Ủy ban nhân dân huyện Tháp Mười',
  parent: 'Ủy ban nhân dân tỉnh Đồng Tháp',
  place: 'Tháp Mười',
  coordinator: { unitCode: 'NV' },
};
const directive = {
  number: '06/UBND-NV',
  date: '2024-02-05',
  issuer: 'Ủy ban nhân dân huyện Tháp Mười',
  subject: 'báo cáo kết quả thông tin, tuyên truyền cải cách hành chính quý I năm 2024',
};
const context = defaultReportContext(organisation, units[0], directive, new Date('2024-03-20T02:00:00Z'));

describe('the official report draft (.docx)', () => {
  let lines: string[];
  let xml: string;

  beforeAll(async () => {
    const buffer = await Packer.toBuffer(officialReportDocument(model, context));
    const { value } = await mammoth.extractRawText({ buffer });
    lines = value
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    xml = await documentXml(buffer);
  });

  it('opens with the issuer under its superior beside Quốc hiệu and Tiêu ngữ, a blank number and the date line', () => {
    expect(lines.slice(0, 8)).toEqual([
      'UBND HUYỆN THÁP MƯỜI',
      'PHÒNG NỘI VỤ',
      '──────',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '─────────────',
      'Số:        /BC-NV',
      'Tháp Mười, ngày      tháng 3 năm 2024',
    ]);
  });

  it('has the title "BÁO CÁO" and the subject naming the directive', () => {
    expect(lines[8]).toBe('BÁO CÁO');
    expect(lines[9]).toBe(
      'Tình hình thực hiện Công văn số 06/UBND-NV ngày 05/02/2024 của Ủy ban nhân dân huyện Tháp Mười ' +
        'về việc báo cáo kết quả thông tin, tuyên truyền cải cách hành chính quý I năm 2024',
    );
  });

  it('carries the summary paragraph and the KPI figures', () => {
    expect(lines).toContain(model.paragraph);
    expect(lines).toContain('- Tổng số đơn vị được giao báo cáo: 4 đơn vị;');
    expect(lines).toContain(
      '- Số đơn vị đã báo cáo: 3/4 đơn vị (đạt 75%), trong đó đúng hạn: 2 đơn vị, trễ hạn: 1 đơn vị;',
    );
    expect(lines).toContain('- Số đơn vị chưa báo cáo: 1 đơn vị (quá hạn: 1 đơn vị);');
    expect(lines).toContain('- Số đơn vị có số liệu cần sửa lỗi: 1 đơn vị.');
  });

  it('counts the reports of each khối under the reported count', () => {
    const reported = lines.indexOf(
      '- Số đơn vị đã báo cáo: 3/4 đơn vị (đạt 75%), trong đó đúng hạn: 2 đơn vị, trễ hạn: 1 đơn vị;',
    );
    expect(lines.slice(reported + 1, reported + 3)).toEqual([
      '+ Các ban, ngành thuộc UBND huyện: 2/2 đơn vị đã báo cáo;',
      '+ UBND các xã, thị trấn: 1/2 đơn vị đã báo cáo;',
    ]);
  });

  it('ends its body with the units to chase, "Nơi nhận" and the signer placeholder', () => {
    expect(lines).toContain('III. CÁC ĐƠN VỊ CẦN ĐÔN ĐỐC');
    expect(lines).toContain(
      '- UBND xã Mỹ Hòa: Quá hạn chưa báo cáo (quá hạn 2 ngày làm việc), liên hệ: 0277 3835 255;',
    );
    expect(lines).toContain('- Phòng Tư pháp: Có lỗi cần sửa (1 lỗi).');
    const annex = lines.indexOf('Phụ lục');
    expect(lines.slice(annex - 6, annex)).toEqual([
      'Trên đây là báo cáo tình hình thực hiện Công văn số 06/UBND-NV ngày 05/02/2024 của UBND huyện Tháp Mười./.',
      'Nơi nhận:',
      '- UBND huyện Tháp Mười (b/c);',
      '- Lưu: VT, NV.',
      'TRƯỞNG PHÒNG',
      '……………………………',
    ]);
  });

  it('keeps the body on A4 portrait and puts the per-unit table in a landscape annex after it', () => {
    const pages = docxPages(xml);
    expect(pages.map((p) => [p.width, p.height, p.orientation])).toEqual([
      [11906, 16838, 'portrait'],
      [16838, 11906, 'landscape'],
    ]);
    const unitTable = docxTables(xml).find((t) => JSON.stringify(t.rows).includes('Tổng cộng'))!;
    // The body's section ends before the table starts: the table is the annex's.
    expect(unitTable.at).toBeGreaterThan(pages[0]!.at);
    expect(lines.indexOf('Phụ lục')).toBeGreaterThan(lines.indexOf('TRƯỞNG PHÒNG'));
    const annex = lines.indexOf('Phụ lục');
    expect(lines.slice(annex, annex + 4)).toEqual([
      'Phụ lục',
      'KẾT QUẢ BÁO CÁO CỦA CÁC ĐƠN VỊ — QUÝ I/2024',
      '(Kèm theo Báo cáo số        /BC-NV ngày      tháng 3 năm 2024 của Phòng Nội vụ)',
      'Số liệu tính đến 09 giờ 00 ngày 20/3/2024.',
    ]);
    expect(lines.indexOf('II. KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ')).toBeLessThan(annex);
    expect(lines[lines.indexOf('II. KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ') + 1]).toMatch(/tại Phụ lục kèm theo/);
  });

  it("lists in the annex each khối's units, then its subtotal, then the totals of all", () => {
    const header = lines.indexOf('STT');
    expect(lines.slice(header, header + 5)).toEqual([
      'STT',
      'Đơn vị',
      'Tình hình báo cáo',
      'Ngày báo cáo',
      'Số hội nghị',
    ]);
    const first = lines.indexOf('I. Các ban, ngành thuộc UBND huyện');
    expect(first).toBeGreaterThan(header);
    expect(lines.slice(first + 1, first + 8)).toEqual([
      '1',
      'Phòng Nội vụ',
      'Đã báo cáo đúng hạn',
      '11/03/2024',
      '3',
      '1.200',
      '50%',
    ]);
    // The officer's formula-looking text is printed as text.
    expect(lines).toContain('=IMPORTXML("http://x","//a")');
    // Phòng Nội vụ and Phòng Tư pháp: 3 + 2 conferences, 1.200 + 940 participants, average 75%, 2 with a status.
    const banNganh = lines.indexOf('Cộng');
    expect(lines.slice(banNganh, banNganh + 8)).toEqual([
      'Cộng',
      'Đã báo cáo 2/2',
      '5',
      '2.140',
      '75%',
      '2',
      '1.500.000\u00a0đồng',
      'II. UBND các xã, thị trấn',
    ]);
    const xa = lines.lastIndexOf('Cộng');
    // Tân Kiều: no share to average (an empty cell), no status (0 units).
    expect(lines.slice(xa, xa + 6)).toEqual(['Cộng', 'Đã báo cáo 1/2', '1', '35', '0', '250.000\u00a0đồng']);
    const totals = lines.lastIndexOf('Tổng cộng');
    expect(lines.slice(totals + 1)).toEqual(['6', '2.175', '75%', '2', '1.750.000\u00a0đồng']);
  });

  it('sizes the annex’s columns so that no date, amount or word of a cell breaks, within the page', () => {
    expectNoBrokenWord(xml);
  });

  it('is set in Times New Roman, 14 pt body, on A4 with Decree 30 margins', () => {
    expect(xml).toContain(`w:ascii="${REPORT_FONT}"`);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });
});

describe('the annex of a wide table', () => {
  it('shrinks the table’s type as far as it must for 14 key figures, long names and large amounts, and breaks no word', async () => {
    // Every figure of the CCHC template as a key figure; amounts in billions; a long department name.
    const wide = parseTemplate({
      ...cchcTuyenTruyen,
      keyFigures: cchcTuyenTruyen.columns
        .filter((c) => c.type !== 'longText' && c.type !== 'url')
        .map((c) => c.key),
    });
    const values = Object.fromEntries(
      wide.columns.map((c) => [
        c.key,
        c.type === 'money'
          ? 12_345_678_900
          : c.type === 'text'
            ? 'Nguyễn Thị Phương Thảo'
            : c.type === 'phone'
              ? '0277 3838 288'
              : 123_456,
      ]),
    );
    const base = input('2024-03-20T02:00:00Z', {
      NV: valid('2024-03-11T02:00:00Z', values),
      '30049': valid('2024-03-19T02:00:00Z', values),
    });
    const model = buildSummaryModel({
      ...base,
      template: wide,
      units: [
        ...units,
        { code: 'LDTBXH', name: 'Phòng Lao động - Thương binh và Xã hội', group: 'ban-nganh' },
      ],
      directive: { ...base.directive, recipients: [...base.directive.recipients, 'LDTBXH'] },
    });
    const wideXml = await documentXml(await Packer.toBuffer(officialReportDocument(model, context)));
    const table = expectNoBrokenWord(wideXml);
    expect(table.grid).toHaveLength(4 + model.figures.length);
    expect(model.figures.length).toBeGreaterThanOrEqual(14);
    // 11 pt could not hold them: the table is set at 9 pt, every cell alike.
    const sizes = new Set(table.rows.flatMap((r) => r.flatMap((c) => c.runs.map((run) => run.size))));
    expect([...sizes]).toEqual([18]);
  });
});

/** Every word of every cell of the annex's table fits its cell; the table fits the landscape page. Returns it. */
function expectNoBrokenWord(documentXml: string): DocxTable {
  const table = docxTables(documentXml).find((t) => JSON.stringify(t.rows).includes('Tổng cộng'))!;
  expect(table.grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(ANNEX_TEXT_WIDTH);
  const words: { word: string; width: number; room: number }[] = [];
  for (const row of table.rows) {
    let column = 0;
    for (const cell of row) {
      const width = table.grid.slice(column, column + cell.span).reduce((a, b) => a + b, 0);
      column += cell.span;
      for (const run of cell.runs)
        for (const word of run.text.split(/[ \n]+/).filter(Boolean))
          words.push({
            word,
            width: timesWidth(word, run.size, run.bold),
            room: width - cell.marginLeft - cell.marginRight,
          });
    }
    expect(column).toBe(table.grid.length);
  }
  const broken = words.filter((w) => w.width > w.room);
  expect(broken).toEqual([]);
  // Dates and amounts were there to be measured, each whole in one word.
  expect(words.some((w) => /^\d{2}\/\d{2}\/\d{4}$/.test(w.word))).toBe(true);
  expect(words.some((w) => /^[\d.]+\u00a0đồng$/.test(w.word))).toBe(true);
  return table;
}

describe('the report context', () => {
  it('writes months 1 and 2 with a leading zero, others without', () => {
    expect(placeDateLine('Tháp Mười', new Date('2024-02-05T03:00:00Z'))).toBe(
      'Tháp Mười, ngày      tháng 02 năm 2024',
    );
    expect(placeDateLine('Tháp Mười', new Date('2024-12-31T18:00:00Z'))).toBe(
      'Tháp Mười, ngày      tháng 01 năm 2025',
    );
  });

  it('shortens "Ủy ban nhân dân" and falls back to the organisation when the coordinator unit is unknown', () => {
    expect(shortBodyName('Ủy ban nhân dân xã Mỹ Hòa')).toBe('UBND xã Mỹ Hòa');
    expect(shortBodyName('Sở Nội vụ')).toBe('Sở Nội vụ');
    const ctx = defaultReportContext(organisation, undefined, directive, new Date('2024-03-20T02:00:00Z'));
    expect(ctx.issuer).toMatchObject({
      parent: 'Ủy ban nhân dân tỉnh Đồng Tháp',
      name: 'Ủy ban nhân dân huyện Tháp Mười',
      symbol: 'BC-NV',
      signerTitle: 'THỦ TRƯỞNG ĐƠN VỊ',
    });
  });
});
