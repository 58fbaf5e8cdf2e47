/** The "Hướng dẫn" tab (directive details, deadlines, how to fill in, contact) and the "Tổng hợp" placeholder. */
import type { sheets_v4 } from '@googleapis/sheets';
import { sheet as msg } from '../../messages.vi.js';

type Request = sheets_v4.Schema$Request;

/** What the guide tab shows, already worded. */
export interface GuideContent {
  directiveRef: string;
  subject: string;
  issuer: string;
  /** One line per period: "Quý I/2024: hạn 18/03/2024 (thứ Hai)". */
  deadlines: string[];
  templateTitle: string;
  instructions: string;
  contact: string;
}

/** Requests that fill the guide tab `sheetId` and lock it for theodoi's editors. */
export function guideTabRequests(
  sheetId: number,
  content: GuideContent,
  systemEditors: readonly string[],
): Request[] {
  const row = (label: string, value: string): sheets_v4.Schema$RowData => ({
    values: [
      {
        userEnteredValue: { stringValue: label },
        userEnteredFormat: { textFormat: { bold: true }, verticalAlignment: 'TOP' },
      },
      {
        userEnteredValue: { stringValue: value },
        userEnteredFormat: { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' },
      },
    ],
  });
  const g = msg.guide;
  return [
    fromTopLeft(sheetId, g.title, { bold: true, fontSize: 14 }, [
      { values: [] },
      row(g.directive, content.directiveRef),
      row(g.subject, content.subject),
      row(g.issuer, content.issuer),
      row(g.deadline, content.deadlines.join('\n')),
      row(g.template, content.templateTitle),
      row(g.howTo, `${msg.guide.howToText}\n\n${content.instructions}`),
      row(g.contact, content.contact),
    ]),
    widthRequest(sheetId, 0, 170),
    widthRequest(sheetId, 1, 720),
    lockSheet(sheetId, 'theodoi: hướng dẫn', systemEditors),
  ];
}

/** Requests that put the placeholder on the summary tab and lock it. */
export function summaryPlaceholderRequests(sheetId: number, systemEditors: readonly string[]): Request[] {
  return [
    fromTopLeft(sheetId, msg.summaryPlaceholder, { italic: true }),
    lockSheet(sheetId, 'theodoi: tổng hợp', systemEditors),
  ];
}

/** Writes from A1 down: `text` in `textFormat` on the first row, then `rows`. */
function fromTopLeft(
  sheetId: number,
  text: string,
  textFormat: sheets_v4.Schema$TextFormat,
  rows: sheets_v4.Schema$RowData[] = [],
): Request {
  return {
    updateCells: {
      start: { sheetId, rowIndex: 0, columnIndex: 0 },
      fields: 'userEnteredValue,userEnteredFormat',
      rows: [
        { values: [{ userEnteredValue: { stringValue: text }, userEnteredFormat: { textFormat } }] },
        ...rows,
      ],
    },
  };
}

function widthRequest(sheetId: number, column: number, pixelSize: number): Request {
  return {
    updateDimensionProperties: {
      range: { sheetId, dimension: 'COLUMNS', startIndex: column, endIndex: column + 1 },
      properties: { pixelSize },
      fields: 'pixelSize',
    },
  };
}

function lockSheet(sheetId: number, description: string, editors: readonly string[]): Request {
  return {
    addProtectedRange: {
      protectedRange: {
        range: { sheetId },
        description,
        warningOnly: false,
        editors: { users: [...editors] },
      },
    },
  };
}
