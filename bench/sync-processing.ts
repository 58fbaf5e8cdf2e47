/**
 * Measures our processing of one sync (the tab from the answer, its layout, rows by marker, validation, diff,
 * summary model) against JSON.parse of the same payload. Pure code only: no Sheets or Firestore call.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { ScheduleSchema } from '@theodoi/functions/domain/periods/schedule';
import { periodOf } from '@theodoi/functions/domain/periods/index';
import {
  buildSummaryModel,
  type SummaryReport,
  type SummaryUnit,
} from '@theodoi/functions/domain/summary/index';
import { planSync, type StoredReportState, type SyncPlan } from '@theodoi/functions/domain/sync/plan-sync';
import { rawCellsHasher } from '@theodoi/functions/domain/sync/raw-cells-hash';
import { unitRows, type UnitRow } from '@theodoi/functions/domain/sync/report-rows';
import { resolveLayout } from '@theodoi/functions/domain/sync/tab-layout';
import { buildRowReader } from '@theodoi/functions/domain/validation/row-schema';
import { createRowValidator, type RowValidator } from '@theodoi/functions/domain/validation/validate-row';
import type { CellValue } from '@theodoi/functions/domain/values/cell';
import { tabFromAnswer } from '@theodoi/functions/sheets/api/read-report-tabs';
import {
  FIRST_UNIT_ROW,
  reportColumns,
  reportTabLayout,
  SYSTEM_KEYS,
} from '@theodoi/functions/sheets/layout/report-tab';
import { statusText } from '@theodoi/functions/sheets/layout/status-cells';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import { round, type Row } from './row.js';

/** One size's figures. */
export interface SyncFigures {
  units: number;
  columns: number;
  payloadBytes: number;
  jsonParseMs: number;
  processingMs: number;
  ratio: number;
  unchangedProcessingMs: number;
  /** The summary model's share of `processingMs`. */
  summaryModelMs: number;
  /** The changed sync's processing stage by stage (each timed alone, on the same payload and rows). */
  stages: Stage[];
}

/** One stage of a sync's processing: its median time and its ratio to JSON.parse of the payload. */
export interface Stage {
  name: string;
  ms: number;
  ratio: number;
}

const template = loadTemplate('cchc-tuyen-truyen@1');
const calendar = createCalendar();
const schedule = ScheduleSchema.parse({
  kind: 'quarterly',
  first: '2024-Q1',
  last: '2024-Q4',
  deadline: { type: 'working-days-after-cutoff', days: 2 },
});
const period = periodOf(schedule, '2024-Q1', calendar);
const now = new Date('2024-04-02T02:00:00Z');

function cellFor(type: string, unit: number, column: number): CellValue {
  switch (type) {
    case 'integer':
    case 'money':
      return (unit * 7 + column) % 500;
    case 'url':
      return `https://donvi${unit}.example.vn/cchc`;
    case 'phone':
      return `0277 38${String(unit % 100).padStart(2, '0')} ${String(100 + (unit % 900)).padStart(3, '0')}`;
    default:
      return `Nội dung báo cáo của đơn vị ${unit}, cột ${column}: tuyên truyền cải cách hành chính.`;
  }
}

/**
 * The getByDataFilter answer a sync of `units` rows would receive (the fields the sync asks for), as JSON text;
 * `status` fills the status column. Every column and unit row carries its PROJECT marker.
 */
