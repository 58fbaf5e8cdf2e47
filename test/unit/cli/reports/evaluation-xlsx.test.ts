// The evaluation workbook read back with exceljs: one line per unit under its khối with the tally, score, grade and
// ranks, the khối and overall totals, the notes; each unit's line links to its figures per directive, which link to
// the directives' spreadsheets.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluationPositions, evaluationWorkbook } from '@theodoi/cli/reports/evaluation-xlsx';
import { EVALUATION_COLUMNS } from '@theodoi/functions/domain/evaluation/table';
import { yearModel } from '../../../fixtures/evaluation-year.js';

const model = yearModel('2025-03-01 09:00');
const column = (header: string) => 1 + EVALUATION_COLUMNS.findIndex((c) => c.header === header);

describe('evaluationWorkbook', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = new ExcelJS.Workbook();
    await book.xlsx.load(await evaluationWorkbook(model).xlsx.writeBuffer());
  });

  it('titles the sheet with the range and the moment the figures stand at', () => {
    const sheet = book.getWorksheet('Đánh giá đơn vị')!;
    expect(sheet.getCell('A1').value).toBe('KẾT QUẢ THỰC HIỆN CHẾ ĐỘ BÁO CÁO VÀ NHIỆM VỤ ĐƯỢC GIAO NĂM 2024');
    expect(sheet.getCell('A2').value).toBe('của các cơ quan, đơn vị thuộc Ủy ban nhân dân huyện Thử');
    expect(sheet.getCell('A3').value).toBe('Số liệu tính đến 23 giờ 59 ngày 31/12/2024.');
    expect(sheet.getCell(5, column('Số báo cáo phải nộp')).value).toBe('Chế độ báo cáo');
    expect(sheet.getCell(6, column('Số báo cáo phải nộp')).value).toBe('Số báo cáo phải nộp');
  });

  it("writes each unit's figures as numbers under its khối, with the group's and the overall totals", () => {
    const sheet = book.getWorksheet('Đánh giá đơn vị')!;
    const pos = evaluationPositions(model);
    const line = (code: string, header: string) =>
      sheet.getCell(pos.unitRows.get(code)!, column(header)).value;
    expect(sheet.getCell(pos.unitRows.get('NV')! - 1, 1).value).toBe('I. Các ban, ngành thuộc UBND huyện');
    expect(
      [
        'Đơn vị',
        'Số báo cáo phải nộp',
        'Đúng hạn',
        'Trễ hạn',
        'Tổng số ngày làm việc trễ',
        'Bị trả lại, đã sửa',
        'Điểm',
        'Xếp loại',
        'Xếp hạng',
      ].map((h) => line('NV', h)),
    ).toEqual(['Phòng Nội vụ', 5, 3, 2, 3, 1, 90, 'Xuất sắc', 2]);
    expect(
      ['Quá hạn chưa hoàn thành', 'Bị trả lại, chưa sửa', 'Điểm', 'Xếp hạng trong khối'].map((h) =>
        line('X1', h),
      ),
    ).toEqual([1, 1, 30, 3]);
    expect(line('X2', 'Ghi chú')).toBe('Sáp nhập vào UBND xã Ba từ ngày 01/07/2024');
    const xa = pos.groupTotalRows.get('xa')!;
    expect([2, column('Số báo cáo phải nộp'), column('Điểm')].map((c) => sheet.getCell(xa, c).value)).toEqual(
      ['Cộng', 11, 68.33],
    );
    expect(
      [2, column('Số báo cáo phải nộp'), column('Trễ hạn'), column('Số nhiệm vụ đến hạn')].map(
        (c) => sheet.getCell(pos.totalRow, c).value,
      ),
    ).toEqual(['Tổng cộng', 21, 5, 4]);
    const notes = [1, 2, 3, 4].map((i) => sheet.getCell(pos.firstNoteRow + i, 1).text);
    expect(notes[0]).toBe(
      '- Cách tính điểm (thang 100 điểm): mỗi báo cáo đúng hạn được 100%, trễ hạn 50%, chưa nộp 0% số điểm; mỗi ' +
        'nhiệm vụ đúng hạn được 100%, trễ hạn 50%, quá hạn 0% số điểm. Điểm của đơn vị là tỷ lệ điểm đạt được trên ' +
        'số báo cáo, nhiệm vụ đến hạn, với trọng số báo cáo : nhiệm vụ = 1 : 1.',
    );
    expect(notes[3]).toBe(
      '- Thay đổi đơn vị trong kỳ: UBND xã Hai sáp nhập vào UBND xã Ba từ ngày 01/07/2024.',
    );
  });

  it("links each unit's line to its figures per directive, and those to the directives' spreadsheets", () => {
    const units = book.getWorksheet('Đánh giá đơn vị')!;
    const details = book.getWorksheet('Chi tiết theo văn bản')!;
    const link = units.getCell(evaluationPositions(model).unitRows.get('TP')!, column('Văn bản')).value as {
      text: string;
      hyperlink: string;
    };
    expect(link.text).toBe('3 văn bản');
    const row = Number(/!A(\d+)$/.exec(link.hyperlink)![1]);
    expect(link.hyperlink).toBe(`#'Chi tiết theo văn bản'!A${row}`);
    const block = [0, 1, 2].map((i) => details.getRow(row + i));
    expect(block.map((r) => (r.getCell(1).value as { text: string }).text)).toEqual([
      'Phòng Tư pháp',
      'Phòng Tư pháp',
      'Phòng Tư pháp',
    ]);
    expect(
      block.map((r) => [r.getCell(2).value, r.getCell(4).value, r.getCell(6).value, r.getCell(9).value]),
    ).toEqual([
      ['10/UBND-NV', 4, 1, 0], // 4 quarterly reports due, 1 late (Q3)
      ['25/UBND-VP', 1, 1, 0], // the report before Tết, late
      ['80/KH-UBND', 0, 0, 1], // its task
    ]);
    expect((block[0]!.getCell(15).value as { hyperlink: string }).hyperlink).toBe(
      'https://docs.google.com/spreadsheets/d/sheet-r1-bao-cao-quy/edit',
    );
    const directives = book.getWorksheet('Văn bản')!;
    expect([2, 3, 4].map((r) => directives.getCell(r, 2).value)).toEqual([
      '10/UBND-NV',
      '25/UBND-VP',
      '80/KH-UBND',
    ]);
  });
});
