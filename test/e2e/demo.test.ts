// `npm run demo`'s scenario in CI mode: the quarter ends with the figures the scenario was written to produce.
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../scripts/demo/run-demo.js';

describe('the Tháp Mười demo quarter', () => {
  it('ends with 20 units on time, 2 late, 3 overdue and no errors left', async () => {
    const lines: string[] = [];
    const result = await runDemo((line) => lines.push(line));
    try {
      expect(result.statuses['dung-han']).toHaveLength(20);
      expect(result.statuses['tre-han'].sort()).toEqual(['30070', 'LDTBXH']);
      expect(result.statuses['qua-han'].sort()).toEqual(['30061', '30073', 'YT']);
      expect(result.statuses['co-loi']).toEqual([]);
      expect(lines.at(-1)).toBe(
        'Tính đến 08 giờ 00 ngày 22/3/2024: 22/25 đơn vị đã báo cáo, trong đó 20 đúng hạn, 2 trễ hạn; ' +
          '3 đơn vị quá hạn chưa báo cáo (Phòng Y tế, UBND xã Đốc Binh Kiều, UBND xã Thanh Mỹ).',
      );
      expect(lines.filter((l) => l.includes('✖ Có lỗi (1)'))).toHaveLength(3);
      // Every officer edit is followed by one sync: one read and at most one write each.
      expect(result.sheetsCalls['sheets.spreadsheets.values.batchGetByDataFilter']).toBe(result.edits);
      expect(result.sheetsCalls['sheets.spreadsheets.batchUpdate']).toBeLessThanOrEqual(result.edits + 1);
    } finally {
      await result.emulators.stop();
    }
  }, 120_000);
});
