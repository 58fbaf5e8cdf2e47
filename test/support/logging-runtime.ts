// Test helper: a runtime for the HTTP edge whose log lines are collected, with nothing else opened.
import { ManualClock } from '@theodoi/functions/clock';
import { loadConfig } from '@theodoi/functions/config';
import { createLogger } from '@theodoi/functions/logger';
import { createLogs } from '@theodoi/functions/logs';
import type { Runtime } from '@theodoi/functions/runtime';

/** A runtime with an empty configuration that pushes each log line to `lines`; Firestore and Google refuse to open. */
export function loggingRuntime(lines: string[]): Runtime {
  const unused = () => Promise.reject(new Error('not opened in this test'));
  return {
    config: loadConfig({}),
    logs: createLogs(createLogger('info', (line) => lines.push(line))),
    clock: new ManualClock('2024-03-19T01:00:00Z'),
    firestore: unused,
    google: unused,
    calendar: unused,
    callers: () => undefined,
    syncRequests: unused,
  };
}
