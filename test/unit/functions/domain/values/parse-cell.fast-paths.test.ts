// The shortcuts the cell parsers take on common input give exactly what the general path gives.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '@theodoi/sheets-schema/template-format';
import { choiceMatcher, parseChoice } from '@theodoi/functions/domain/values/choice';
import { parseDate } from '@theodoi/functions/domain/values/date';
import { foldText } from '@theodoi/functions/domain/values/fold';
import type { CellOutcome } from '@theodoi/functions/domain/values/issue';
import { accept, refuse } from '@theodoi/functions/domain/values/issue';
import { parseUrl } from '@theodoi/functions/domain/values/url';

/** Links read with URL parsing only, as parseUrl did before it had a shortcut for the usual link. */
function parseUrlByUrlParsing(raw: string): CellOutcome {
  const found = raw;
  if (raw.length > 2_048 || /\s/.test(raw)) return refuse({ code: 'notUrl', found });
  let text = raw;
  if (!/^https?:\/\//i.test(text)) {
    if (/^(?:[a-z][a-z0-9+.-]*:\/\/|(?:javascript|data|mailto|file|tel|vbscript):)/i.test(text))
      return refuse({ code: 'urlScheme', found });
    if (!/^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i.test(text))
      return refuse({ code: 'notUrl', found });
    text = `https://${text}`;
  }
  let host: string;
  try {
    host = new URL(text).hostname;
  } catch {
    return refuse({ code: 'notUrl', found });
  }
  if (!host.includes('.') || host.startsWith('.') || host.endsWith('.'))
    return refuse({ code: 'notUrl', found });
  return accept(text);
}

describe('links', () => {
  const schemes = ['https://', 'http://', 'HTTPS://', ''];
  const hosts = [
    'drive.google.com',
    'thapmuoi.dongthap.gov.vn',
    'a.b',
    'A.COM',
    '1.2.3.4',
    '1.2.3.a',
    'a.0x1f',
    'a.999',
    'xn--a.com',
    'a.xn--b',
    'xn--.vn',
    '-.vn',
    'a-.b-',
    'a..b',
    'localhost',
    'a_b.vn',
    'ệ.vn',
  ];
  const tails = [
    '',
    '/',
    '/drive/folders/1AbC?usp=sharing',
    '#x',
    '?q=1',
    ':8080/x',
    ':99999',
    '/a%zz',
    '\\x',
    '/ệ',
    '@x',
  ];
  it('read the same as with URL parsing, for every scheme × host × path combination', () => {
    let accepted = 0;
    for (const scheme of schemes)
      for (const host of hosts)
        for (const tail of tails) {
          const link = `${scheme}${host}${tail}`;
          const outcome = parseUrl(link);
          expect(outcome, link).toEqual(parseUrlByUrlParsing(link));
          if (outcome.kind === 'ok') accepted++;
        }
    expect(accepted).toBeGreaterThan(100);
  });
});

describe('dates', () => {
  /** The ISO date luxon gives, or undefined when the day does not exist. */
  const byLuxon = (day: number, month: number, year: number) => {
    const date = DateTime.utc(year, month, day);
    return date.isValid ? date.toISODate() : undefined;
  };
  it('have the days of the Gregorian calendar, leap years included', () => {
    const bounds = { min: '1000-01-01', max: '9999-12-31' };
    for (const year of [1000, 1600, 1700, 1900, 2000, 2023, 2024, 2100, 2400, 9999])
      for (let month = 1; month <= 12; month++)
        for (const day of [1, 28, 29, 30, 31]) {
          const outcome = parseDate(`${day}/${month}/${year}`, bounds);
          const iso = byLuxon(day, month, year);
          if (iso) expect(outcome).toEqual(accept(iso));
          else expect(outcome.kind === 'issue' && outcome.issue.code).toBe('impossibleDate');
        }
  });
});

describe('folding', () => {
  it('gives what foldVietnamese gives, for ASCII and Vietnamese text', () => {
    const texts = [
      '15/03/2024',
      '  Hoan   THANH ',
      'x',
      'TRUE.',
      '\tKG\n',
      'Hoàn thành',
      'Đã có',
      '1.500.000 đ',
      '',
    ];
    for (const text of texts) expect(foldText(text)).toBe(foldVietnamese(text));
  });
  it('an option picked from the dropdown is accepted as it is', () => {
    const options = ['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành'];
    const matcher = choiceMatcher(options);
    expect(parseChoice('Hoàn thành', options, matcher)).toEqual(accept('Hoàn thành'));
    expect(parseChoice('hoan thanh', options, matcher)).toEqual(accept('Hoàn thành'));
    expect(parseChoice('Xong', options, matcher)).toEqual(
      refuse({ code: 'notOption', found: 'Xong', options }),
    );
  });
});
