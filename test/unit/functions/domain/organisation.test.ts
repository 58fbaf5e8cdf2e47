// The shipped Tháp Mười organisation loads, and malformed organisations are refused with the field named.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';

const thapMuoi = JSON.parse(
  readFileSync(new URL('../../../../examples/thap-muoi-2024/organisation.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

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
});