function payload(units: number, status: (unit: number) => string = () => ''): string {
  const keys = reportColumns(template).map((c) => c.key);
  const meta = (id: number, key: string, value: string) => ({
    developerMetadata: [{ metadataId: id, metadataKey: key, metadataValue: value, visibility: 'PROJECT' }],
  });
  const text = (v: string) => ({ userEnteredValue: { stringValue: v } });
  const cell = (v: CellValue) =>
    typeof v === 'number' ? { userEnteredValue: { numberValue: v } } : text(String(v ?? ''));
  const rowData = [
    { values: [text('KẾT QUẢ …')] },
    { values: [text('Hạn báo cáo …')] },
    {},
    { values: keys.map((k) => text(k)) },
    ...Array.from({ length: units }, (_, u) => ({
      values: keys.map((key, k) => {
        const column = template.columns.find((c) => c.key === key);
        if (key === SYSTEM_KEYS.code) return text(`U${u}`);
        if (key === SYSTEM_KEYS.name) return text(`UBND xã ${u}`);
        if (key === SYSTEM_KEYS.status) return status(u) === '' ? {} : text(status(u));
        if (key === SYSTEM_KEYS.deadline) return text('Chưa đến hạn');
        if (key === SYSTEM_KEYS.updatedAt) return text('09:40 12/03/2024');
        return cell(cellFor(column!.type, u, k));
      }),
    })),
  ];
  const sheet = {
    properties: {
      sheetId: 1000,
      title: 'Quý I/2024',
      gridProperties: { rowCount: units + 4, columnCount: keys.length },
    },
    developerMetadata: [
      { metadataId: 1, metadataKey: 'theodoi.tab', metadataValue: 'report:2024-Q1', visibility: 'PROJECT' },
    ],
    data: [
      {
        rowMetadata: Array.from({ length: units + 4 }, (_, r) =>
          r < 4 ? {} : meta(100 + r, 'theodoi.row', `U${r - 4}`),
        ),
        columnMetadata: keys.map((key, k) => meta(10 + k, 'theodoi.column', `2024-Q1/${key}`)),
        rowData,
      },
    ],
  };
  return JSON.stringify({ sheets: [sheet] });
}

function median(run: () => void, times = 7): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

function best(run: () => void, times: number): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - t);
  }
  return fastest;
}

/**
 * The reports a sync leaves in Firestore for units that had none, as the summary reads them back: what
 * store/reports.ts writes for a first version (accepted figures when valid, submitted now when valid).
 */
function freshReports(plan: SyncPlan): Map<string, SummaryReport> {
  return new Map(
    plan.changes.map((c) => {
      const valid = c.status === 'valid';
      return [
        c.unitCode,
        {
          status: c.status,
          errors: c.errors,
          acceptedValues: valid ? c.values : null,
          firstSubmittedAt: valid ? now : null,
          lastChangedAt: now,
        },
      ];
    }),
  );
}

