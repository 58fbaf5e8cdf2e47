// The one world the tests, the bench and the demo build: emulators, theodoi's runtime on the world's simulated
// clock, the organisation imported, directives provisioned by the production use case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUnits } from '@theodoi/functions/store/units';
import { syncDirective } from '@theodoi/functions/usecases/sync-directive';
import { buildWorld, quarterlyDirective, thapMuoi, type LocalWorld } from '@theodoi/test-kit/world';

describe('buildWorld', () => {
  let world: LocalWorld;
  beforeAll(async () => {
    world = await buildWorld({
      project: 'theodoi-it-world',
      clock: '2024-03-12T02:00:00Z',
      organisation: { ...thapMuoi, id: 'org-world' },
      sheetsOnWorldClock: true,
      env: { THEODOI_SYNC_TOPIC: 'world-sync-requests' },
    });
  });
  afterAll(() => world?.close());

  it('imports the organisation and runs the runtime on the world’s clock, with the environment it was given', async () => {
    expect(await listUnits(world.db, 'org-world')).toHaveLength(thapMuoi.units.length);
    expect(world.runtime.clock.now().toISOString()).toBe('2024-03-12T02:00:00.000Z');
    world.clock.advance(60_000);
    expect(world.deps.clock.now().toISOString()).toBe('2024-03-12T02:01:00.000Z');
    expect(world.runtime.config).toMatchObject({
      projectId: 'theodoi-it-world',
      sheetsEmulatorUrl: world.emulator.url,
      syncTopic: 'world-sync-requests',
    });
    expect(world.env).toMatchObject({
      GOOGLE_CLOUD_PROJECT: 'theodoi-it-world',
      SHEETS_EMULATOR_URL: world.emulator.url,
      FIRESTORE_EMULATOR_HOST: world.emulators.firestore.host,
    });
  });

  it('provisions a directive that syncs, with every unit of the organisation a recipient by default', async () => {
    const spec = quarterlyDirective('cchc-world', world.organisation);
    expect(spec).toMatchObject({ issuer: thapMuoi.name, coordinators: [thapMuoi.coordinator.email] });
    const created = await world.addDirective(spec);
    expect(created.tabs.map((t) => t.periodKey)).toEqual(['2024-Q1']);
    expect(await syncDirective(world.deps, { directiveId: 'cchc-world', trigger: 'test' })).toMatchObject({
      result: 'synced',
      counts: { empty: thapMuoi.units.length },
    });
  });

  it('opens no trigger path unless asked', () => {
    expect(world.triggers).toBeUndefined();
    expect(world.runtime.callers()).toBeUndefined();
  });
});

describe('buildWorld with the sheet triggers', () => {
  let world: LocalWorld;
  beforeAll(async () => {
    world = await buildWorld({
      project: 'theodoi-it-world-triggers',
      clock: '2024-03-12T02:00:00Z',
      organisation: { ...thapMuoi, id: 'org-world-triggers' },
      sheetTriggers: true,
    });
  });
  afterAll(() => world?.close());

  it("serves sheetEvent, sheetTargets and syncDirectiveEvent on the world's runtime, with the script's audience", async () => {
    const triggers = world.triggers!;
    expect(world.env).toMatchObject({
      PUBSUB_EMULATOR_HOST: triggers.pubsubHost,
      THEODOI_SCRIPT_CLIENT_ID: triggers.clientId,
    });
    expect(world.runtime.config.scriptClientId).toBe(triggers.clientId);
    for (const name of ['sheetEvent', 'sheetTargets', 'syncDirectiveEvent']) {
      const res = await fetch(`${triggers.url}/${name}`, { method: 'GET' });
      expect(res.status, name).toBe(405);
    }
    await triggers.settled();
  });

  it("sets the coordinator's standalone script up, owned by them, with theodoi's URL as its one property", async () => {
    await world.addDirective(quarterlyDirective('cchc-world-triggers', world.organisation));
    const script = await world.triggers!.installCoordinatorScript(thapMuoi.coordinator.email);
    expect(script.setup.result).toEqual({ listed: 1, added: 1, removed: 0, failed: [] });
    const project = world.emulator.appsScript.scripts.get(script.scriptId);
    expect(project).toMatchObject({
      owner: thapMuoi.coordinator.email,
      clientId: world.triggers!.clientId,
      scriptProperties: { THEODOI_URL: world.triggers!.url },
    });
    expect(project.boundTo).toBeUndefined();
  });
});
