// Validating a 1,000-unit × 20-column sheet must take milliseconds; this asserts a generous bound and prints the figure.
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '@theodoi/sheets-schema/registry';
import { cchcTuyenTruyen } from '@theodoi/sheets-schema/templates/cchc-tuyen-truyen';
import { rowHash } from '@theodoi/functions/domain/validation/row-hash';
import { createRowValidator } from '@theodoi/functions/domain/validation/validate-row';

// cchc-tuyen-truyen without its last column: exactly 20 columns of realistic types.
const template = parseTemplate({
  ...cchcTuyenTruyen,
  id: 'cchc-20-cot',
  columns: cchcTuyenTruyen.columns.slice(0, 20),
});

/** What 1,000 units typed: mostly sheet numbers, some Vietnamese-formatted text, a mistake in 1 row out of 20. */
function sheet(): Array<Record<string, unknown>> {
  return Array.from({ length: 1000 }, (_, i) => {
    const row: Record<string, unknown> = {};
    template.columns.forEach((column, j) => {
      const mistake = i % 20 === 0 && j === i % 7;
      switch (column.type) {
        case 'integer':
          row[column.key] = mistake ? `${j} buổi` : i % 3 === 0 ? `${(i * 7) % 1000}` : (i + j) % 500;
          break;
        case 'money':
          row[column.key] = i % 2 === 0 ? '1.500.000 đ' : 2_000_000 + i;
          break;
        case 'url':
          row[column.key] = mistake ? 'xem hồ sơ' : `https://drive.google.com/drive/folders/${i}`;
          break;
        default:
          row[column.key] = mistake ? '\u0007' : `Đơn vị ${i}: nội dung cột ${column.header}`;
      }
    });
    return row;
  });
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

describe('validation speed', () => {
  it('validates 1,000 rows × 20 columns well under 200 ms', () => {
    expect(template.columns).toHaveLength(20);
    const rows = sheet();
    const validator = createRowValidator(template);
    const validateOnly: number[] = [];
    const withHash: number[] = [];
    let invalid = 0;
    let first = Number.NaN;
    for (let run = 0; run < 15; run++) {
      const t0 = performance.now();
      const verdicts = rows.map((row) => validator.validate(row));
      const t1 = performance.now();
      for (const verdict of verdicts) rowHash(verdict.values);
      const t2 = performance.now();
      invalid = verdicts.filter((v) => v.status === 'invalid').length;
      if (run === 0) first = t2 - t0;
      if (run >= 5) {
        validateOnly.push(t1 - t0);
        withHash.push(t2 - t0);
      }
    }
    const payload = JSON.stringify(rows.map((row) => Object.values(row)));
    const j0 = performance.now();
    JSON.parse(payload);
    const jsonParse = performance.now() - j0;
    console.log(
      `1,000 × 20 cells: validate ${median(validateOnly).toFixed(1)} ms (best ${Math.min(...validateOnly).toFixed(1)}),` +
        ` validate + rowHash ${median(withHash).toFixed(1)} ms (first, cold run ${first.toFixed(1)} ms);` +
        ` JSON.parse of the payload ${jsonParse.toFixed(1)} ms;` +
        ` ${invalid} rows invalid`,
    );
    expect(invalid).toBeGreaterThanOrEqual(50);
    expect(median(withHash)).toBeLessThan(200);
  });
});
