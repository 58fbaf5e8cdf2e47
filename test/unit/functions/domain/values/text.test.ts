// Text hygiene helpers, formula-like text, and dates with luxon's throwOnInvalid switched on.
import { Settings } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDateToSerial, serialToIsoDate } from '@theodoi/functions/domain/values/date';
import {
  asInertText,
  checkText,
  cleanText,
  isPlainText,
  normaliseLineBreaks,
  startsLikeFormula,
} from '@theodoi/functions/domain/values/text';
import { read } from '../../../../support/all-types-template.js';

describe('cleanText', () => {
  const cases = [
    { name: 'NFD to NFC', input: 'Mỹ Hòa'.normalize('NFD'), output: 'Mỹ Hòa'.normalize('NFC') },
    { name: 'narrow and ideographic spaces', input: 'a\u202fb\u3000c', output: 'a b c' },
    { name: 'soft hyphen and BOM removed', input: '\ufeffthông\u00adtin', output: 'thôngtin' },
    { name: 'ASCII is only trimmed', input: '  a  b  ', output: 'a  b' },
    { name: 'a zero-width joiner between a letter and its mark', input: 'a\u200d\u0301', output: 'á' },
  ];
  cases.forEach((tc) => {
    it(tc.name, () => {
      expect(cleanText(tc.input)).toBe(tc.output);
    });
  });
});

describe('plain text, which is only trimmed and measured', () => {
  const plain = (multiline: boolean): string[] => {
    const found: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (isPlainText(ch, multiline)) found.push(ch);
    }
    return found;
  };
  const lines = plain(true);
  // What the general path would remove, replace, refuse or normalise: none of it may be plain.
  const NOT_PLAIN =
    // eslint-disable-next-line no-control-regex -- control characters are among what plain text excludes
    /[\u0000-\u0008\u000B-\u001F\u007F-\u00A0\u00AD\u1680\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uD800-\uDFFF\uFEFF]/;

  it('holds Vietnamese letters, in both cases, and common punctuation', () => {
    const sample = 'Ủy ban nhân dân xã Mỹ Hòa – “Kế hoạch” số 15/KH-UBND… ĐƯỢC ĂN Ở';
    expect(isPlainText(sample, false)).toBe(true);
    expect(isPlainText('dòng 1\ndòng 2\tcột', true)).toBe(true);
    expect(isPlainText('dòng 1\ndòng 2', false)).toBe(false);
    expect(isPlainText('Mỹ Hòa'.normalize('NFD'), false)).toBe(false);
  });

  it('excludes every character that cleaning or checking would change or refuse', () => {
    for (const ch of lines) {
      if (ch === '\t' || ch === '\n') continue;
      expect(NOT_PLAIN.test(ch), `U+${ch.charCodeAt(0).toString(16)}`).toBe(false);
    }
    expect(plain(false)).toEqual(lines.filter((ch) => ch !== '\t' && ch !== '\n'));
  });

  it('is left unchanged by NFC, character by character and pair by pair', () => {
    let changed = 0;
    for (const a of lines) {
      if (a.normalize('NFC') !== a) changed++;
      for (const b of lines) if ((a + b).normalize('NFC') !== a + b) changed++;
    }
    expect(changed).toBe(0);
  });

  it('cleans, normalises and checks to what the general path gives', () => {
    const general = (raw: string) =>
      raw
        .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
        .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' ')
        .normalize('NFC')
        .trim();
    const texts = [' Nguyễn Văn An ', '\tKế hoạch\nsố 15 ', lines.join(''), lines.slice(0, 300).join(' ')];
    for (const text of texts) {
      expect(cleanText(text)).toBe(general(text));
      expect(normaliseLineBreaks(text)).toBe(text);
      expect(checkText(text.trim(), { multiline: true, maxLength: 100_000 })).toBeUndefined();
    }
    expect(checkText(plain(false).join(''), { multiline: false, maxLength: 100_000 })).toBeUndefined();
  });
});

describe('checkText', () => {
  it('allows tab and line feed in long text only', () => {
    expect(checkText('a\tb\nc', { multiline: true, maxLength: 100 })).toBeUndefined();
    expect(checkText('a\tb', { multiline: false, maxLength: 100 })).toEqual({ code: 'lineBreak' });
  });
  it('refuses other control characters everywhere', () => {
    expect(checkText('a\u001bb', { multiline: true, maxLength: 100 })).toEqual({
      code: 'controlCharacter',
      codePoint: 'U+001B',
    });
  });
  it('caps at 50,000 characters whatever the column says', () => {
    expect(checkText('a'.repeat(50_001), { multiline: true, maxLength: 1_000_000 })).toEqual({
      code: 'tooLong',
      length: 50_001,
      max: 50_000,
    });
  });
});

describe('formula-like text', () => {
  ['=1+2', '+84 912', '-5 hội nghị', '@mention', '=IMPORTXML("https://x.vn","//a")'].forEach((text) => {
    it(`"${text}" starts like a formula and is wrapped as a string value`, () => {
      expect(startsLikeFormula(text)).toBe(true);
      expect(asInertText(text)).toEqual({ stringValue: text });
    });
  });
  it('ordinary text does not', () => {
    expect(startsLikeFormula('Nguyễn Văn A = cán bộ')).toBe(false);
  });
});

describe('dates with luxon Settings.throwOnInvalid on', () => {
  let previous: boolean;
  beforeAll(() => {
    previous = Settings.throwOnInvalid;
    Settings.throwOnInvalid = true;
  });
  afterAll(() => {
    Settings.throwOnInvalid = previous;
  });
  const cases = [
    { input: '15/3/2024', value: '2024-03-15' },
    { input: '31/02/2024', code: 'không phải ngày có thật' },
    { input: '00/03/2024', code: 'không phải ngày có thật' },
    { input: '15/13/2024', code: 'không có tháng 13' },
    { input: '15/00/2024', code: 'không có tháng 0' },
    { input: '15/3/0999', code: 'không phải ngày' },
  ];
  cases.forEach((tc) => {
    it(`reads "${tc.input}" without throwing`, () => {
      const result = read('date', tc.input);
      if (tc.value) expect(result).toEqual({ value: tc.value });
      else expect('message' in result && result.message).toContain(tc.code);
    });
  });
});

describe('Sheets serial numbers', () => {
  const cases = [
    { serial: 1, iso: '1899-12-31' },
    { serial: 2.5, iso: '1900-01-01' },
    { serial: 61, iso: '1900-03-01' },
    { serial: 45366, iso: '2024-03-15' },
    { serial: 46000, iso: '2025-12-09' },
  ];
  cases.forEach((tc) => {
    it(`${tc.serial} is ${tc.iso}`, () => {
      expect(serialToIsoDate(tc.serial)).toBe(tc.iso);
      expect(isoDateToSerial(tc.iso)).toBe(Math.floor(tc.serial));
    });
  });
  it('out-of-range serials give no date', () => {
    expect([0, -5, 2_958_466, Number.NaN, Number.POSITIVE_INFINITY].map(serialToIsoDate)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
