// The scheduled sweep reads only the spreadsheets Drive says changed since the last sweep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDirectives } from '@theodoi/functions/usecases/sweep';
import { startWorld, type World } from '@theodoi/test-kit/world';

describe('sweepDirectives', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld('sweep');
  });
  afterAll(async () => world?.close());

  it('syncs every open directive the first time, then only the one an officer edited', async () => {
    const second = await world.another('cchc-sweep-b');
    await world.another('cchc-sweep-c');
    const first = await sweepDirectives(world.deps);
    expect(first).toMatchObject({ openDirectives: 3, changedDirectives: 3 });

    // The first sweep wrote statuses into all three: the next sweep sees those changes and reads them once more.
    const settle = await sweepDirectives(world.deps);
    expect(settle.outcomes.every((o) => 'result' in o && o.calls?.sheetsWrites === 0)).toBe(true);

    await world.clients.sheets.spreadsheets.values.update({
      spreadsheetId: second.spreadsheetId,
      range: "'Quý I/2024'!C6",
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['3']] },
    });
    world.emulator.resetCounters();
    const sweep = await sweepDirectives(world.deps);
    expect(sweep).toMatchObject({ openDirectives: 3, changedDirectives: 1, driveCalls: 1 });
    expect(sweep.outcomes).toMatchObject([{ directiveId: 'cchc-sweep-b', changedUnits: 1 }]);
    expect(world.emulator.counters().methods).toEqual({
      'drive.changes.list': 1,
      'sheets.spreadsheets.getByDataFilter': 1,
      'sheets.spreadsheets.batchUpdate': 1,
    });
  });
});
