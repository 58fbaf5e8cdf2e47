// The "Đánh giá đơn vị" tab as one batchUpdate: accepted by the Sheets emulator (Google's discovery contract) on a new
// tab and again over itself, read back with each unit's figures, its directives linked, the ranking and the chart;
// values only; by khối when there are too many units for a chart; and the same requests whenever only the time of
// the rewrite differs, so the dashboard's fingerprint skips an unchanged rewrite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import {
  buildEvaluation,
  DEFAULT_RUBRIC,
  yearRange,
  type EvaluationModel,
} from '@theodoi/functions/domain/evaluation/index';
import {
  chartsUnits,
  EVALUATION_CHART_ID,
  EVALUATION_SHEET_ID,
  evaluationRequests,
  evaluationTabPositions,
  evaluationTabProperties,
} from '@theodoi/functions/sheets/layout/evaluation-layout';
import { start, type EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor, type Clients } from '@theodoi/test-kit/clients';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';
import {
  YEAR_EVALUATION_DIRECTIVES,
  YEAR_ORGANISATION,
  yearModel,
  yearObligations,
} from '../../../../fixtures/evaluation-year.js';
import { syntheticYear } from '../../../../fixtures/synthetic-obligations.js';

const model = yearModel('2025-03-01 09:00');
const target = { sheetId: EVALUATION_SHEET_ID, existingChartIds: [] };
const timeless = (m: EvaluationModel) =>
  JSON.stringify(evaluationRequests({ ...m, generatedAt: new Date(0) }, target));

describe('evaluationRequests on the Sheets emulator', () => {
  let server: EmulatorServer;
  let sa: Clients;
  let spreadsheetId: string;
  beforeAll(async () => {
    server = await start();
    // The coordinator owns the dashboard spreadsheet (a service account cannot, decision 003).
    sa = clientsFor(server, 'dieu.phoi.thapmuoi@gmail.com', { retry: false });
    const created = await sa.sheets.spreadsheets.create({
      requestBody: {
        properties: { title: 'Theo dõi', locale: 'vi_VN' },
        sheets: [{ properties: evaluationTabProperties(0) }],
      },
    });
    spreadsheetId = created.data.spreadsheetId!;
  });
  afterAll(async () => server?.stop());

  it('writes the tab in one batchUpdate, then rewrites it over its own chart', async () => {
    server.resetCounters();
    await sa.sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: { requests: evaluationRequests(model, target) },
    });
    await sa.sheets.spreadsheets.batchUpdate({
      spreadsheetId,
      requestBody: {
        requests: evaluationRequests(model, { ...target, existingChartIds: [EVALUATION_CHART_ID] }),
      },
    });
    expect(server.counters().methods).toEqual({ 'sheets.spreadsheets.batchUpdate': 2 });
    const got = await sa.sheets.spreadsheets.get({
      spreadsheetId,
      fields: 'sheets(properties.title,charts.chartId)',
    });
    expect(got.data.sheets?.[0]).toEqual({
      properties: { title: 'Đánh giá đơn vị' },
      charts: [{ chartId: EVALUATION_CHART_ID }],
    });
  });

  it("reads back each unit's figures, score and ranks under its khối, and the ranking", async () => {
    const pos = evaluationTabPositions(model);
    const values = (
      await sa.sheets.spreadsheets.values.get({
        spreadsheetId,
        range: `'Đánh giá đơn vị'!A1:U${pos.rowCount}`,
        valueRenderOption: 'UNFORMATTED_VALUE',
      })
    ).data.values!;
    expect(values[0]![0]).toBe('ĐÁNH GIÁ ĐƠN VỊ — NĂM 2024');
    expect(values[pos.groupHeadingRows.get('xa')!]![0]).toBe('II. UBND các xã');
    const tp = values[pos.unitRows.get('TP')!]!;
    // STT, name, reports due, on time, late, days late, missing at the deadline, still missing, tasks due, on time,
    // late, overdue, corrected, awaiting correction, extended, score, grade, rank, rank in khối.
    expect(tp.slice(0, 19)).toEqual([
      2,
      'Phòng Tư pháp',
      5,
      2,
      2,
      5,
      3,
      1,
      1,
      0,
      1,
      0,
      0,
      0,
      1,
      55,
      'Trung bình',
      4,
      2,
    ]);
    expect(tp[20]).toBe('10/UBND-NV; 25/UBND-VP; 80/KH-UBND');
    expect(values[pos.unitRows.get('X2')!]![19]).toBe('Sáp nhập vào UBND xã Ba từ ngày 01/07/2024');
    expect(values[pos.totalRow]!.slice(1, 4)).toEqual(['Tổng cộng', 21, 13]);
    expect(
      values.slice(pos.rankingHeading + 2, pos.rankingHeading + 7).map((r: unknown[]) => [r[0], r[1], r[3]]),
    ).toEqual([
      [1, 'UBND xã Ba', 100],
      [2, 'Phòng Nội vụ', 90],
      [3, 'UBND xã Hai', 75],
      [4, 'Phòng Tư pháp', 55],
      [5, 'UBND xã Một', 30],
    ]);
  });

  it("links each directive number of a unit's line to the directive's spreadsheet", async () => {
    const row = evaluationTabPositions(model).unitRows.get('TP')!;
    const got = await sa.sheets.spreadsheets.get({
      spreadsheetId,
      ranges: [`'Đánh giá đơn vị'!U${row + 1}`],
      fields: 'sheets.data.rowData.values.textFormatRuns',
    });
    const runs = got.data.sheets?.[0]?.data?.[0]?.rowData?.[0]?.values?.[0]?.textFormatRuns ?? [];
    expect(
      runs.flatMap((r) => (r.format?.link?.uri ? [[r.startIndex ?? 0, r.format.link.uri]] : [])),
    ).toEqual([
      [0, 'https://docs.google.com/spreadsheets/d/sheet-r1-bao-cao-quy/edit'],
      [12, 'https://docs.google.com/spreadsheets/d/sheet-r2-bao-cao-tet/edit'],
      [24, 'https://docs.google.com/spreadsheets/d/sheet-t1-nhiem-vu/edit'],
    ]);
  });
});

