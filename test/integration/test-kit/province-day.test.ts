// The province day of the bench, small: 3 directives of the 2026 province, 60 edits in one simulated office
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
      directives: 3,
      editsPerDay: 60,
      sampled: 3,
      officeHours: [['07:30', '08:30']],
      // Google's shapes at a fiftieth of their delays: the test keeps its minute; the bench runs them whole.
      latency: { seed: 20, scale: 0.02 },
      row: (participants) => cchcRowWith(2, participants),
    });

    expect(day.units).toBe(114);
    expect(day.lost).toEqual([]);
    expect(day.requests.errors).toBe(0);
    expect(Object.values(day.quota.refused).reduce((a, b) => a + b, 0)).toBe(0);
    expect(day.quota.read.perUser).toBeLessThanOrEqual(60);
    expect(day.quota.read.perProject).toBeGreaterThanOrEqual(day.quota.read.perUser);

    // 20 edits on each of the 3 directives, plus the busy slot's share of 5 minutes of the hour (5 edits).
    const sampled = day.edits.filter((e) => !e.busySlot);
    expect(sampled).toHaveLength(60);
    expect(day.edits.filter((e) => e.busySlot)).toHaveLength(3);
    expect(sampled.every((e) => e.path === 'trigger' && e.verdictMs! > 0)).toBe(true);
    // Every edit ran the coordinator's trigger once.
    expect(day.triggerRuntime.editMs).toHaveLength(day.edits.length);

    const jobs = (job: string) => day.jobs.filter((j) => j.job === job);
    expect(jobs('check')).toHaveLength(1);
    expect(jobs('check')[0]!.directives).toBe(3);
    expect(jobs('dashboards')).toHaveLength(1); // 08:00
    expect(jobs('sweep')).toHaveLength(13); // 07:35 … 08:35
    expect(day.jobs.every((j) => j.failed === 0)).toBe(true);
    // Firestore: the jobs' and the triggers' operations make the day's.
    const jobReads = day.jobs.reduce((n, j) => n + j.firestore.reads, 0);
    const jobWrites = day.jobs.reduce((n, j) => n + j.firestore.writes, 0);
    expect(jobReads + day.triggerFirestore.reads).toBe(day.dayFirestore.reads);
    expect(jobWrites + day.triggerFirestore.writes).toBe(day.dayFirestore.writes);
    expect(day.triggerFirestore.writes).toBeGreaterThanOrEqual(day.edits.length);
  }, 60_000);
});
