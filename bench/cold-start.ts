/** Measures cold start: the time a fresh Node process takes to import a module, minus an empty process's time. */
import { execFileSync } from 'node:child_process';

/** Median wall time, in ms, of `runs` fresh processes importing `specifier` (0 = empty process). */
export function importTimeMs(specifier: string | null, runs = 7, cwd = process.cwd()): number {
  const script = specifier
    ? `const t=performance.now();await import(${JSON.stringify(specifier)});process.stdout.write(String(performance.now()-t))`
    : `process.stdout.write('0')`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    times.push(
      Number(
        execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd, encoding: 'utf8' }),
      ),
    );
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
