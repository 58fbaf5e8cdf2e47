/**
 * The layout of a report tab: its columns, rows, formats, validation, protection, and the markers (developer metadata
 * only theodoi's project sees) on the tab, each column and each row. A row-per-unit tab has one row per unit; a
 * row-per-task tab one row per task and responsible unit (decision 007), keyed `<unitCode>~<taskId>`.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import type { Column, Template } from '@theodoi/sheets-schema/template-format';
import type { Unit } from '../../domain/organisation.js';
import type { TaskRow } from '../../domain/tasks/task-rows.js';
import { formatVietnameseDate } from '../../domain/status/describe.js';
import { sheet as msg, tasks as taskMsg } from '../../messages.vi.js';

type Request = sheets_v4.Schema$Request;
type CellData = sheets_v4.Schema$CellData;

/** Keys of the columns theodoi writes itself (grey, locked). */
export const SYSTEM_KEYS = {
  code: '_unit_code',
  name: '_unit_name',
  status: '_status',
  deadline: '_deadline',
  updatedAt: '_updated_at',
} as const;
/** Keys of the columns theodoi writes on a task row besides the unit's code and name (decision 007). */
export const TASK_KEYS = {
  no: '_task_no',
  text: '_task_text',
  role: '_task_role',
  due: '_task_due',
} as const;
/** Developer-metadata key tagging every column theodoi reads or writes; the value is `<periodKey>/<columnKey>`. */
export const COLUMN_METADATA_KEY = 'theodoi.column';
/** Developer-metadata key tagging a report tab; the value is `report:<periodKey>`. */
export const TAB_METADATA_KEY = 'theodoi.tab';
/** Developer-metadata key tagging each unit's provisioned row; the value is the unit's code. */
export const ROW_METADATA_KEY = 'theodoi.row';
/**
 * Visibility of theodoi's markers: PROJECT metadata is seen and changed only by calls from theodoi's own Google
 * Cloud project, so no officer's app or script can read, move, swap or delete it. Only PROJECT markers are believed.
 */
export const MARKER_VISIBILITY = 'PROJECT';
/** 0-based index of the header row (row 4 on screen); rows above hold the title and the deadline line. */
export const HEADER_ROW = 3;
/** 0-based index of the first unit's row (row 5 on screen). */
export const FIRST_UNIT_ROW = HEADER_ROW + 1;

const GREY = { red: 0.93, green: 0.93, blue: 0.93 };
const HEADER_BLUE = { red: 0.85, green: 0.91, blue: 0.97 };

/** One column of a report tab, in sheet order. */
export interface LayoutColumn {
  key: string;
  header: string;
  hint: string;
  /** Written by theodoi only: locked for officers, grey. */
  system: boolean;
  width: number;
  /** The template's column, for officer columns. */
  column?: Column;
}

/** The template's columns, as the unit's inputs of a report tab. */
function inputColumns(template: Template): LayoutColumn[] {
  return template.columns.map((column) => ({
    key: column.key,
    header: column.header,
    hint: column.hint,
    system: false,
    width: column.width ?? 120,
    column,
  }));
}

/** The columns of a report tab: code, name, the template's columns, status, "Tình hình báo cáo", updated-at. */
export function reportColumns(template: Template): LayoutColumn[] {
  if (template.shape === 'row-per-task') return taskColumns(template);
  return [
    { key: SYSTEM_KEYS.code, header: msg.unitCodeHeader, hint: msg.unitCodeHint, system: true, width: 70 },
    { key: SYSTEM_KEYS.name, header: msg.unitNameHeader, hint: msg.unitNameHint, system: true, width: 200 },
    ...inputColumns(template),
    { key: SYSTEM_KEYS.status, header: msg.statusHeader, hint: msg.statusHint, system: true, width: 220 },
    {
      key: SYSTEM_KEYS.deadline,
      header: msg.deadlineHeader,
      hint: msg.deadlineHint,
      system: true,
      width: 170,
    },
    {
      key: SYSTEM_KEYS.updatedAt,
      header: msg.updatedAtHeader,
      hint: msg.updatedAtHint,
      system: true,
      width: 110,
    },
  ];
}

const system = (key: string, header: string, hint: string, width: number): LayoutColumn => ({
  key,
  header,
  hint,
  system: true,
  width,
});

/**
 * The columns of a task tab: task number and text, unit code and name, role and deadline (theodoi's), the template's
 * inputs, then "Tình trạng nhiệm vụ" (the per-task status, in the column the deadline check writes), the verdict and
 * updated-at.
 */
