// A values.batchGet of a 10,000-row × 30-column sheet answers well under a second (through the real server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetsHandler } from '@theodoi/sheets-emulator/sheets/index';
import type { SheetsHandler } from '@theodoi/sheets-emulator/types';
import type { Harness } from '../../../support/sheets-harness.js';
import { createSpreadsheet, startHarness, stopHarness } from '../../../support/sheets-harness.js';

const ROWS = 10_000;
const COLS = 30;
let h: Harness;
let id: string;
let handleMs = 0;

/** The real Sheets half, timing each call so the figure can be split between it and the shell + client. */
const timed: SheetsHandler = {
  ...sheetsHandler,
  handle(call, ctx) {
    const t0 = performance.now();
    const out = sheetsHandler.handle(call, ctx);
    handleMs = performance.now() - t0;
    return out;
  },
};

beforeAll(async () => {
  h = await startHarness({ sheets: timed });
  id = await createSpreadsheet(h.sheets, {
    properties: { title: 'Lớn', locale: 'vi_VN' },
    sheets: [{ properties: { title: 'Đơn vị', gridProperties: { rowCount: ROWS, columnCount: COLS } } }],
  });
  const values = Array.from({ length: ROWS }, (_, r) =>
    Array.from({ length: COLS }, (_, c) =>
      c % 3 === 0 ? `U${r}-${c}` : c % 3 === 1 ? r * c + 0.5 : `Xã ${r} cột ${c}`,
    ),
  );
  await h.sheets.spreadsheets.values.update({
    spreadsheetId: id,
    range: "'Đơn vị'!A1",
    valueInputOption: 'RAW',
    requestBody: { values },
  });
}, 60_000);
afterAll(async () => {
  await stopHarness(h);
});

describe('a 10,000 × 30 sheet', () => {
  it('values.batchGet answers in well under a second', async () => {
    await h.sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ["'Đơn vị'!A1:B2"] }); // warm up
    const times: number[] = [];
    const handled: number[] = [];
    let last: unknown[][] | undefined;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const res = await h.sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ["'Đơn vị'"] });
      times.push(performance.now() - t0);
      handled.push(handleMs);
      last = res.data.valueRanges?.[0]?.values ?? undefined;
    }
    const best = Math.min(...times);
    const bestHandle = Math.min(...handled);
    const ms = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(' / ');
    console.info(
      `values.batchGet 10,000×30 through the googleapis client: ${ms(times)} ms (best ${best.toFixed(0)} ms); ` +
        `of which the Sheets half: ${ms(handled)} ms`,
    );
    expect(last?.length).toBe(ROWS);
    expect(last?.[9_999]?.[1]).toBe('9999,5');
    expect(last?.[42]?.[29]).toBe('Xã 42 cột 29');
    expect(bestHandle).toBeLessThan(300);
    expect(best).toBeLessThan(900);
    expect(times.length).toBe(5);
  });
});
