// The obligations loaded from Firestore are the ones the test year describes — report rows for every recipient and
// opened period, task rows with their roles, versions, extensions — read with one query per directive and kind of
// document and versions only for reports that had more than one; and a closed directive owes nothing after it closed.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Firestore } from 'firebase-admin/firestore';
import { loadConfig } from '@theodoi/functions/config';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { yearRange } from '@theodoi/functions/domain/evaluation/index';
import { openFirestore } from '@theodoi/functions/store/firestore';
import { loadObligations } from '@theodoi/functions/store/obligations';
import { obligationOrder, vn, yearObligations } from '../../../fixtures/evaluation-year.js';
import { storeTestYear } from '../../../support/evaluation-store.js';

const calendar = createCalendar();

describe('loadObligations', () => {
  let db: Firestore;
  beforeAll(async () => {
    db = await openFirestore(loadConfig({ ...process.env, GOOGLE_CLOUD_PROJECT: 'theodoi-it-obligations' }));
    await storeTestYear(db, 'huyen-thu');
    // Another organisation's directive is not read.
    await storeTestYear(db, 'huyen-khac', 'khac-');
  }, 60_000);

  it('rebuilds every obligation of the year from the directives, periods, reports, versions and extensions', async () => {
    const loaded = await loadObligations(db, {
      organisationId: 'huyen-thu',
      range: yearRange(2024),
      calendar,
    });
    // R3's only row is due in 2025: it is not loaded for 2024.
    const expected = yearObligations(calendar).filter((o) => o.directiveId !== 'r3-bao-cao-nam');
    expect(loaded.obligations.sort((a, b) => obligationOrder(a).localeCompare(obligationOrder(b)))).toEqual(
      expected,
    );
    expect(loaded.directives.map((d) => [d.id, d.number, d.status])).toEqual([
      ['r1-bao-cao-quy', '10/UBND-NV', 'open'],
      ['r2-bao-cao-tet', '25/UBND-VP', 'open'],
      ['t1-nhiem-vu', '80/KH-UBND', 'open'],
      ['r3-bao-cao-nam', '300/UBND-NV', 'open'],
    ]);
    expect(loaded.directives[0]!.spreadsheetUrl).toBe(
      'https://docs.google.com/spreadsheets/d/sheet-r1-bao-cao-quy/edit',
    );
  });

  it('reads one query per directive and kind of document, and versions only of reports with several', async () => {
    const { reads } = await loadObligations(db, {
      organisationId: 'huyen-thu',
      range: yearRange(2024),
      calendar,
    });
    // 1 for the directives; per directive 1 for its periods and 1 for its extensions (4 × 2); 1 for the reports
    // of R1, R2 and T1 (R3 owes nothing in 2024, so its reports are not read).
    expect(reads.queries).toBe(12);
    // NV's Q3 report (refused, then valid) and TP's task row (in progress, then completed) had two versions each.
    expect(reads.versions).toBe(4);
    expect(reads.batchedReads).toBe(2);
  });

  it('loads 2025 from the same documents: the report due in January 2025', async () => {
    const loaded = await loadObligations(db, {
      organisationId: 'huyen-thu',
      range: yearRange(2025),
      calendar,
    });
    expect(
      loaded.obligations.map((o) => [o.directiveId, o.unitCode, o.deadline, o.firstSubmittedAt]),
    ).toEqual([['r3-bao-cao-nam', 'NV', '2025-01-10', vn('2025-01-08 09:00')]]);
  });

  it("owes a closed directive's periodic task only for periods that started before it closed", async () => {
    await db.doc('directives/dong-nhiem-vu').set({
      id: 'dong-nhiem-vu',
      organisation: 'huyen-dong',
      number: '5/KH-UBND',
      date: '2024-01-10',
      subject: 'nhiệm vụ định kỳ',
      recipients: ['A', 'B'],
      schedule: {
        kind: 'once',
        opensOn: '2024-01-10',
        deadline: '2024-12-31',
        onNonWorkingDay: 'next-working-day',
      },
      tasks: [
        {
          id: 'nv1',
          text: 'Báo cáo tiến độ hằng quý',
          lead: 'A',
          support: ['B'],
          due: {
            kind: 'periodic',
            schedule: {
              kind: 'quarterly',
              first: '2024-Q1',
              deadline: { type: 'working-days-after-cutoff', days: 2 },
            },
          },
        },
      ],
      spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/dong/edit',
      status: 'closed',
      closedAt: vn('2024-05-10 09:00'),
    });
    const loaded = await loadObligations(db, {
      organisationId: 'huyen-dong',
      range: yearRange(2024),
      calendar,
    });
    expect(loaded.obligations.map((o) => [o.unitCode, o.role, o.kind, o.periodKey, o.deadline])).toEqual([
      ['A', 'lead', 'task', '2024-Q1', '2024-03-18'],
      ['A', 'lead', 'task', '2024-Q2', '2024-06-18'],
      ['B', 'support', 'task', '2024-Q1', '2024-03-18'],
      ['B', 'support', 'task', '2024-Q2', '2024-06-18'],
    ]);
    expect(loaded.directives.map((d) => d.status)).toEqual(['closed']);
  });
});
