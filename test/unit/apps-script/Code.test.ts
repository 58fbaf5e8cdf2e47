// The Apps Script trigger (apps-script/Code.gs), run with stand-ins for Apps Script's services,
// sends exactly what checkSheetEvent accepts: the contract holds on both sides.
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { checkSheetEvent } from '@theodoi/functions/triggers/sheet-event';

const SECRET = 's'.repeat(48);
const SPREADSHEET_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';

interface Sent {
  url: string;
  options: { payload: string; headers: Record<string, string>; method: string };
}

function loadAppsScript(properties: Record<string, string>) {
  const sent: Sent[] = [];
  const toasts: string[] = [];
  const context = createContext({
    console,
    Date,
    Math,
    String,
    JSON,
    Object,
    SpreadsheetApp: {
      getActive: () => ({ getId: () => SPREADSHEET_ID, toast: (m: string) => toasts.push(m) }),
    },
    PropertiesService: { getScriptProperties: () => ({ getProperty: (k: string) => properties[k] ?? null }) },
    Session: { getActiveUser: () => ({ getEmail: () => '' }) },
    Utilities: {
      getUuid: () => randomUUID(),
      Charset: { UTF_8: 'UTF_8' },
      // Apps Script returns Java bytes: signed, -128..127.
      computeHmacSha256Signature: (value: string, key: string) =>
        Array.from(createHmac('sha256', key).update(value, 'utf8').digest()).map((b) =>
          b > 127 ? b - 256 : b,
        ),
    },
    UrlFetchApp: {
      fetch: (url: string, options: Sent['options']) => {
        sent.push({ url, options });
        return { getResponseCode: () => 202 };
      },
    },
  });
  runInContext(readFileSync(new URL('../../../apps-script/Code.gs', import.meta.url), 'utf8'), context);
  return { context: context as unknown as Record<string, (e: unknown) => unknown>, sent, toasts };
}

const editEvent = {
  range: { getSheet: () => ({ getName: () => 'Quý I/2024' }), getA1Notation: () => 'C7' },
  user: { getEmail: () => 'ubnd.myhoa@thapmuoi.example.vn' },
};

describe('apps-script/Code.gs', () => {
  it('signs an edit so that theodoi accepts it', () => {
    const { context, sent } = loadAppsScript({
      THEODOI_ENDPOINT: 'https://fn.example/sheetEvent',
      THEODOI_SECRET: SECRET,
    });
    context.theodoiOnEdit!(editEvent);
    expect(sent).toHaveLength(1);
    const { url, options } = sent[0]!;
    expect(url).toBe('https://fn.example/sheetEvent');
    const check = checkSheetEvent(
      options.payload,
      {
        timestamp: options.headers['X-Theodoi-Timestamp'],
        signature: options.headers['X-Theodoi-Signature'],
      },
      SECRET,
      new Date(),
    );
    expect(check).toMatchObject({
      ok: true,
      event: {
        v: 1,
        spreadsheetId: SPREADSHEET_ID,
        kind: 'edit',
        sheetName: 'Quý I/2024',
        range: 'C7',
        user: 'ubnd.myhoa@thapmuoi.example.vn',
      },
    });
  });

  it('reports structural changes but not plain edits through onChange, with a null user when hidden', () => {
    const { context, sent } = loadAppsScript({
      THEODOI_ENDPOINT: 'https://fn.example/sheetEvent',
      THEODOI_SECRET: SECRET,
    });
    context.theodoiOnChange!({ changeType: 'EDIT' });
    context.theodoiOnChange!({ changeType: 'INSERT_COLUMN' });
    expect(sent).toHaveLength(1);
    const h = sent[0]!.options.headers;
    const check = checkSheetEvent(
      sent[0]!.options.payload,
      { timestamp: h['X-Theodoi-Timestamp'], signature: h['X-Theodoi-Signature'] },
      SECRET,
      new Date(),
    );
    expect(check).toMatchObject({
      ok: true,
      event: { kind: 'change', changeType: 'INSERT_COLUMN', user: null },
    });
  });

  it('sends nothing until the endpoint and secret are configured, and tells the officer from the menu', () => {
    const { context, sent, toasts } = loadAppsScript({});
    context.theodoiOnEdit!(editEvent);
    context.theodoiCheckNow!(undefined);
    expect(sent).toEqual([]);
    expect(toasts).toEqual(['Không gửi được yêu cầu kiểm tra (mã 0). Vui lòng báo cán bộ phụ trách.']);
  });
});