function taskColumns(template: Template): LayoutColumn[] {
  return [
    system(TASK_KEYS.no, taskMsg.taskNoHeader, taskMsg.taskNoHint, 50),
    system(TASK_KEYS.text, taskMsg.taskTextHeader, taskMsg.taskTextHint, 320),
    system(SYSTEM_KEYS.code, msg.unitCodeHeader, msg.unitCodeHint, 70),
    system(SYSTEM_KEYS.name, msg.unitNameHeader, msg.unitNameHint, 180),
    system(TASK_KEYS.role, taskMsg.roleHeader, taskMsg.roleHint, 90),
    system(TASK_KEYS.due, taskMsg.dueHeader, taskMsg.dueHint, 150),
    ...inputColumns(template),
    system(SYSTEM_KEYS.deadline, taskMsg.taskStatusHeader, taskMsg.taskStatusHint, 200),
    system(SYSTEM_KEYS.status, taskMsg.verdictHeader, msg.statusHint, 200),
    system(SYSTEM_KEYS.updatedAt, msg.updatedAtHeader, msg.updatedAtHint, 110),
  ];
}

/** One row of a report tab: its key (the row marker's value), who may edit it, and the cells theodoi writes in it. */
export interface ReportRow {
  /** The unit's code, or `<unitCode>~<taskId>` for a task row. */
  key: string;
  /** The unit's code, shown in the code column (the row is read by its marker, whatever the cell shows). */
  unitCode: string;
  editors: readonly string[];
  /** Text of theodoi's own cells, by column key. */
  cells: Readonly<Record<string, string>>;
}

/** The rows of a tab: one per unit, or one per task row (each with its unit's editors). */
export function reportRows(units: readonly Unit[], taskRows?: readonly TaskRow[]): ReportRow[] {
  if (!taskRows)
    return units.map((u) => ({
      key: u.code,
      unitCode: u.code,
      editors: u.editors,
      cells: { [SYSTEM_KEYS.code]: u.code, [SYSTEM_KEYS.name]: u.name },
    }));
  const byCode = new Map(units.map((u) => [u.code, u]));
  return taskRows.map((r) => {
    const unit = byCode.get(r.unitCode);
    return {
      key: r.key,
      unitCode: r.unitCode,
      editors: unit?.editors ?? [],
      cells: {
        [TASK_KEYS.no]: String(r.taskNo),
        [TASK_KEYS.text]: r.text,
        [SYSTEM_KEYS.code]: r.unitCode,
        [SYSTEM_KEYS.name]: unit?.name ?? r.unitCode,
        [TASK_KEYS.role]: taskMsg.role[r.role],
        [TASK_KEYS.due]: r.ongoing ? taskMsg.ongoingDue : formatVietnameseDate(r.deadline),
      },
    };
  });
}

/** The metadata value tagging one column of one period's tab. */
export const columnMetadataValue = (periodKey: string, columnKey: string) => `${periodKey}/${columnKey}`;
/** The metadata value tagging one period's report tab. */
export const tabMetadataValue = (periodKey: string) => `report:${periodKey}`;

/** Where a report tab's columns and rows are, as recorded in Firestore beside the markers. */
export interface TabLayout {
  /** Each column's key, by 0-based column index. */
  columns: string[];
  /** Each row's 0-based index, by row key (a unit's code, or `<unitCode>~<taskId>`). */
  rows: Record<string, number>;
}

/** The layout a report tab is provisioned with: the report columns in order, one row per row key from FIRST_UNIT_ROW. */
export function reportTabLayout(template: Template, rows: readonly Pick<ReportRow, 'key'>[]): TabLayout {
  return {
    columns: reportColumns(template).map((c) => c.key),
    rows: Object.fromEntries(rows.map((r, i) => [r.key, FIRST_UNIT_ROW + i])),
  };
}

/** A PROJECT marker on one column or one row of a tab. */
export function dimensionMarker(
  sheetId: number,
  dimension: 'ROWS' | 'COLUMNS',
  index: number,
  metadataKey: string,
  metadataValue: string,
): Request {
  return {
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey,
        metadataValue,
        visibility: MARKER_VISIBILITY,
        location: { dimensionRange: { sheetId, dimension, startIndex: index, endIndex: index + 1 } },
      },
    },
  };
}

/** The marker of column `columnKey` of `periodKey`'s tab, at `index`. */
export function columnMarker(sheetId: number, index: number, periodKey: string, columnKey: string): Request {
  return dimensionMarker(
    sheetId,
    'COLUMNS',
    index,
    COLUMN_METADATA_KEY,
    columnMetadataValue(periodKey, columnKey),
  );
}

/** The marker of a provisioned row: its key (a unit's code, or `<unitCode>~<taskId>`). */
export function rowMarker(sheetId: number, rowIndex: number, rowKey: string): Request {
  return dimensionMarker(sheetId, 'ROWS', rowIndex, ROW_METADATA_KEY, rowKey);
}

