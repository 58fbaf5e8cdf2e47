// The shipped Tháp Mười organisation loads, and malformed organisations are refused with the field named.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';

const thapMuoi = JSON.parse(
  readFileSync(new URL('../../../../examples/thap-muoi-2024/organisation.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const example = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../../examples/${path}`, import.meta.url), 'utf8')) as unknown;

describe('parseOrganisation', () => {
  it('loads huyện Tháp Mười 2024: 12 departments and 13 communes and town', () => {
    const org = parseOrganisation(thapMuoi);
    expect(org.units.filter((u) => u.group === 'ban-nganh')).toHaveLength(12);
    const communes = org.units.filter((u) => u.group === 'xa-thi-tran');
    expect(communes).toHaveLength(13);
    expect(communes.find((u) => u.code === '30055')?.aliases).toContain('xã Mỹ Quí');
    expect(communes.filter((u) => u.kind === 'thi-tran').map((u) => u.name)).toEqual(['UBND thị trấn Mỹ An']);
  });

  it('refuses duplicate codes and unknown groups, naming where', () => {
    const units = (thapMuoi.units as Record<string, unknown>[]).slice(0, 2);
    const bad = { ...thapMuoi, units: [units[0], { ...units[1], code: units[0]!.code, group: 'nowhere' }] };
    expect(() => parseOrganisation(bad)).toThrow(
      /mã đơn vị VP bị trùng[\s\S]*nhóm đơn vị .*nowhere.* chưa được khai báo/,
    );
  });

  it('loads tỉnh Đồng Tháp 2026: 18 provincial agencies, 20 wards and 76 communes, codes unique ignoring case', () => {
    const org = parseOrganisation(example('dong-thap-2026/organisation.json'));
    expect(org.level).toBe('tinh');
    expect(org.units.filter((u) => u.kind === 'so-nganh')).toHaveLength(18);
    expect(org.units.filter((u) => u.kind === 'phuong')).toHaveLength(20);
    expect(org.units.filter((u) => u.kind === 'xa')).toHaveLength(76);
    expect(new Set(org.units.map((u) => u.code.toLowerCase())).size).toBe(org.units.length);
    // Two communes whose names differ only by a tone mark keep two codes.
    const names = new Map(org.units.map((u) => [u.code, u.name]));
    expect([names.get('X-TAN-THANH'), names.get('X-TAN-THANH-TB')]).toEqual([
      'UBND xã Tân Thành',
      'UBND xã Tân Thạnh',
    ]);
  });

  it('loads xã Tháp Mười 2026: its offices and its hamlets and quarters', () => {
    const org = parseOrganisation(example('xa-thap-muoi-2026/organisation.json'));
    expect(org.level).toBe('xa');
    expect(org.units.filter((u) => u.group === 'co-quan')).toHaveLength(6);
    expect(org.units.filter((u) => u.kind === 'thon-ap').map((u) => u.name)).toContain('Ấp 8');
  });
});

describe('unit codes', () => {
  const base = JSON.parse(JSON.stringify(thapMuoi)) as { units: { code: string }[] };
  const withCode = (index: number, code: string) => {
    const org = JSON.parse(JSON.stringify(base)) as { units: { code: string }[] };
    org.units[index]!.code = code;
    return org;
  };

  it.each(['.', '..', '__x__', '---'])('refuses %s, which cannot name a Firestore document', (code) => {
    expect(() => parseOrganisation(withCode(3, code))).toThrow(
      /mã đơn vị phải có ít nhất một chữ cái hoặc chữ số và không được có dạng __…__/,
    );
  });

  it('refuses two codes that differ only by case, naming both', () => {
    expect(() => parseOrganisation(withCode(3, 'vp'))).toThrow(
      /mã đơn vị vp trùng với VP \(mã đơn vị không phân biệt chữ hoa, chữ thường\)/,
    );
  });
});
