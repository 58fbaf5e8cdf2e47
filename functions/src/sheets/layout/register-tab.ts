/**
 * The register tab "Sổ theo dõi văn bản" of the dashboard spreadsheet: its place among the dashboard's tabs, its
 * shape (headers with hints as notes, theodoi's columns grey, tick boxes, the forms' dropdown) and the cell writes
 * and row markers of a register sync. Pure request builders.
 */
import type { sheets_v4 } from '@googleapis/sheets';
import {
  CHECKBOX_COLUMNS,
  columnIndex,
  FIRST_REGISTER_ROW,
  REGISTER_COLUMN_KEYS,
  REGISTER_HEADER_ROW,
  THEODOI_COLUMNS,
  type RegisterColumnKey,
} from '../../domain/register/columns.js';
import { asInertText } from '../../domain/values/text.js';
import { register as msg } from '../../messages.vi.js';
import { dimensionMarker } from './report-tab.js';

type Request = sheets_v4.Schema$Request;

/** Sheet id of the register tab (after the dashboard's "Văn bản", "Đơn vị × văn bản" and "Đánh giá đơn vị"). */
export const REGISTER_SHEET_ID = 4;
/** Developer-metadata key on a register row theodoi started creating a directive from; the value is its id. */
export const REGISTER_METADATA_KEY = 'theodoi.register';
/** The rows the register's validation and formats cover (a new tab's 1,000). */
export const REGISTER_ROWS = 1000;

/** The register tab's properties: its fixed id, its title, its place and its frozen header and text column. */
export function registerTabProperties(index: number): sheets_v4.Schema$SheetProperties {
  return {
    sheetId: REGISTER_SHEET_ID,
    title: msg.tab,
    index,
    gridProperties: { frozenRowCount: FIRST_REGISTER_ROW, frozenColumnCount: 1 },
  };
}

const GREY = { red: 0.93, green: 0.93, blue: 0.93 };
const HEADER_FILL = { red: 0.85, green: 0.89, blue: 0.95 };
const WIDTHS: Readonly<Record<RegisterColumnKey, number>> = {
  text: 320,
  number: 120,
  date: 100,
  subject: 260,
  recipients: 260,
  tasks: 320,
  deadlines: 120,
  missing: 240,
  id: 150,
  template: 200,
  deadline: 110,
  confirmPast: 90,
  create: 90,
  link: 220,
  status: 260,
  close: 70,
  extensions: 260,
  extensionResults: 260,
};

/** The header row's texts, in column order. */
export function registerHeaders(): string[] {
  return REGISTER_COLUMN_KEYS.map((key) => msg.columns[key].header);
}

function columnRange(key: RegisterColumnKey, fromRow: number): sheets_v4.Schema$GridRange {
  const column = columnIndex(key);
  return {
    sheetId: REGISTER_SHEET_ID,
    startRowIndex: fromRow,
    endRowIndex: REGISTER_ROWS,
    startColumnIndex: column,
    endColumnIndex: column + 1,
  };
}

/**
 * The requests that give the register tab its header (hints as notes), grey theodoi columns, wrapped text, tick
 * boxes, the forms' dropdown (`formTitles`), a plain-text deadline column and column widths. Sent when the header
 * read differs from what it should be: the tab is new, or its header was changed by hand.
 */
export function registerShapeRequests(formTitles: readonly string[]): Request[] {
  const header: Request = {
    updateCells: {
      start: { sheetId: REGISTER_SHEET_ID, rowIndex: REGISTER_HEADER_ROW, columnIndex: 0 },
      rows: [
        {
          values: REGISTER_COLUMN_KEYS.map((key) => ({
            userEnteredValue: asInertText(msg.columns[key].header),
            userEnteredFormat: {
              backgroundColor: HEADER_FILL,
              textFormat: { bold: true },
              wrapStrategy: 'WRAP',
              horizontalAlignment: 'CENTER',
              verticalAlignment: 'MIDDLE',
            },
            note: msg.columns[key].note,
          })),
        },
      ],
      fields: 'userEnteredValue,userEnteredFormat,note',
    },
  };
  const body = REGISTER_COLUMN_KEYS.map((key): Request => ({
    repeatCell: {
      range: columnRange(key, FIRST_REGISTER_ROW),
      cell: {
        userEnteredFormat: {
          wrapStrategy: 'WRAP',
          verticalAlignment: 'TOP',
          ...(THEODOI_COLUMNS.has(key) ? { backgroundColor: GREY } : {}),
          ...(key === 'deadline' || key === 'id' ? { numberFormat: { type: 'TEXT' } } : {}),
        },
      },
      fields: 'userEnteredFormat(wrapStrategy,verticalAlignment,backgroundColor,numberFormat)',
    },
  }));
  const ticks = [...CHECKBOX_COLUMNS].map((key): Request => ({
    setDataValidation: {
      range: columnRange(key, FIRST_REGISTER_ROW),
      rule: { condition: { type: 'BOOLEAN' }, strict: true },
    },
  }));
  const forms: Request = {
    setDataValidation: {
      range: columnRange('template', FIRST_REGISTER_ROW),
      rule: {
        condition: {
          type: 'ONE_OF_LIST',
          values: formTitles.map((userEnteredValue) => ({ userEnteredValue })),
        },
        strict: true,
        showCustomUi: true,
      },
    },
  };
  const widths = REGISTER_COLUMN_KEYS.map((key, i): Request => ({
    updateDimensionProperties: {
      range: { sheetId: REGISTER_SHEET_ID, dimension: 'COLUMNS', startIndex: i, endIndex: i + 1 },
      properties: { pixelSize: WIDTHS[key] },
      fields: 'pixelSize',
    },
  }));
  return [header, ...body, ...ticks, forms, ...widths];
}

/** Writes `text` in one cell of the register (a link cell's text also links to it). */
export function registerCellRequest(row: number, key: RegisterColumnKey, text: string): Request {
  const link = key === 'link' && text !== '' ? { textFormat: { link: { uri: text } } } : undefined;
  return {
    updateCells: {
      start: { sheetId: REGISTER_SHEET_ID, rowIndex: row, columnIndex: columnIndex(key) },
      rows: [
        { values: [{ userEnteredValue: asInertText(text), ...(link ? { userEnteredFormat: link } : {}) }] },
      ],
      fields: link ? 'userEnteredValue,userEnteredFormat.textFormat.link' : 'userEnteredValue',
    },
  };
}

/** The marker keying row `row` to the directive theodoi creates from it. */
export function registerRowMarker(row: number, directiveId: string): Request {
  return dimensionMarker(REGISTER_SHEET_ID, 'ROWS', row, REGISTER_METADATA_KEY, directiveId);
}
