// A sync that fails, or a lease whose holder died, never drops the edits that coalesced into it: the work is handed
// on (the lease let go with `pending` kept) and the sweep runs it, Drive change or not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_MS } from '@theodoi/functions/store/sync-lease';
import { sweepDirectives } from '@theodoi/functions/usecases/sweep';
import { startWorld, type World } from '@theodoi/test-kit/world';
import { cchcRowWith } from '../../../fixtures/cchc-rows.js';
import { REPORT_READS, statusOf, storedReport, typeAs } from '../../../support/report-tab.js';
import { until } from '../../../support/until.js';

describe('edits that coalesced into a sync that failed', () => {
  let world: World;
  const conferences = async () => (await storedReport(world, 'NV'))?.values.so_hoi_nghi;
  const lease = async () =>
    ((await world.db.doc(`directives/${world.spec.id}`).get()).get('syncLease') ?? {}) as { holder?: string };

  beforeAll(async () => {
    world = await startWorld('lost-edits');
    await world.sync('initial');
    typeAs(world, 'NV', cchcRowWith(29, 100));
    await world.sync('officer');
    // Two sweeps: the first sets Drive's cursor, the second reads back theodoi's own status write.
    await sweepDirectives(world.deps);
    await sweepDirectives(world.deps);
  });
  afterAll(async () => world?.close());

  it('are stored by the next sweep after the read fails five times under two simultaneous triggers', async () => {
    expect(await conferences()).toBe(29);
    typeAs(world, 'NV', ['735'], 'E');
    world.emulator.addFault({ status: 503, count: 5, latencyMs: 200, methods: REPORT_READS });
    // The first trigger's sync takes the lease and reads (and fails); the second arrives while it holds the lease.
    const first = world.sync('sheet:edit');
    await until(async () => ((await lease()).holder ? true : undefined));
    const answers = await Promise.allSettled([first, world.sync('sheet:edit')]);
    world.emulator.clearFaults();
    expect(answers.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(answers.find((a) => a.status === 'fulfilled')).toMatchObject({ value: { result: 'coalesced' } });

    await sweepDirectives(world.deps);
    expect(await conferences()).toBe(735);
    expect(await statusOf(world, 'NV')).toBe('✔ Đã tiếp nhận');
  });

  it('are stored by the sweep once a dead holder’s lease expires, even with no Drive change left to see', async () => {
    const directive = world.db.doc(`directives/${world.spec.id}`);
    await directive.update({
      syncLease: {
        holder: 'died-mid-sync',
        until: new Date(world.clock.now().getTime() + LEASE_MS),
        pending: false,
      },
    });
    typeAs(world, 'NV', ['736'], 'E');
    // This sweep sees the Drive change but finds the lease held: it leaves its work pending and moves the cursor on.
    const held = await sweepDirectives(world.deps);
    expect(held.outcomes).toMatchObject([{ result: 'coalesced' }]);
    expect(await conferences()).toBe(735);

    world.clock.advance(LEASE_MS + 1_000);
    const sweep = await sweepDirectives(world.deps);
    expect(sweep.outcomes).toMatchObject([{ directiveId: world.spec.id, result: 'synced', changedUnits: 1 }]);
    expect(await conferences()).toBe(736);
  });
});