/** The marker of `periodKey`'s report tab. */
export function tabMarker(sheetId: number, periodKey: string): Request {
  return {
    createDeveloperMetadata: {
      developerMetadata: {
        metadataKey: TAB_METADATA_KEY,
        metadataValue: tabMetadataValue(periodKey),
        visibility: MARKER_VISIBILITY,
        location: { sheetId },
      },
    },
  };
}

/** Deletes markers by id (theodoi's own that are misplaced, and look-alikes anyone could have made). */
export function deleteMarkers(metadataIds: readonly number[]): Request[] {
  return metadataIds.map((metadataId) => ({
    deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId } } },
  }));
}

/** Everything a report tab is built from. */
export interface ReportTabSpec {
  sheetId: number;
  periodKey: string;
  /** Title line, e.g. "KẾT QUẢ … — QUÝ I/2024 (Công văn số …)". */
  titleLine: string;
  /** Deadline line under the title. */
  deadlineLine: string;
  template: Template;
  /** The tab's rows, in order (reportRows). */
  rows: readonly ReportRow[];
  /** Editors of every row besides each unit's own: the account theodoi acts as and the coordinators. */
  alwaysEditors: readonly string[];
  /** Who may edit theodoi's own columns and the header: the account theodoi acts as only. */
  systemEditors: readonly string[];
}

/** The grid size a report tab needs. */
export function reportGridSize(spec: Pick<ReportTabSpec, 'template' | 'rows'>): {
  rows: number;
  columns: number;
} {
  return { rows: FIRST_UNIT_ROW + spec.rows.length, columns: reportColumns(spec.template).length };
}

