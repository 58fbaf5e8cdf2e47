// A signed sheet event is claimed only once it is known to concern a directive: a call about any other
// spreadsheet writes nothing before it is answered.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveSheetEdit } from '@theodoi/functions/usecases/receive-sheet-edit';
import { startWorld, type World } from '@theodoi/test-kit/world';

describe('receiveSheetEdit', () => {
  let world: World;
  const synced: unknown[] = [];
  beforeAll(async () => {
    world = await startWorld('receive-edit');
  });
  afterAll(async () => world?.close());

  it('writes no delivery record for a spreadsheet that is not a directive’s', async () => {
    const deliveryId = randomUUID();
    const outcome = await receiveSheetEdit(
      { ...world.deps, events: { directiveSynced: (o) => synced.push(o) } },
      {
        v: 1,
        deliveryId,
        spreadsheetId: 'not-a-directive-spreadsheet',
        kind: 'edit',
        sheetName: 'Trang tính1',
        range: 'A1',
        user: 'ai.do@gmail.com',
      },
    );
    expect(outcome).toEqual({ kind: 'unknown-spreadsheet' });
    expect((await world.db.doc(`events/${deliveryId}`).get()).exists).toBe(false);
    expect(synced).toEqual([]);
  });
});
