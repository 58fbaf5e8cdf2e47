// evaluateUnits from Firestore: the test year's figures, scores and ranks as computed by hand, units in the order the
// directives name them, the organisation's own rubric, and the organisation chosen when only one is registered.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Firestore } from 'firebase-admin/firestore';
import { ManualClock } from '@theodoi/functions/clock';
import { loadConfig } from '@theodoi/functions/config';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { yearRange } from '@theodoi/functions/domain/evaluation/index';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';
import { openFirestore } from '@theodoi/functions/store/firestore';
import { importOrganisation } from '@theodoi/functions/store/units';
import { evaluateUnits } from '@theodoi/functions/usecases/evaluate-units';
import { UserFacingError } from '@theodoi/functions/usecases/errors';
import { vn, YEAR_ORGANISATION } from '../../../fixtures/evaluation-year.js';
import { storeTestYear } from '../../../support/evaluation-store.js';

describe('evaluateUnits', () => {
  let db: Firestore;
  const deps = () => ({ db, clock: new ManualClock(vn('2025-01-15 08:00')), calendar: createCalendar() });
  beforeAll(async () => {
    db = await openFirestore(
      loadConfig({ ...process.env, GOOGLE_CLOUD_PROJECT: 'theodoi-it-evaluate-units' }),
    );
    await storeTestYear(db, 'huyen-thu');
  }, 60_000);

  it('evaluates the only organisation over 2024, as the test year was computed by hand', async () => {
    const { organisationId, model, reads } = await evaluateUnits(deps(), { range: yearRange(2024) });
    expect(organisationId).toBe('huyen-thu');
    expect(model.organisationName).toBe('Ủy ban nhân dân huyện Thử');
    expect(
      model.groups.map((g) => [g.name, g.rows.map((r) => [r.unitCode, r.score?.total, r.rank, r.groupRank])]),
    ).toEqual([
      [
        'Các ban, ngành thuộc UBND huyện',
        [
          ['NV', 90, 2, 1],
          ['TP', 55, 4, 2],
        ],
      ],
      [
        'UBND các xã',
        [
          ['X1', 30, 5, 3],
          ['X2', 75, 3, 2],
          ['X3', 100, 1, 1],
        ],
      ],
    ]);
    expect(model.totals).toMatchObject({
      reportsDue: 21,
      reportsLate: 5,
      reportsLateWorkingDays: 10,
      tasksDue: 4,
    });
    expect(reads.versions).toBe(4);
  });

  it("scores with the organisation file's rubric once it is imported", async () => {
    await importOrganisation(
      db,
      parseOrganisation({
        ...YEAR_ORGANISATION,
        id: 'huyen-thu',
        evaluation: { weights: { reports: 1, tasks: 0 }, maxScore: 10 },
      }),
      vn('2025-01-10 08:00'),
    );
    const { model } = await evaluateUnits(deps(), { organisationId: 'huyen-thu', range: yearRange(2024) });
    // Reports only, out of 10: NV 0.8 → 8, TP 0.6 → 6, X1 0.6 → 6, X2 0.75 → 7.5, X3 1 → 10.
    expect(model.groups.flatMap((g) => g.rows.map((r) => [r.unitCode, r.score?.total, r.grade]))).toEqual([
      ['NV', 8, 'Tốt'],
      ['TP', 6, 'Trung bình'],
      ['X1', 6, 'Trung bình'],
      ['X2', 7.5, 'Khá'],
      ['X3', 10, 'Xuất sắc'],
    ]);
  });

  it('asks which organisation when several are registered, and refuses one that is not', async () => {
    await importOrganisation(
      db,
      parseOrganisation({ ...YEAR_ORGANISATION, id: 'huyen-khac' }),
      vn('2025-01-10 08:00'),
    );
    const which = await evaluateUnits(deps(), { range: yearRange(2024) }).catch((e: unknown) => e);
    expect(which).toBeInstanceOf(UserFacingError);
    expect((which as Error).message).toBe(
      'Có 2 tổ chức trong hệ thống (huyen-khac, huyen-thu) — chỉ rõ tổ chức cần đánh giá bằng --org.',
    );
    await expect(
      evaluateUnits(deps(), { organisationId: 'khong-co', range: yearRange(2024) }),
    ).rejects.toBeInstanceOf(UserFacingError);
  });
});
