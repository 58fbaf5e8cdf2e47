// A province's morning: the deadline check of 200 open directives under Google's per-minute Sheets quotas paces
// itself, so no 429 ever reaches it and every directive is checked, in the few minutes the quota allows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDeadlines } from '@theodoi/functions/usecases/check-deadlines';
import { buildWorld, quarterlyDirective, thapMuoi, type LocalWorld } from '@theodoi/test-kit/world';

const DIRECTIVES = 200;

describe('the morning check of 200 directives under Sheets quotas', () => {
  let world: LocalWorld;
  beforeAll(async () => {
    const organisation = { ...thapMuoi, id: 'org-quotas' };
    world = await buildWorld({
      project: 'theodoi-it-quotas',
      clock: '2024-03-05T02:00:00Z',
      organisation,
      // The emulator counts requests per minute of the world's simulated time, as Google does of real time.
      sheetsOnWorldClock: true,
      quotas: 'google',
    });
    // Provisioning is two Sheets writes a directive: 25 a minute keeps it under the write quota too.
    for (let i = 0; i < DIRECTIVES; i++) {
      if (i > 0 && i % 25 === 0) world.clock.advance(61_000);
      await world.addDirective(quarterlyDirective(`quota-${i}`, organisation, ['VP', '30052']));
    }
  }, 600_000);
  afterAll(async () => world?.close());

  it('checks every directive with no 429, at most 40 reads and 40 writes a minute', async () => {
    world.clock.set('2024-03-19T00:30:00Z'); // 07:30 in Vietnam, a working Tuesday after the Q1 deadline
    // Two simulated weeks on, the coordinator's access token is long expired on the emulator's clock while
    // google-auth-library, on the machine's, still holds it fresh: one call has it refused (401) and renewed first.
    await world.clients.drive.files.list({ pageSize: 1, fields: 'files(id)' });
    world.emulator.resetCounters();
    const started = world.clock.now().getTime();
    const check = await checkDeadlines(world.deps);
    const took = world.clock.now().getTime() - started;

    expect(check.failed).toEqual([]);
    expect(check.directives).toHaveLength(DIRECTIVES);
    const counters = world.emulator.counters();
    expect(counters.errors).toEqual({});
    expect(counters.methods['sheets.spreadsheets.values.batchGetByDataFilter']).toBe(DIRECTIVES);
    // 200 reads at 40 a minute cannot take less than four minutes and a bit; the pace adds nothing beyond that.
    expect(check.pacedMs).toBeGreaterThan(0);
    expect(took).toBeGreaterThanOrEqual(4 * 60_000);
    expect(took).toBeLessThan(6 * 60_000);
    console.log(`200 directives checked in ${(took / 60_000).toFixed(1)} simulated minutes, 0 × 429`);
  }, 300_000);
});
