/**
 * The evaluation of a province's year in a fresh process (bench/evaluation.ts runs it): synthetic obligations held in
 * memory as the loader leaves them, then the tally, scores and ranks, and the "Đánh giá đơn vị" tab's requests with
 * the dashboard's fingerprint. Prints one line of figures.
 */
import { createHash } from 'node:crypto';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { buildEvaluation, DEFAULT_RUBRIC, yearRange } from '@theodoi/functions/domain/evaluation/index';
import { EVALUATION_SHEET_ID, evaluationRequests } from '@theodoi/functions/sheets/layout/evaluation-layout';
import { syntheticYear } from '../test/fixtures/synthetic-obligations.js';

/** The marker of the figures' line on stdout. */
export const EVALUATION_MARK = 'BENCH-EVALUATION ';

const [directives, units] = process.argv.slice(2).map(Number) as [number, number];
const calendar = createCalendar();
const started = performance.now();
const year = syntheticYear({ year: 2024, directives, units, seed: 2024 }, calendar);
const generatedMs = performance.now() - started;
globalThis.gc?.();
const heapWithObligations = process.memoryUsage().heapUsed;

const tallyStarted = performance.now();
const model = buildEvaluation({
  ...year,
  range: yearRange(2024),
  now: new Date('2025-01-10T02:00:00Z'),
  calendar,
  rubric: DEFAULT_RUBRIC,
});
const tallyMs = performance.now() - tallyStarted;
const heapAfterTally = process.memoryUsage().heapUsed;

const tabStarted = performance.now();
const requests = evaluationRequests(model, { sheetId: EVALUATION_SHEET_ID, existingChartIds: [] });
const fingerprint = createHash('sha256')
  .update(
    JSON.stringify(
      evaluationRequests(
        { ...model, generatedAt: new Date(0) },
        { sheetId: EVALUATION_SHEET_ID, existingChartIds: [] },
      ),
    ),
  )
  .digest('base64url');
const tabMs = performance.now() - tabStarted;

process.stdout.write(
  `\n${EVALUATION_MARK}${JSON.stringify({
    obligations: year.obligations.length,
    rowsDue: model.totals.reportsDue + model.totals.tasksDue,
    units: model.groups.reduce((n, g) => n + g.rows.length, 0),
    generatedMs,
    tallyMs,
    tabMs,
    requests: requests.length,
    fingerprint: fingerprint.length,
    heapWithObligationsBytes: heapWithObligations,
    heapAfterTallyBytes: Math.max(heapAfterTally, process.memoryUsage().heapUsed),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
