/** A structured logger: one JSON line per event on stdout, with the `severity` and `message` Cloud Logging reads. */
import type { LogLevel } from './config.js';

const SEVERITY: Record<Exclude<LogLevel, 'off'>, string> = {
  debug: 'DEBUG',
  info: 'INFO',
  warning: 'WARNING',
  error: 'ERROR',
};
const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warning: 2, error: 3, off: 4 };

/** Structured fields attached to one log line: ids and counts, never officers' cell contents. */
export type LogFields = Record<string, unknown>;

/** Writes log events at four levels. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warning(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Creates a logger writing JSON lines at or above `level` through `write` (stdout by default). */
export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const emit =
    (at: Exclude<LogLevel, 'off'>) =>
    (message: string, fields: LogFields = {}) => {
      if (RANK[at] < RANK[level]) return;
      write(JSON.stringify({ severity: SEVERITY[at], message, ...fields }, errorReplacer));
    };
  return { debug: emit('debug'), info: emit('info'), warning: emit('warning'), error: emit('error') };
}

/** A logger that drops everything, for tests that do not assert on logs. */
export const silentLogger: Logger = { debug() {}, info() {}, warning() {}, error() {} };

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}
