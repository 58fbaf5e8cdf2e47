/** The per-instance runtime the entry points share: config, logs, clock and lazily opened clients. */
import type { Firestore } from 'firebase-admin/firestore';
import { systemClock, type Clock } from './clock.js';
import { loadConfig, maskConfig, type Config } from './config.js';
import type { WorkingCalendar } from './domain/calendar/working-calendar.js';
import { createLogger } from './logger.js';
import { createLogs, type Logs } from './logs.js';
import type { GoogleClients } from './sheets/api/clients.js';
import { openFirestore } from './store/firestore.js';

/** Shared per-instance dependencies, created on the first invocation (never at import time). */
export interface Runtime {
  config: Config;
  logs: Logs;
  clock: Clock;
  firestore(): Promise<Firestore>;
  google(): Promise<GoogleClients>;
  calendar(): Promise<WorkingCalendar>;
}

/** Builds a runtime from an environment; clients open on first use and are then reused. */
export function createRuntime(
  env: Readonly<Record<string, string | undefined>>,
  clock: Clock = systemClock,
): Runtime {
  const config = loadConfig(env);
  const logs = createLogs(createLogger(config.logLevel));
  logs.configLoaded(maskConfig(config));
  let db: Promise<Firestore> | undefined;
  let google: Promise<GoogleClients> | undefined;
  let calendar: Promise<WorkingCalendar> | undefined;
  return {
    config,
    logs,
    clock,
    firestore: () => (db ??= openFirestore(config)),
    google: () => (google ??= import('./sheets/api/clients.js').then((m) => m.createGoogleClients(config))),
    calendar: () =>
      (calendar ??= import('./domain/calendar/working-calendar.js').then((m) => m.createCalendar())),
  };
}
