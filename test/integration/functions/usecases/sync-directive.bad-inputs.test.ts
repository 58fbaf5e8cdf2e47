// The bad-input corpus through real syncs: no crash, every row gets a Vietnamese verdict, and what was
// accepted is never overwritten by what was rejected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import { reportColumns } from '@theodoi/functions/sheets/layout/report-tab';
import { columnLetters } from '@theodoi/functions/sheets/layout/a1';
import { BAD_INPUTS, type BadInput } from '../../../fixtures/bad-inputs.js';
import { startWorld, type World } from '@theodoi/test-kit/world';

const TAB = "'Quý I/2024'";
const template = loadTemplate('cchc-tuyen-truyen@1');
const columns = reportColumns(template);
const inputs = columns.filter((c) => !c.system);
const firstInput = columns.findIndex((c) => !c.system);
const lastInput = firstInput + inputs.length - 1;
const STATUS = columnLetters(columns.findIndex((c) => c.key === '_status'));

const VALID: Record<string, string> = {
  so_van_ban: '2',
  van_ban_ban_hanh: 'Kế hoạch số 15/KH-UBND',
  so_hoi_nghi: '3',
  luot_tham_du_hoi_nghi: '120',
  so_tin_bai: '5',
  so_tin_truyen_thanh: '4',
  so_tuyen_truyen_truc_quan: '6',
  so_bai_mang_xa_hoi: '10',
  so_to_roi: '200',
  so_cuoc_thi_tap_huan: '0',
  so_mo_hinh_sang_kien: '0',
  kinh_phi: '1500000',
  uu_diem: 'Kịp thời',
  nguoi_bao_cao: 'Nguyễn Văn An',
  dien_thoai: '0277 3838 288',
};
const VERDICT = /^(✔ Đã tiếp nhận|✖ Có lỗi \(\d+\) — xem ghi chú|… Chưa đủ \(\d+ mục\) — xem ghi chú)$/;

describe(`the bad-input corpus (${BAD_INPUTS.length} inputs) through real syncs`, () => {
  let world: World;
  const rowOfUnit = (i: number) => 5 + i;
  const units = () => world.spec.recipients;

  async function typeRows(
    rows: { row: number; cells: Record<string, string>; as: 'USER_ENTERED' | 'RAW' }[],
  ) {
    for (const as of ['USER_ENTERED', 'RAW'] as const) {
      const data = rows
        .filter((r) => r.as === as)
        .map((r) => ({
          range: `${TAB}!${columnLetters(firstInput)}${r.row}:${columnLetters(lastInput)}${r.row}`,
          values: [inputs.map((c) => r.cells[c.key] ?? '')],
        }));
      if (data.length > 0) {
        await world.clients.sheets.spreadsheets.values.batchUpdate({
          spreadsheetId: world.directive.spreadsheetId,
          requestBody: { valueInputOption: as, data },
        });
      }
    }
  }

  beforeAll(async () => {
    world = await startWorld('corpus');
    await typeRows(units().map((_, i) => ({ row: rowOfUnit(i), cells: VALID, as: 'USER_ENTERED' as const })));
    const first = await world.sync('baseline');
    expect(first.counts).toMatchObject({ valid: 25 });
  });
  afterAll(async () => world?.close());

  const batches: BadInput[][] = [];
  for (let i = 0; i < BAD_INPUTS.length; i += 25) batches.push(BAD_INPUTS.slice(i, i + 25));

  batches.forEach((batch, b) =>
    it(`batch ${b + 1}: ${batch.map((x) => x.name).join('; ')}`, async () => {
      await typeRows(
        batch.map((input, i) => ({
          row: rowOfUnit(i),
          cells: { ...VALID, [input.column]: input.typed },
          as: input.as ?? 'USER_ENTERED',
        })),
      );
      world.clock.advance(60_000);
      const outcome = await world.sync(`corpus-${b + 1}`);
      expect(outcome.result).toBe('synced');

      const spreadsheet = await world.clients.sheets.spreadsheets.get({
        spreadsheetId: world.directive.spreadsheetId,
        ranges: [`${TAB}!${STATUS}5:${STATUS}${4 + batch.length}`],
        includeGridData: true,
        fields: 'sheets.data.rowData.values(formattedValue,note)',
      });
      const cells = spreadsheet.data.sheets?.[0]?.data?.[0]?.rowData ?? [];
      const reports = (await world.deps.db.collection(`directives/${world.spec.id}/reports`).get()).docs;
      for (const [i, input] of batch.entries()) {
        const cell = cells[i]?.values?.[0];
        expect(cell?.formattedValue, input.name).toMatch(VERDICT);
        if (!cell?.formattedValue?.startsWith('✔')) {
          expect(cell?.note, input.name).toMatch(/^(Cần sửa|Còn thiếu):\n• Cột "/);
        }
        // Whatever was typed, the accepted figures are those of a valid version.
        const doc = reports.find((d) => d.get('unitCode') === units()[i])!;
        const acceptedVersion = doc.get('acceptedVersion') as number;
        const version = await doc.ref
          .collection('versions')
          .doc(String(acceptedVersion).padStart(6, '0'))
          .get();
        expect(version.get('status'), input.name).toBe('valid');
        expect(doc.get('acceptedValues'), input.name).toEqual(version.get('values'));
      }
    }, 60_000),
  );
});