/** Figures for one directive size. */
export function measureSync(units: number): SyncFigures {
  let text = payload(units);
  const validator = createRowValidator(template, { referenceYear: 2024 });
  const inputs = template.columns.map((c) => c.key);
  const summaryUnits: SummaryUnit[] = Array.from({ length: units }, (_, u) => ({
    code: `U${u}`,
    name: `UBND xã ${u}`,
    group: 'xa',
    contact: { person: `Đầu mối ${u}`, phone: '0277 3821 101' },
  }));
  const directive = {
    id: 'bench',
    number: '15/KH-UBND',
    date: '2024-02-05',
    issuer: 'Ủy ban nhân dân huyện Tháp Mười',
    subject: 'tuyên truyền cải cách hành chính năm 2024',
    recipients: summaryUnits.map((u) => u.code),
  };
  const record = reportTabLayout(
    template,
    summaryUnits.map((u) => ({ key: u.code })),
  );
  const summaryOf = (plan: SyncPlan) =>
    buildSummaryModel({
      directive,
      period,
      template,
      units: summaryUnits,
      groupNames: new Map([['xa', 'UBND các xã, thị trấn']]),
      reports: freshReports(plan),
      now,
      calendar,
    });
  const columns = reportColumns(template).map((c) => c.key);
  const recipients = summaryUnits.map((u) => u.code);
  // What the sync does with the answer: the tab, its layout (markers against the record), rows by marker, the plan.
  const plan = (stored: ReadonlyMap<string, StoredReportState>) => {
    const parsed = JSON.parse(text) as { sheets: sheets_v4.Schema$Sheet[] };
    const rows = readShape(parsed);
    return { rows, plan: planSync(rows, stored, validator, statusText) };
  };
  // The answer's shape mapped to the units' rows: the tab, its layout, the rows by marker.
  const readShape = (parsed: { sheets: sheets_v4.Schema$Sheet[] }) => {
    const tab = tabFromAnswer(parsed.sheets[0]!);
    const layout = resolveLayout({
      expected: { columns, units: recipients },
      record,
      columnMarkers: tab.columnMarkers.map((m) => ({ ...m, names: m.value.slice('2024-Q1/'.length) })),
      rowMarkers: tab.rowMarkers.map((m) => ({ ...m, names: m.value })),
      grid: tab.grid,
      codeKey: SYSTEM_KEYS.code,
      textAt: (r, c) => String(tab.grid.value(r, c) ?? ''),
      trusted: 'PROJECT',
    });
    const { rows } = unitRows(
      tab.grid,
      layout,
      { code: SYSTEM_KEYS.code, status: SYSTEM_KEYS.status, inputs },
      FIRST_UNIT_ROW,
    );
    return rows;
  };
  // The sheet as theodoi leaves it: each row's status cell shows its verdict.
  const verdicts = plan(new Map()).plan.verdicts;
  text = payload(units, (u) => {
    const v = verdicts.get(`U${u}`)!;
    return statusText(v.status, v.errors);
  });
  const first = plan(new Map());
  if (first.plan.changes.length !== units) throw new Error(`expected ${units} changed units`);
  // What Firestore holds after that first sync, as the next sync loads it.
  const written = new Map(first.plan.statusWrites.map((w) => [w.unitCode, w]));
  const stored = new Map<string, StoredReportState>(
    first.plan.changes.map((c) => [
      c.unitCode,
      {
        rawHash: c.rawHash,
        status: c.status,
        errors: c.errors,
        version: c.version,
        sheetHash: written.get(c.unitCode)?.sheetHash ?? null,
        marked: written.get(c.unitCode)?.mark ?? [],
      },
    ]),
  );
  const unchanged = plan(stored).plan;
  if (unchanged.changes.length + unchanged.statusWrites.length > 0) throw new Error('unchanged sync changed');
  // Small sizes (and JSON.parse) run in about a millisecond: more samples, so the median is not one GC pause.
  const times = units <= 100 ? 31 : 7;
  const jsonParseMs = median(() => void JSON.parse(text), 31);
  // A changed sync rebuilds the summary model from the stored reports; an unchanged one writes nothing and
  // builds no summary (usecases/sync-summary.ts), so its processing stops at the plan.
  const processingMs = median(() => void summaryOf(plan(new Map()).plan), times);
  const unchangedProcessingMs = median(() => void plan(stored), times);
  const summaryModelMs = median(() => void summaryOf(first.plan), times);
  // Stages are timed by their best of 15 runs, JSON.parse too: on a shared machine the median of a few-millisecond
  // step is mostly other processes and garbage collections of earlier steps.
  const stages = measureStages({
    time: (run) => best(run, 15),
    jsonParseMs: best(() => void JSON.parse(text), 15),
    parse: () => JSON.parse(text) as { sheets: sheets_v4.Schema$Sheet[] },
    readShape,
    readRow: buildRowReader(template),
    validator,
    plan: (rows) => planSync(rows, new Map(), validator, statusText),
    summary: () => summaryOf(first.plan),
  });
  return {
    units,
    columns: template.columns.length,
    payloadBytes: Buffer.byteLength(text),
    jsonParseMs,
    processingMs,
    ratio: processingMs / jsonParseMs,
    unchangedProcessingMs,
    summaryModelMs,
    stages,
  };
}

/** What timing the stages needs: the sync's own steps, on one payload. */
interface StageSteps {
  time: (run: () => void) => number;
  jsonParseMs: number;
  parse: () => { sheets: sheets_v4.Schema$Sheet[] };
  readShape: (parsed: { sheets: sheets_v4.Schema$Sheet[] }) => UnitRow[];
  readRow: (cells: unknown) => unknown;
  validator: RowValidator;
  plan: (rows: UnitRow[]) => SyncPlan;
  summary: () => unknown;
}

