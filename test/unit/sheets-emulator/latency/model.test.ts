// The latency model's table is the README's: every group documented with its median and p95 (and per-KiB cost), and
// many draws of each group land on those figures. Every API method the emulator serves belongs to a group.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Latency } from '@theodoi/sheets-emulator/latency/latency';
import { GOOGLE_LATENCY, groupOfMethod, LATENCY_GROUPS } from '@theodoi/sheets-emulator/latency/model';

const README = readFileSync(
  new URL('../../../../scripts/sheets-emulator/README.md', import.meta.url),
  'utf8',
);

/** The README table's figures per group: median, p95 and ms/KiB as written. */
function documented(): Map<string, { medianMs: number; p95Ms: number; msPerKiB?: number }> {
  const rows = new Map<string, { medianMs: number; p95Ms: number; msPerKiB?: number }>();
  const number = (text: string) => Number(text.replace(/,/g, ''));
  for (const line of README.split('\n')) {
    const row =
      /^\| `([a-zA-Z.]+)` +\|[^|]*\| log-normal, median ([\d,]+) ms, p95 ([\d,.]+) ms(?:, \+ ([\d.]+) ms\/KiB)? +\|/.exec(
        line,
      );
    if (!row) continue;
    rows.set(row[1]!, {
      medianMs: number(row[2]!),
      p95Ms: number(row[3]!),
      ...(row[4] !== undefined ? { msPerKiB: number(row[4]) } : {}),
    });
  }
  return rows;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

describe('the latency model', () => {
  it('is documented in the README, row for row', () => {
    const rows = documented();
    expect([...rows.keys()].sort()).toEqual([...LATENCY_GROUPS].sort());
    for (const group of LATENCY_GROUPS) expect(rows.get(group), group).toEqual(GOOGLE_LATENCY[group]);
  });

  it.each(LATENCY_GROUPS)(
    'draws %s with the documented median and p95 (20,000 draws, within 5 %%)',
    (group) => {
      const latency = new Latency('google');
      const draws = Array.from({ length: 20_000 }, () => latency.sample(group)).sort((a, b) => a - b);
      const { medianMs, p95Ms } = GOOGLE_LATENCY[group];
      expect(quantile(draws, 0.5)).toBeGreaterThan(medianMs * 0.95);
      expect(quantile(draws, 0.5)).toBeLessThan(medianMs * 1.05);
      expect(quantile(draws, 0.95)).toBeGreaterThan(p95Ms * 0.95);
      expect(quantile(draws, 0.95)).toBeLessThan(p95Ms * 1.05);
      expect(draws[0]).toBeGreaterThan(0);
    },
  );

  it('puts every Sheets and Drive method the emulator serves in a group', () => {
    const reads = ['values.get', 'values.batchGet', 'values.batchGetByDataFilter', 'get', 'getByDataFilter'];
    for (const m of reads) expect(groupOfMethod(`sheets.spreadsheets.${m}`), m).toBe('sheets.read');
    const writes = ['batchUpdate', 'values.update', 'values.append', 'values.clear', 'values.batchUpdate'];
    for (const m of writes) expect(groupOfMethod(`sheets.spreadsheets.${m}`), m).toBe('sheets.write');
    expect(groupOfMethod('sheets.spreadsheets.create')).toBe('sheets.create');
    expect(groupOfMethod('drive.files.get')).toBe('drive.get');
    expect(groupOfMethod('drive.files.list')).toBe('drive.list');
    expect(groupOfMethod('drive.files.create')).toBe('drive.write');
    expect(groupOfMethod('drive.permissions.create')).toBe('drive.share');
    expect(groupOfMethod('drive.changes.list')).toBe('drive.changes');
    expect(groupOfMethod('drive.files.watch')).toBe('drive.watch');
    expect(groupOfMethod('drive.about.get')).toBeUndefined();
  });
});
