// The province day of the bench, small: 2 directives of the 2026 province, 12 edits in half a simulated office
// hour, the 07:30 check, dashboards and sweeps, Google's quotas and latency model on. No edit may be lost, no 429
// may be sent, and the figures it reports must add up.
import { describe, expect, it } from 'vitest';
import { dongThap2026, runProvinceDay, type ProvinceDay } from '@theodoi/test-kit/province-day';
import { cchcRowWith } from '../../fixtures/cchc-rows.js';

describe('a small province day under Google’s quotas and latency', () => {
  let day: ProvinceDay;

  it('types every edit, loses none, paces to no 429, and its counts add up', async () => {
    const { organisation, directive } = dongThap2026();
    day = await runProvinceDay({
      project: 'theodoi-it-province-day',
      organisation,
      directive,
      directives: 2,
      editsPerDay: 12,
      sampled: 2,
      waitedEdits: 1,
      officeHours: [['07:30', '08:00']],
      // Google's delays whole: all but one edit's pass on the day's clock, so the test keeps its minute.
      latency: { seed: 20 },
      row: (participants) => cchcRowWith(2, participants),
    });

    expect(day.units).toBe(114);
    expect(day.lost).toEqual([]);
    expect(day.requests.errors).toBe(0);
    expect(Object.values(day.quota.refused).reduce((a, b) => a + b, 0)).toBe(0);
    expect(day.quota.read.perUser).toBeLessThanOrEqual(60);
    expect(day.quota.read.perProject).toBeGreaterThanOrEqual(day.quota.read.perUser);

    // 6 edits on each of the 2 directives, plus the busy slot's share of 5 minutes of the half hour (2 edits).
    const sampled = day.edits.filter((e) => !e.busySlot);
    expect(sampled).toHaveLength(12);
    expect(day.edits.filter((e) => e.busySlot)).toHaveLength(2);
    expect(sampled.every((e) => e.path === 'trigger' && e.verdictMs! > 0)).toBe(true);
    // One waited Google's delays in real time, the others' passed on the day's clock: they count there too (the
    // modelled trigger delay, start-up, Sheets read and write alone have medians over 2 s).
    expect(sampled.filter((e) => e.waited)).toHaveLength(1);
    const onClock = sampled.filter((e) => !e.waited).map((e) => e.verdictMs!);
    expect(onClock.sort((a, b) => a - b)[Math.floor(onClock.length / 2)]).toBeGreaterThan(2000);
    expect(day.edits.every((e) => e.triggerMs! > 0)).toBe(true);
    // Every edit ran the coordinator's trigger once.
    expect(day.triggerRuntime.editMs).toHaveLength(day.edits.length);

    const jobs = (job: string) => day.jobs.filter((j) => j.job === job);
    expect(jobs('check')).toHaveLength(1);
    expect(jobs('check')[0]!.directives).toBe(2);
    expect(jobs('dashboards')).toHaveLength(1); // 08:00
    expect(jobs('sweep')).toHaveLength(7); // 07:35 … 08:05
    expect(day.jobs.every((j) => j.failed === 0)).toBe(true);
    // Firestore: the jobs' and the triggers' operations make the day's.
    const jobReads = day.jobs.reduce((n, j) => n + j.firestore.reads, 0);
    const jobWrites = day.jobs.reduce((n, j) => n + j.firestore.writes, 0);
    expect(jobReads + day.triggerFirestore.reads).toBe(day.dayFirestore.reads);
    expect(jobWrites + day.triggerFirestore.writes).toBe(day.dayFirestore.writes);
    expect(day.triggerFirestore.writes).toBeGreaterThanOrEqual(day.edits.length);
  }, 90_000);
});
