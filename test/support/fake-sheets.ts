/** Test helper: a minimal SheetsHandler so the shell and Drive can be tested without the Sheets half. */
import type { SheetsHandler, SheetsRoute, SpreadsheetModel } from '@theodoi/sheets-emulator/types';

/** Routes spreadsheets.get, values.get and batchUpdate; keeps one string per spreadsheet as "content". */
export const fakeSheets: SheetsHandler = {
  route(httpMethod: string, rawPath: string): SheetsRoute | null {
    let m = /^\/v4\/spreadsheets\/([^/:]+)$/.exec(rawPath);
    if (m?.[1] && httpMethod === 'GET')
      return { methodId: 'sheets.spreadsheets.get', params: { spreadsheetId: m[1] } };
    m = /^\/v4\/spreadsheets\/([^/:]+):batchUpdate$/.exec(rawPath);
    if (m?.[1] && httpMethod === 'POST') {
      return { methodId: 'sheets.spreadsheets.batchUpdate', params: { spreadsheetId: m[1] } };
    }
    m = /^\/v4\/spreadsheets\/([^/:]+)\/values\/([^/:]+)$/.exec(rawPath);
    if (m?.[1] && m[2] && httpMethod === 'GET') {
      return {
        methodId: 'sheets.spreadsheets.values.get',
        params: { spreadsheetId: m[1], range: decodeURIComponent(m[2]) },
      };
    }
    if (rawPath === '/v4/spreadsheets' && httpMethod === 'POST')
      return { methodId: 'sheets.spreadsheets.create', params: {} };
    return null;
  },
  handle(call, ctx) {
    if (call.methodId === 'sheets.spreadsheets.create') {
      const body = (call.body ?? {}) as { properties?: { title?: string } };
      const id = `fake${Math.random().toString(36).slice(2, 12)}`;
      const file = ctx.createSpreadsheetFile(
        {
          spreadsheetId: id,
          properties: { title: body.properties?.title ?? 'Untitled spreadsheet' },
          secret: 'x',
        },
        call.caller,
      );
      return { spreadsheetId: file.id, properties: file.spreadsheet?.properties, notInSchema: true };
    }
    const file = ctx.getSpreadsheetFile(call.params.spreadsheetId ?? '', call.caller);
    const model = file.spreadsheet as SpreadsheetModel;
    if (call.methodId === 'sheets.spreadsheets.get') {
      return {
        spreadsheetId: model.spreadsheetId,
        properties: model.properties,
        sheets: [{ properties: { sheetId: 0, title: 'Sheet1', index: 0 } }],
        internalOnly: 'must be filtered out',
      };
    }
    if (call.methodId === 'sheets.spreadsheets.values.get') {
      return {
        range: call.params.range,
        majorDimension: 'ROWS',
        values: [[typeof model.cell === 'string' ? model.cell : '']],
      };
    }
    ctx.assertCanWrite(file, call.caller);
    const body = call.body as {
      requests?: { updateSpreadsheetProperties?: { properties?: { title?: string } } }[];
    };
    for (const request of body.requests ?? []) {
      const title = request.updateSpreadsheetProperties?.properties?.title;
      if (title !== undefined) model.properties.title = title;
    }
    model.cell = `edited ${String(file.version)}`;
    ctx.touch(file);
    return { spreadsheetId: model.spreadsheetId, replies: (body.requests ?? []).map(() => ({})) };
  },
  newSpreadsheet(spreadsheetId: string, title: string): SpreadsheetModel {
    return { spreadsheetId, properties: { title, locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' } };
  },
  copySpreadsheet(model: SpreadsheetModel, newId: string, title: string): SpreadsheetModel {
    const copy = structuredClone(model);
    return { ...copy, spreadsheetId: newId, properties: { ...copy.properties, title } };
  },
};
