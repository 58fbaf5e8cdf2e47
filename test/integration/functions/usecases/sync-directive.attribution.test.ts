// Who changed a row is recorded on its version: how the sync was asked for, by whom (the verified identity of the
// caller), and the editor Drive names as the spreadsheet's last modifier when that person may edit the unit's row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncDirective } from '@theodoi/functions/usecases/sync-directive';
import { sweepDirectives } from '@theodoi/functions/usecases/sweep';
import { startWorld, type World } from '@theodoi/test-kit/world';
import { cchcRowWith } from '../../../fixtures/cchc-rows.js';
import { editorOf, typeAs, versionsOf } from '../../../support/report-tab.js';

const TRIGGER_OWNER = 'dieu.phoi.thapmuoi@gmail.com';

describe('attribution of versions', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld('attribution');
    await world.sync('initial');
  });
  afterAll(async () => world?.close());

  it('records the trigger, who asked and the officer who typed', async () => {
    typeAs(world, 'NV', cchcRowWith(3, 120));
    world.emulator.resetCounters();
    await syncDirective(world.deps, { directiveId: world.spec.id, trigger: 'sheet:edit', by: TRIGGER_OWNER });
    expect((await versionsOf(world, 'NV')).at(-1)).toMatchObject({
      source: 'trigger',
      requestedBy: TRIGGER_OWNER,
      editor: editorOf('NV'),
    });
    // Who edited last comes with Drive's version before the read (one call); one more learns the version the
    // write left (decision 011).
    expect(world.emulator.counters().methods).toMatchObject({ 'drive.files.get': 2 });
    world.emulator.resetCounters();
    await world.sync('nothing changed');
    expect(world.emulator.counters().methods['drive.files.get']).toBe(1);
  });

  it('names no editor on a row the last modifier may not edit, and the sweep as the source', async () => {
    typeAs(world, 'NV', ['4'], 'E');
    typeAs(world, 'TP', cchcRowWith(2, 40));
    await sweepDirectives(world.deps);
    const nv = (await versionsOf(world, 'NV')).at(-1)!;
    expect(nv).toMatchObject({ source: 'sweep', version: 2 });
    expect(nv.editor).toBeUndefined();
    expect((await versionsOf(world, 'TP')).at(-1)).toMatchObject({ source: 'sweep', editor: editorOf('TP') });
  });
});
