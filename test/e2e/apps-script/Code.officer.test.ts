// What an officer can learn and do (decision 004): they read every Script Property of every script they can open,
// find no script bound to their directive's spreadsheet and cannot open the coordinator's standalone one (403);
// a script of their own, even running Code.gs itself, gets ID tokens for its own audience, which theodoi refuses
// before any work. Nothing they can reach lets them call theodoi as someone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionRecord } from '@theodoi/sheets-emulator/apps-script/model';
import { coordinatorScriptFiles, type CoordinatorScript } from '@theodoi/test-kit/sheet-triggers';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';
import { admin, createScript, runScript } from '../../support/apps-script.js';

const OFFICER = thapMuoi.units.find((u) => u.code === '30052')!.editors[0]!;
const TAB = 'Quý I/2024';

describe('an officer with edit access to the directive', () => {
  let world: World;
  let script: CoordinatorScript;

  beforeAll(async () => {
    world = await startWorld('officer-reads', undefined, { sheetTriggers: true });
    script = await world.triggers!.installCoordinatorScript(thapMuoi.coordinator.email);
  }, 60_000);
  afterAll(async () => {
    await world?.close();
  });

  it('can open no script of the directive: none is bound to its spreadsheet, the coordinator’s is refused', async () => {
    const all = await admin<{ scripts: { scriptId: string; boundTo?: string }[] }>(
      world.emulator,
      'GET',
      '/scripts',
    );
    expect(all.body.scripts.filter((s) => s.boundTo === world.directive.spreadsheetId)).toEqual([]);
    const opened: Record<string, unknown> = {};
    for (const { scriptId } of all.body.scripts) {
      const code = await admin(world.emulator, 'GET', `/scripts/${scriptId}?as=${OFFICER}`);
      const props = await admin(world.emulator, 'GET', `/scripts/${scriptId}/properties?as=${OFFICER}`);
      if (code.status === 200) opened[scriptId] = props.body;
      else expect([code.status, props.status]).toEqual([403, 403]);
    }
    expect(opened).toEqual({});
    expect(all.body.scripts.map((s) => s.scriptId)).toContain(script.scriptId);
    // The coordinator sees the one property there is: theodoi's URL.
    const own = await admin(
      world.emulator,
      'GET',
      `/scripts/${script.scriptId}/properties?as=${thapMuoi.coordinator.email}`,
    );
    expect(own.body).toEqual({ properties: { THEODOI_URL: world.triggers!.url } });
  });

  it('gets tokens for their own script’s audience from a copy of Code.gs, which theodoi refuses before any work', async () => {
    const { source, manifest } = coordinatorScriptFiles();
    // Code.gs is public (this repository): the officer pastes it into a project of their own, in their own Cloud
    // project, and points it at theodoi.
    const copy = await createScript(world.emulator, {
      owner: OFFICER,
      source: `${source}
function goiThu() {
  var event = { v: 2, spreadsheetId: '${world.directive.spreadsheetId}', kind: 'edit', sheetName: '${TAB}' };
  return [theodoiPost_('/sheetEvent', event).getContentText(), theodoiPost_('/sheetTargets', { v: 2 }).getContentText()];
}`,
      manifest,
      scriptProperties: { THEODOI_URL: world.triggers!.url },
    });
    expect(copy.clientId).not.toBe(world.triggers!.clientId);
    world.emulator.resetCounters();
    const run: ExecutionRecord = await runScript(world.emulator, copy.scriptId, 'goiThu', OFFICER);
    expect(run.status).toBe('completed');
    expect((run.result as string[]).map((text) => JSON.parse(text) as unknown)).toEqual([
      { error: 'the caller did not prove who it is', code: 'wrong-audience' },
      { error: 'the caller did not prove who it is', code: 'wrong-audience' },
    ]);
    expect(run.urlFetch.map((f) => f.status)).toEqual([401, 401]);
    await world.triggers!.settled();
    expect(world.triggers!.answers().filter((a) => a.function === 'syncDirectiveEvent')).toEqual([]);
    expect(world.emulator.counters().total).toBe(0);
  });
});