/**
 * A changed sync's processing, stage by stage: each stage timed alone on the same rows (the first sync of every
 * unit). Value parsing is the template's column parsers on each row; validation is the rest of the validator
 * (required values, rules, Vietnamese messages); the plan's bookkeeping is what planSync spends beyond validating,
 * hashing and the status text (the diff against the stored state, the status cells' hashes, the change records).
 */
function measureStages(steps: StageSteps): Stage[] {
  const parsed = steps.parse();
  const rows = steps.readShape(parsed);
  const verdicts = rows.map((r) => steps.validator.validate(r.cells));
  const readShapeMs = steps.time(() => void steps.readShape(parsed));
  const parsingMs = steps.time(() => rows.forEach((r) => steps.readRow(r.cells)));
  const validateMs = steps.time(() => rows.forEach((r) => steps.validator.validate(r.cells)));
  const hashMs = steps.time(() => {
    const hash = rawCellsHasher();
    rows.forEach((r) => hash(r.cells));
  });
  const statusMs = steps.time(() => verdicts.forEach((v) => statusText(v.status, v.errors)));
  const planMs = steps.time(() => void steps.plan(rows));
  const summaryMs = steps.time(() => void steps.summary());
  const stage = (name: string, ms: number): Stage => ({ name, ms, ratio: ms / steps.jsonParseMs });
  return [
    stage('JSON.parse of the answer', steps.jsonParseMs),
    stage('read-shape mapping (tab, layout by markers, rows)', Math.max(0, readShapeMs)),
    stage('value parsing (each cell by its column type)', parsingMs),
    stage('validation (required, rules, messages)', Math.max(0, validateMs - parsingMs)),
    stage('hashing the raw cells (diff, decision 002)', hashMs),
    stage('status text', statusMs),
    stage(
      'plan bookkeeping (diff, status hashes, changes)',
      Math.max(0, planMs - validateMs - hashMs - statusMs),
    ),
    stage('summary model', summaryMs),
  ];
}

/** The processing rows, for 10 to 5,000 units; DESIGN's target is set at 1,000, shown there stage by stage. */
export function syncProcessingRows(): Row[] {
  return [10, 100, 1000, 5000].flatMap((units) => {
    const f = measureSync(units);
    return [sizeRow(units, f), ...(units === 1000 ? stageRows(f) : [])];
  });
}

/** The 1,000-unit sync's stages, each against JSON.parse of its payload. */
function stageRows(f: SyncFigures): Row[] {
  const total = f.stages.reduce((n, s) => n + s.ms, 0);
  return f.stages.map((s) => ({
    name: `  stage at ${f.units} units: ${s.name}`,
    value: round(s.ms),
    unit: 'ms',
    note: `${round(s.ratio)}× JSON.parse; ${Math.round((100 * s.ms) / total)}% of the stages' ${round(total)} ms`,
  }));
}

function sizeRow(units: number, f: SyncFigures): Row {
  return {
    name: `sync processing, ${units} units × ${f.columns} columns`,
    value: round(f.processingMs),
    unit: 'ms',
    ...(units === 1000 ? { target: '≤ 3× JSON.parse', met: f.ratio <= 3 } : {}),
    note:
      `${round(f.ratio)}× JSON.parse (${f.jsonParseMs.toFixed(2)} ms); parse, rows, validate, diff + summary model ` +
      `(${round(f.summaryModelMs)} ms); unchanged sync ${round(f.unchangedProcessingMs)} ms; ` +
      `payload ${Math.round(f.payloadBytes / 1024)} KiB` +
      (units === 1000 ? `; ${stagesSum(f)}` : ''),
  };
}

/** The stages' sum against the best JSON.parse: the processing with the other processes and collections taken out. */
function stagesSum(f: SyncFigures): string {
  const total = f.stages.reduce((n, s) => n + s.ms, 0);
  return `stages by their best of 15: ${round(total)} ms = ${round(total / f.stages[0]!.ms)}× JSON.parse`;
}
