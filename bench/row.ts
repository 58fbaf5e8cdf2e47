/** One line of the bench table, and the small number helpers the benchmarks share. */

/** A figure: what, how much, in what unit, DESIGN §6's target where one applies and whether it is met. */
export interface Row {
  name: string;
  value: number | null;
  unit: string;
  target?: string;
  met?: boolean;
  note?: string;
}

/** Rounds to one decimal. */
export function round(x: number): number {
  return Math.round(x * 10) / 10;
}

/** The nearest-rank percentile `p` (0–100) of `samples`. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Bytes as MiB, one decimal. */
export function mib(bytes: number): number {
  return round(bytes / 2 ** 20);
}
