// commitSync: no document over Firestore's size is sent (the row is returned as not stored, naming its longest cell),
// long texts are stored whole apart, and commits stay under the size and count limits.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Firestore } from 'firebase-admin/firestore';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import { loadConfig } from '@theodoi/functions/config';
import { planSync } from '@theodoi/functions/domain/sync/plan-sync';
import { createRowValidator } from '@theodoi/functions/domain/validation/validate-row';
import { statusText } from '@theodoi/functions/sheets/layout/status-cells';
import { commitSync, FIRESTORE_LIMITS } from '@theodoi/functions/store/commit-sync';
import { openFirestore } from '@theodoi/functions/store/firestore';
import { loadReportCells } from '@theodoi/functions/store/report-cells';

let db: Firestore;
beforeAll(async () => {
  db = await openFirestore(loadConfig({ ...process.env, GOOGLE_CLOUD_PROJECT: 'theodoi-it-commit' }));
});

const template = loadTemplate('cchc-tuyen-truyen@1');
const validator = createRowValidator(template, { referenceYear: 2024 });
const now = new Date('2024-03-12T02:00:00Z');
const info = (syncId: string) => ({
  syncId,
  trigger: 'test',
  startedAt: now,
  durationMs: 1,
  calls: { sheetsReads: 1, sheetsWrites: 1 },
  attribution: { source: 'cli' as const },
});
const textColumns = template.columns
  .filter((c) => c.type === 'text' || c.type === 'longText')
  .map((c) => c.key);

describe('commitSync', () => {
  it('never sends a document over the limit: that row is not stored, the others are', async () => {
    const wide = Object.fromEntries(textColumns.map((key) => [key, 'ệ'.repeat(1_400)]));
    const rows = [
      {
        rowIndex: 4,
        unitCode: 'A',
        cells: { ...wide, so_hoi_nghi: 3, uu_diem: 'ệ'.repeat(1_450) },
        statusText: '',
      },
      { rowIndex: 5, unitCode: 'B', cells: { so_hoi_nghi: 3 }, statusText: '' },
    ];
    const plan = planSync(rows, new Map(), validator, statusText);
    const limits = { ...FIRESTORE_LIMITS, documentBytes: 20_000 };
    const committed = await commitSync(
      db,
      'd-commit-1',
      [{ periodKey: 'P', plan, stored: new Map() }],
      info('s1'),
      now,
      limits,
    );
    expect(committed.unstorable).toEqual([{ periodKey: 'P', unitCode: 'A', rowIndex: 4, column: 'uu_diem' }]);
    expect((await db.doc('directives/d-commit-1/reports/P~A').get()).exists).toBe(false);
    expect((await db.doc('directives/d-commit-1/reports/P~B').get()).exists).toBe(true);
    expect((await db.doc('directives/d-commit-1/snapshots/s1').get()).get('periods.P.notStored')).toEqual([
      'A',
    ]);
  });

  it('keeps long cells whole, apart, and a report document small whatever was pasted', async () => {
    const long = 'ệ'.repeat(50_000);
    const rows = [
      {
        rowIndex: 4,
        unitCode: 'A',
        cells: Object.fromEntries(template.columns.slice(0, 7).map((c) => [c.key, long])),
        statusText: '',
      },
    ];
    const plan = planSync(rows, new Map(), validator, statusText);
    const committed = await commitSync(
      db,
      'd-commit-2',
      [{ periodKey: 'P', plan, stored: new Map() }],
      info('s2'),
      now,
    );
    expect(committed.unstorable).toEqual([]);
    const report = await db.doc('directives/d-commit-2/reports/P~A').get();
    expect(JSON.stringify(report.data()).length).toBeLessThan(50_000);
    expect((await db.collection('directives/d-commit-2/reports/P~A/texts').get()).size).toBe(1);
    const { cells } = (await loadReportCells(db, 'd-commit-2', ['P'])).get('P')!.get('A')!;
    expect(Object.values(cells)).toEqual(Array.from({ length: 7 }, () => long));
  });
});