/** The batchUpdate requests that fill, format, validate, protect and tag an (empty, right-sized) report tab. */
export function reportTabRequests(spec: ReportTabSpec): Request[] {
  const columns = reportColumns(spec.template);
  const { sheetId } = spec;
  const lastRow = FIRST_UNIT_ROW + spec.rows.length;
  const requests: Request[] = [];

  requests.push({
    updateCells: {
      start: { sheetId, rowIndex: 0, columnIndex: 0 },
      fields: 'userEnteredValue,userEnteredFormat,note',
      rows: [
        { values: [textCell(spec.titleLine, { textFormat: { bold: true, fontSize: 13 } })] },
        { values: [textCell(spec.deadlineLine, { textFormat: { italic: true } })] },
        { values: [] },
        { values: columns.map(headerCell) },
        ...spec.rows.map((row) => ({
          values: columns.map((c) => {
            const text = row.cells[c.key];
            if (text !== undefined)
              return textCell(
                text,
                c.key === TASK_KEYS.text
                  ? { backgroundColor: GREY, wrapStrategy: 'WRAP' }
                  : { backgroundColor: GREY },
              );
            return c.system
              ? { userEnteredFormat: { backgroundColor: GREY } }
              : { userEnteredFormat: bodyFormat(c.column) };
          }),
        })),
      ],
    },
  });
  for (const row of [0, 1]) {
    requests.push({
      mergeCells: {
        mergeType: 'MERGE_ALL',
        range: {
          sheetId,
          startRowIndex: row,
          endRowIndex: row + 1,
          startColumnIndex: 0,
          endColumnIndex: columns.length,
        },
      },
    });
  }
  columns.forEach((c, i) => {
    requests.push({
      updateDimensionProperties: {
        range: { sheetId, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
        properties: { pixelSize: c.width },
        fields: 'pixelSize',
      },
    });
    requests.push(columnMarker(sheetId, i, spec.periodKey, c.key));
    const rule = c.column ? validationRule(c.column) : undefined;
    if (rule && spec.rows.length > 0) {
      requests.push({
        setDataValidation: {
          range: {
            sheetId,
            startRowIndex: FIRST_UNIT_ROW,
            endRowIndex: lastRow,
            startColumnIndex: i,
            endColumnIndex: i + 1,
          },
          rule,
        },
      });
    }
  });
  requests.push(tabMarker(sheetId, spec.periodKey));
  spec.rows.forEach((row, i) => requests.push(rowMarker(sheetId, FIRST_UNIT_ROW + i, row.key)));
  requests.push(...protectionRequests(spec, columns));
  return requests;
}

/** Protects the title and header rows and theodoi's columns for theodoi alone, and each unit's row for its editors. */
function protectionRequests(spec: ReportTabSpec, columns: LayoutColumn[]): Request[] {
  const { sheetId } = spec;
  const firstInput = columns.findIndex((c) => !c.system);
  const lastInput = columns.length - 1 - [...columns].reverse().findIndex((c) => !c.system);
  const lastRow = FIRST_UNIT_ROW + spec.rows.length;
  const system = (description: string, range: sheets_v4.Schema$GridRange): Request => ({
    addProtectedRange: {
      protectedRange: { range, description, warningOnly: false, editors: { users: [...spec.systemEditors] } },
    },
  });
  return [
    system('theodoi: tiêu đề và hàng tiêu đề cột', {
      sheetId,
      startRowIndex: 0,
      endRowIndex: FIRST_UNIT_ROW,
    }),
    system('theodoi: mã và tên đơn vị', {
      sheetId,
      startRowIndex: FIRST_UNIT_ROW,
      endRowIndex: lastRow,
      startColumnIndex: 0,
      endColumnIndex: firstInput,
    }),
    system('theodoi: trạng thái', {
      sheetId,
      startRowIndex: FIRST_UNIT_ROW,
      endRowIndex: lastRow,
      startColumnIndex: lastInput + 1,
      endColumnIndex: columns.length,
    }),
    ...spec.rows.map((row, i): Request => ({
      addProtectedRange: {
        protectedRange: {
          range: {
            sheetId,
            startRowIndex: FIRST_UNIT_ROW + i,
            endRowIndex: FIRST_UNIT_ROW + i + 1,
            startColumnIndex: firstInput,
            endColumnIndex: lastInput + 1,
          },
          description: `theodoi: ${row.key}`,
          warningOnly: false,
          editors: { users: [...new Set([...row.editors, ...spec.alwaysEditors])] },
        },
      },
    })),
  ];
}

function textCell(text: string, format: sheets_v4.Schema$CellFormat = {}): CellData {
  return { userEnteredValue: { stringValue: text }, userEnteredFormat: format };
}

function headerCell(c: LayoutColumn): CellData {
  return {
    userEnteredValue: { stringValue: c.header },
    userEnteredFormat: {
      backgroundColor: c.system ? GREY : HEADER_BLUE,
      textFormat: { bold: true },
      wrapStrategy: 'WRAP',
      verticalAlignment: 'MIDDLE',
      horizontalAlignment: 'CENTER',
    },
    ...(c.hint ? { note: c.hint } : {}),
  };
}

/** The number format and alignment officers see in a column. */
function bodyFormat(column: Column | undefined): sheets_v4.Schema$CellFormat {
  switch (column?.type) {
    case 'integer':
      return { numberFormat: { type: 'NUMBER', pattern: '#,##0' } };
    case 'decimal':
      return { numberFormat: { type: 'NUMBER', pattern: '#,##0.##' } };
    case 'money':
      return { numberFormat: { type: 'CURRENCY', pattern: '#,##0 "đ"' } };
    case 'percent':
      return { numberFormat: { type: 'PERCENT', pattern: '0%' } };
    case 'date':
      return { numberFormat: { type: 'DATE', pattern: 'dd/MM/yyyy' } };
    case 'longText':
      return { wrapStrategy: 'WRAP' };
    default:
      return {};
  }
}

/**
 * The sheet's own validation for a column: dropdowns and warnings, never strict, so nothing an officer
 * types is refused by Sheets before theodoi can keep it and explain what is wrong.
 */
export function validationRule(column: Column): sheets_v4.Schema$DataValidationRule | undefined {
  const rule = (condition: sheets_v4.Schema$BooleanCondition, showCustomUi = false) => ({
    condition,
    strict: false,
    showCustomUi,
    ...(column.hint ? { inputMessage: column.hint } : {}),
  });
  const n = (v: number) => ({ userEnteredValue: String(v) });
  switch (column.type) {
    case 'integer':
    case 'decimal':
    case 'money':
    case 'percent':
      if (column.min !== undefined && column.max !== undefined)
        return rule({ type: 'NUMBER_BETWEEN', values: [n(column.min), n(column.max)] });
      if (column.min !== undefined) return rule({ type: 'NUMBER_GREATER_THAN_EQ', values: [n(column.min)] });
      if (column.max !== undefined) return rule({ type: 'NUMBER_LESS_THAN_EQ', values: [n(column.max)] });
      return undefined;
    case 'date':
      return rule({ type: 'DATE_IS_VALID' });
    case 'enum':
      return rule(
        { type: 'ONE_OF_LIST', values: column.options.map((o) => ({ userEnteredValue: o })) },
        true,
      );
    case 'yesNo':
      return rule(
        { type: 'ONE_OF_LIST', values: [{ userEnteredValue: msg.yes }, { userEnteredValue: msg.no }] },
        true,
      );
    case 'url':
      return rule({ type: 'TEXT_IS_URL' });
    case 'email':
      return rule({ type: 'TEXT_IS_EMAIL' });
    default:
      return undefined;
  }
}
