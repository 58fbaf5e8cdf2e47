// Vietnamese phone numbers, stored as national digits: mobiles 0[35789]x xxx xxxx, landlines 02xx xxxx xxx (11 digits).
// +84 / 0084 become 0; a number that Sheets turned into a JSON number lost its leading 0, which is put back.
import type { CellOutcome } from './issue.js';
import { accept, refuse } from './issue.js';

const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;
const MAX_CHARS = 40;
const SEPARATORS = /[\s.\-()/]/g;

/** Whether national digits form a Vietnamese mobile or landline number. */
export function isVietnamesePhone(digits: string): boolean {
  return MOBILE.test(digits) || LANDLINE.test(digits);
}

/** Reads one phone number as national digits, e.g. "0912 345 678" → "0912345678", "+84 277 3851 234" → "02773851234". */
export function parsePhone(raw: string | number | boolean): CellOutcome {
  const found = raw;
  if (typeof raw === 'boolean') return refuse({ code: 'notPhone', found });
  let digits: string;
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw) || raw <= 0) return refuse({ code: 'notPhone', found });
    digits = String(raw);
    digits = digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : `0${digits}`;
  } else {
    if (raw.length > MAX_CHARS) return refuse({ code: 'notPhone', found });
    const compact = raw.replace(SEPARATORS, '');
    if (!/^\+?\d+$/.test(compact)) return refuse({ code: 'notPhone', found });
    if (compact.startsWith('+84')) digits = `0${compact.slice(3)}`;
    else if (compact.startsWith('0084')) digits = `0${compact.slice(4)}`;
    else if (compact.startsWith('84') && compact.length >= 11) digits = `0${compact.slice(2)}`;
    else digits = compact;
    if (digits.startsWith('00')) return refuse({ code: 'notPhone', found });
  }
  return isVietnamesePhone(digits) ? accept(digits) : refuse({ code: 'notPhone', found });
}
