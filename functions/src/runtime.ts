/** The per-instance runtime the entry points share: config, logs, clock and lazily opened clients. */
import type { Firestore } from 'firebase-admin/firestore';
import { systemClock, type Clock } from './clock.js';
import { loadConfig, maskConfig, type Config } from './config.js';
import type { WorkingCalendar } from './domain/calendar/working-calendar.js';
import { createLogger } from './logger.js';
import { createLogs, type Logs } from './logs.js';
import type { SyncRequestPublisher } from './pubsub/sync-requests.js';
import type { GoogleClients } from './sheets/api/clients.js';
import { openFirestore } from './store/firestore.js';
import { certificatesUrl, createIdTokenVerifier, type IdTokenVerifier } from './triggers/id-token.js';

/** Shared per-instance dependencies, created on the first invocation (never at import time). */
export interface Runtime {
  config: Config;
  logs: Logs;
  clock: Clock;
  firestore(): Promise<Firestore>;
  google(): Promise<GoogleClients>;
  calendar(): Promise<WorkingCalendar>;
  /** The sheet trigger's callers checked (their ID tokens); undefined when THEODOI_SCRIPT_CLIENT_ID is unset. */
  callers(): IdTokenVerifier | undefined;
  /** The Pub/Sub topic sync requests go to. */
  syncRequests(): Promise<SyncRequestPublisher>;
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
  let callers: IdTokenVerifier | undefined;
  let syncRequests: Promise<SyncRequestPublisher> | undefined;
  return {
    config,
    logs,
    clock,
    firestore: () => (db ??= openFirestore(config)),
    google: () => (google ??= import('./sheets/api/clients.js').then((m) => m.createGoogleClients(config))),
    calendar: () =>
      (calendar ??= import('./domain/calendar/working-calendar.js').then((m) => m.createCalendar())),
    callers: () => {
      const audience = config.scriptClientId;
      if (!audience) return undefined;
      const certsUrl = certificatesUrl(config.sheetsEmulatorUrl);
      return (callers ??= createIdTokenVerifier({ audience, ...(certsUrl ? { certsUrl } : {}) }));
    },
    syncRequests: () =>
      (syncRequests ??= import('./pubsub/sync-requests.js').then((m) => m.openSyncRequestPublisher(config))),
  };
}
