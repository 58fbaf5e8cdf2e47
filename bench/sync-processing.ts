/** Measures our processing of one sync (rows from columns, validation, diff) against JSON.parse of the same payload. */
import { loadTemplate } from '../sheets-schema/registry.js';
import { planSync, rawCellsHash, type StoredReportState } from '../functions/src/domain/sync/plan-sync.js';
import { reportRows, type ReadColumn } from '../functions/src/domain/sync/report-rows.js';
import { createRowValidator } from '../functions/src/domain/validation/validate-row.js';
import type { CellValue } from '../functions/src/domain/values/cell.js';
import { FIRST_UNIT_ROW, SYSTEM_KEYS } from '../functions/src/sheets/report-layout.js';
import { statusText } from '../functions/src/sheets/write-status.js';

/** One size's figures. */
export interface SyncFigures {
  units: number;
  columns: number;
  payloadBytes: number;
  jsonParseMs: number;
  processingMs: number;
  ratio: number;
  unchangedProcessingMs: number;
}

const template = loadTemplate('cchc-tuyen-truyen@1');

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

/** The batchGetByDataFilter response a sync of `units` rows would receive, as JSON text. */
function payload(units: number): string {
  const keys = [SYSTEM_KEYS.code, ...template.columns.map((c) => c.key), SYSTEM_KEYS.status];
  const valueRanges = keys.map((key, k) => {
    const column = template.columns.find((c) => c.key === key);
    const cells: CellValue[] = ['', '', '', key];
    for (let u = 0; u < units; u++) {
      cells.push(
        key === SYSTEM_KEYS.code
          ? `U${u}`
          : key === SYSTEM_KEYS.status
            ? '✔ Đã tiếp nhận'
            : cellFor(column!.type, u, k),
      );
    }
    return {
      valueRange: {
        range: `'Quý I/2024'!${String.fromCharCode(65 + (k % 26))}1:${String.fromCharCode(65 + (k % 26))}${units + 4}`,
        majorDimension: 'COLUMNS',
        values: [cells],
      },
      dataFilters: [
        { developerMetadataLookup: { metadataKey: 'theodoi.column', metadataValue: `2024-Q1/${key}` } },
      ],
    };
  });
  return JSON.stringify({ spreadsheetId: 'x', valueRanges });
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

/** Figures for one directive size. */
export function measureSync(units: number): SyncFigures {
  const text = payload(units);
  const validator = createRowValidator(template, { referenceYear: 2024 });
  const inputs = template.columns.map((c) => c.key);
  const process = (stored: ReadonlyMap<string, StoredReportState>) => {
    const parsed = JSON.parse(text) as {
      valueRanges: {
        valueRange: { values: CellValue[][] };
        dataFilters: { developerMetadataLookup: { metadataValue: string } }[];
      }[];
    };
    const columns = new Map<string, ReadColumn>();
    parsed.valueRanges.forEach((m, i) => {
      const key = m.dataFilters[0]!.developerMetadataLookup.metadataValue.split('/')[1]!;
      columns.set(key, { columnIndex: i, cells: m.valueRange.values[0]! });
    });
    const { rows } = reportRows(
      columns,
      { code: SYSTEM_KEYS.code, status: SYSTEM_KEYS.status, inputs },
      FIRST_UNIT_ROW,
    );
    return { rows, plan: planSync(rows, stored, validator, statusText) };
  };
  const first = process(new Map());
  const stored = new Map<string, StoredReportState>(
    first.rows.map((r) => [
      r.unitCode,
      {
        rawHash: rawCellsHash(r.cells),
        status: 'valid',
        errors: [],
        version: 1,
        sheetHash: first.plan.statusWrites.find((w) => w.unitCode === r.unitCode)?.sheetHash ?? null,
        marked: [],
      },
    ]),
  );
  const jsonParseMs = median(() => void JSON.parse(text));
  const processingMs = median(() => process(new Map()));
  const unchangedProcessingMs = median(() => process(stored));
  return {
    units,
    columns: template.columns.length,
    payloadBytes: text.length,
    jsonParseMs,
    processingMs,
    ratio: processingMs / jsonParseMs,
    unchangedProcessingMs,
  };
}
