/** Counts what a block of work asked of the Sheets/Drive emulator, split as Google's quotas count it. */
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { quotaKind } from '@theodoi/sheets-emulator/quotas';

/** Requests made, by kind; `methods` per discovery method id. */
export interface ApiCalls {
  sheetsReads: number;
  sheetsWrites: number;
  drive: number;
  /** Requests answered with an error (none expected: no faults are injected). */
  errors: number;
  methods: Record<string, number>;
}

/** Zeroes the emulator's counters, runs `work`, and returns its result with the requests it made. */
export async function countCalls<T>(
  emulator: EmulatorServer,
  work: () => Promise<T>,
): Promise<{ result: T; calls: ApiCalls; ms: number }> {
  emulator.resetCounters();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const { methods, errors } = emulator.counters();
  const calls: ApiCalls = { sheetsReads: 0, sheetsWrites: 0, drive: 0, errors: 0, methods };
  for (const [method, n] of Object.entries(methods)) {
    const kind = quotaKind(method);
    if (kind === 'read') calls.sheetsReads += n;
    else if (kind === 'write') calls.sheetsWrites += n;
    else if (method.startsWith('drive.')) calls.drive += n;
  }
  calls.errors = Object.values(errors).reduce((a, b) => a + b, 0);
  return { result, calls, ms };
}
