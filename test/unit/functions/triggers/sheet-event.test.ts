// The sheet trigger contract: genuine calls pass; forged, stale, oversized and malformed ones are refused.
import { describe, expect, it } from 'vitest';
import {
  MAX_BODY_BYTES,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  checkSheetEvent,
  signSheetEvent,
  signedRequest,
  type SheetEvent,
} from '@theodoi/functions/triggers/sheet-event';

const secret = 'k'.repeat(40);
const now = new Date('2024-03-12T02:40:00Z');
const event: SheetEvent = {
  v: 1,
  deliveryId: '4f7c2a8e-3b1d-4c5e-9f6a-7b8c9d0e1f2a',
  spreadsheetId: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
  kind: 'edit',
  sheetName: 'Quý I/2024',
  range: 'C7',
  user: 'ubnd.myhoa@thapmuoi.example.vn',
};

function headersOf(h: Record<string, string>) {
  return { timestamp: h[TIMESTAMP_HEADER], signature: h[SIGNATURE_HEADER] };
}

describe('checkSheetEvent', () => {
  it('accepts what signedRequest produced, within the window', () => {
    const req = signedRequest(event, secret, now);
    const later = new Date(now.getTime() + 299_000);
    expect(checkSheetEvent(req.body, headersOf(req.headers), secret, later)).toEqual({ ok: true, event });
  });

  it('matches a known HMAC-SHA256 vector (openssl dgst -sha256 -hmac), so the Apps Script side can be checked', () => {
    expect(signSheetEvent('{}', 1700000000, 'secret')).toBe(
      'v1=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163',
    );
  });

  const refusals: { name: string; make: () => Parameters<typeof checkSheetEvent>; reason: string }[] = [
    {
      name: 'a body changed after signing',
      make: () => {
        const req = signedRequest(event, secret, now);
        return [req.body.replace('C7', 'C8'), headersOf(req.headers), secret, now];
      },
      reason: 'forged',
    },
    {
      name: 'a signature made with another secret',
      make: () => {
        const req = signedRequest(event, 'x'.repeat(40), now);
        return [req.body, headersOf(req.headers), secret, now];
      },
      reason: 'forged',
    },
    {
      name: 'a timestamp moved after signing',
      make: () => {
        const req = signedRequest(event, secret, now);
        return [
          req.body,
          { ...headersOf(req.headers), timestamp: String(Math.floor(now.getTime() / 1000) + 1) },
          secret,
          now,
        ];
      },
      reason: 'forged',
    },
    {
      name: 'a call older than five minutes',
      make: () => {
        const req = signedRequest(event, secret, now);
        return [req.body, headersOf(req.headers), secret, new Date(now.getTime() + 301_000)];
      },
      reason: 'stale',
    },
    {
      name: 'a call with no signature',
      make: () => [JSON.stringify(event), { timestamp: undefined, signature: undefined }, secret, now],
      reason: 'missing-signature',
    },
    {
      name: 'an oversized body, before any hashing',
      make: () => ['x'.repeat(MAX_BODY_BYTES + 1), { timestamp: '1', signature: 'v1=00' }, secret, now],
      reason: 'too-large',
    },
    {
      name: 'a genuine signature over a body that is not a sheet event',
      make: () => {
        const body = JSON.stringify({ ...event, kind: 'delete-everything' });
        const ts = Math.floor(now.getTime() / 1000);
        return [body, { timestamp: String(ts), signature: signSheetEvent(body, ts, secret) }, secret, now];
      },
      reason: 'malformed',
    },
  ];
  refusals.forEach((tc) =>
    it(`refuses ${tc.name}`, () => {
      expect(checkSheetEvent(...tc.make())).toEqual({ ok: false, reason: tc.reason });
    }),
  );
});
