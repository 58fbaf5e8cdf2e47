// The evaluation annex: packed to .docx and read back with mammoth (text) and from its XML (page): "Phụ lục", the
// title, "Kèm theo Báo cáo", each unit's figures, score, grade and rank, the totals, the notes; A4 landscape with a
// table no wider than the page between Decree 30's margins.
import { Packer } from 'docx';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANNEX_COLUMNS } from '@theodoi/functions/domain/evaluation/table';
import { ANNEX_TEXT_WIDTH, annexWidths, evaluationAnnex } from '@theodoi/cli/reports/evaluation-docx';
import { yearModel } from '../../../fixtures/evaluation-year.js';

const model = yearModel('2025-03-01 09:00');

describe('evaluationAnnex', () => {
  let data: Buffer;
  let lines: string[];
  beforeAll(async () => {
    data = await Packer.toBuffer(evaluationAnnex(model, { symbol: 'BC-NV', name: 'Phòng Nội vụ' }));
    lines = (await mammoth.extractRawText({ buffer: data })).value
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  });

  it('opens as a Decree 30 annex: "Phụ lục", the title, what it is attached to, when the figures stand', () => {
    expect(lines.slice(0, 5)).toEqual([
      'Phụ lục',
      'KẾT QUẢ THỰC HIỆN CHẾ ĐỘ BÁO CÁO VÀ NHIỆM VỤ ĐƯỢC GIAO NĂM 2024',
      'của các cơ quan, đơn vị thuộc Ủy ban nhân dân huyện Thử',
      '(Kèm theo Báo cáo số        /BC-NV ngày      tháng      năm         của Phòng Nội vụ)',
      'Số liệu tính đến 23 giờ 59 ngày 31/12/2024.',
    ]);
  });

  it("prints each unit's line with its figures, score, grade and rank, and the merger under the unit's name", () => {
    const at = lines.indexOf('Phòng Tư pháp');
    // STT, name, reports due, on time, late, days late, missing at the deadline, still missing, tasks due, on time,
    // late, overdue, corrected, extended, score, grade, rank.
    expect(lines.slice(at - 1, at + 16)).toEqual([
      '2',
      'Phòng Tư pháp',
      '5',
      '2',
      '2',
      '5',
      '3',
      '1',
      '1',
      '0',
      '1',
      '0',
      '0',
      '1',
      '55',
      'Trung bình',
      '4',
    ]);
    const x2 = lines.indexOf('UBND xã Hai');
    expect(lines[x2 + 1]).toBe('(Sáp nhập vào UBND xã Ba từ ngày 01/07/2024)');
    expect(lines[x2 + 2]).toBe('2');
    const total = lines.lastIndexOf('Tổng cộng');
    expect(lines.slice(total + 1, total + 4)).toEqual(['21', '13', '5']);
    expect(lines).toContain('II. UBND các xã');
    expect(lines).toContain(
      '- Thay đổi đơn vị trong kỳ: UBND xã Hai sáp nhập vào UBND xã Ba từ ngày 01/07/2024.',
    );
  });

  it('is A4 landscape and its table fits between the margins', async () => {
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(data)).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const widths = annexWidths(ANNEX_COLUMNS);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(ANNEX_TEXT_WIDTH);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(500);
  });
});
