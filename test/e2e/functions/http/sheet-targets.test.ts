// sheetTargets over HTTP: the coordinator's script, proving who it is with its ID token, learns which of their
// spreadsheets should have an edit trigger; anyone else's token lists nothing, and a token Google did not sign for
// theodoi's audience is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_VERSION } from '@theodoi/apps-script/contract';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';
import { bearer, forgedToken, googleToken } from '../../../support/id-tokens.js';
import { jsonBody, send } from '../../../support/json-answer.js';

describe('sheetTargets', () => {
  let world: World;
  let url = '';
  const ask = async (token: string) => send(url, { headers: bearer(token), body: '{"v": 2}' });

  beforeAll(async () => {
    world = await startWorld('sheet-targets-http', undefined, { sheetTriggers: true });
    url = `${world.triggers!.url}/sheetTargets`;
  });
  afterAll(async () => {
    await world?.close();
  });

  it("lists the coordinator's open directives' spreadsheets", async () => {
    const token = await googleToken(world.emulator, world.triggers!.clientId, thapMuoi.coordinator.email);
    expect(jsonBody(await ask(token), 200)).toEqual({
      v: CONTRACT_VERSION,
      spreadsheetIds: [world.directive.spreadsheetId],
      openDirectives: 1,
    });
  });

  it('lists nothing for an officer who follows no directive', async () => {
    const officer = thapMuoi.units.find((u) => u.code === '30052')!.editors[0]!;
    const token = await googleToken(world.emulator, world.triggers!.clientId, officer);
    expect(jsonBody(await ask(token), 200)).toEqual({
      v: CONTRACT_VERSION,
      spreadsheetIds: [],
      openDirectives: 0,
    });
  });

  it('refuses a forged token, a missing one and another audience’s, and anything but POST', async () => {
    const email = thapMuoi.coordinator.email;
    expect(
      jsonBody(await ask(await forgedToken(world.emulator, world.triggers!.clientId, email)), 401),
    ).toMatchObject({
      code: 'invalid-token',
    });
    expect(jsonBody(await send(url, { body: '{}' }), 401)).toMatchObject({ code: 'missing-token' });
    const foreign = await googleToken(world.emulator, '42-khac.apps.googleusercontent.com', email);
    expect(jsonBody(await ask(foreign), 401)).toMatchObject({ code: 'wrong-audience' });
    expect(jsonBody(await send(url, { method: 'GET' }), 405)).toMatchObject({ code: 'method-not-allowed' });
  });
});