describe('evaluationRequests, purely', () => {
  it('draws one bar per unit from the ranking, or the khối averages when there are too many units', () => {
    const chart = (m: EvaluationModel) =>
      evaluationRequests(m, target).find((r) => r.addChart)!.addChart!.chart!;
    expect(chartsUnits(model)).toBe(true);
    expect(chart(model).spec?.title).toBe('Điểm đánh giá của các đơn vị');
    const pos = evaluationTabPositions(model);
    expect(chart(model).spec?.basicChart?.domains?.[0]?.domain?.sourceRange?.sources?.[0]).toMatchObject({
      startRowIndex: pos.rankingHeading + 2,
      endRowIndex: pos.rankingHeading + 7,
      startColumnIndex: 1,
    });
    const calendar = createCalendar();
    const big = syntheticYear(
      { year: 2024, directives: 8, units: 120, seed: 5, tasksPerDirective: 3 },
      calendar,
    );
    const province = buildEvaluation({
      ...big,
      range: yearRange(2024),
      now: new Date('2025-01-05T00:00:00Z'),
      calendar,
      rubric: DEFAULT_RUBRIC,
    });
    expect(chartsUnits(province)).toBe(false);
    expect(chart(province).spec?.title).toBe('Điểm bình quân theo khối');
  });

  it('writes names as strings, never formulas', () => {
    const calendar = createCalendar();
    const units = YEAR_ORGANISATION.units.map((u) =>
      u.code === 'NV' ? { ...u, name: '=IMPORTXML("http://x","//a")' } : u,
    );
    const tricky = buildEvaluation({
      organisation: parseOrganisation({ ...YEAR_ORGANISATION, units }),
      directives: YEAR_EVALUATION_DIRECTIVES,
      obligations: yearObligations(calendar),
      range: yearRange(2024),
      now: new Date('2025-01-05T00:00:00Z'),
      calendar,
      rubric: DEFAULT_RUBRIC,
    });
    const cells = JSON.stringify(evaluationRequests(tricky, target));
    expect(cells).toContain('"stringValue":"=IMPORTXML(\\"http://x\\",\\"//a\\")"');
    expect(cells).not.toContain('formulaValue');
  });

  it('is the same apart from the time line while nothing happens, and changes when a report comes in', () => {
    expect(timeless(yearModel('2025-03-01 09:00'))).toBe(timeless(yearModel('2025-06-01 09:00')));
    expect(timeless(yearModel('2024-06-18 12:00'))).toBe(timeless(yearModel('2024-06-18 13:00')));
    // Phòng Nội vụ's Q2 report arrived at 16:00.
    expect(timeless(yearModel('2024-06-18 17:00'))).not.toBe(timeless(yearModel('2024-06-18 13:00')));
  });
});
