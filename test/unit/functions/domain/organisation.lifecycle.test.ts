// Units that changed (the 2025 merger of communes): the organisation file refuses a merger it cannot follow.
import { describe, expect, it } from 'vitest';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';
import { YEAR_ORGANISATION } from '../../../fixtures/evaluation-year.js';

const withX2 = (fields: Record<string, unknown>) => ({
  ...YEAR_ORGANISATION,
  units: YEAR_ORGANISATION.units.map((u) =>
    u.code === 'X2' ? { ...u, retiredOn: undefined, mergedInto: undefined, ...fields } : u,
  ),
});

describe('parseOrganisation: units established, retired or merged', () => {
  it('accepts a merger into a unit of the file, and a unit established on a day', () => {
    const org = parseOrganisation(
      withX2({ retiredOn: '2025-07-01', mergedInto: 'X3', establishedOn: '2010-01-01' }),
    );
    expect(org.units.find((u) => u.code === 'X2')).toMatchObject({
      establishedOn: '2010-01-01',
      mergedInto: 'X3',
    });
  });

  it('refuses a merger into an unknown unit or into itself, without a day, or a retirement before establishment', () => {
    expect(() => parseOrganisation(withX2({ retiredOn: '2025-07-01', mergedInto: 'X9' }))).toThrow(
      /đơn vị được sáp nhập vào \(mã X9\) không có trong danh sách đơn vị/,
    );
    expect(() => parseOrganisation(withX2({ retiredOn: '2025-07-01', mergedInto: 'X2' }))).toThrow(
      /không thể sáp nhập vào chính nó/,
    );
    expect(() => parseOrganisation(withX2({ mergedInto: 'X3' }))).toThrow(/phải có ngày thôi hoạt động/);
    expect(() => parseOrganisation(withX2({ establishedOn: '2025-07-01', retiredOn: '2025-01-01' }))).toThrow(
      /ngày thôi hoạt động phải sau ngày thành lập/,
    );
    expect(() => parseOrganisation(withX2({ retiredOn: '2025-02-30' }))).toThrow();
  });
});
