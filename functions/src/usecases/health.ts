/** The `health` use case: reports theodoi's version and whether Firestore answers. */
import type { Clock } from '../clock.js';
import type { Logs } from '../logs.js';
import { general } from '../messages.vi.js';
import type { FirestoreProbe } from '../store/firestore.js';

/** What the health endpoint answers. */
export interface HealthReport {
  status: 'ok' | 'degraded';
  message: string;
  version: string;
  revision: string | null;
  firestore: { ok: boolean; latencyMs: number };
  checkedAt: string;
}

/** Everything the health check needs, injected. */
export interface HealthDeps {
  version: string;
  revision: string | undefined;
  clock: Clock;
  logs: Logs;
  probeFirestore: () => Promise<FirestoreProbe>;
}

/** Probes the dependencies and builds the report. */
export async function checkHealth(deps: HealthDeps): Promise<HealthReport> {
  const probe = await deps.probeFirestore();
  if (!probe.ok) deps.logs.firestoreUnavailable(probe.error, probe.latencyMs);
  deps.logs.healthChecked(probe.ok, probe.latencyMs);
  return {
    status: probe.ok ? 'ok' : 'degraded',
    message: probe.ok ? general.healthOk : general.healthDegraded,
    version: deps.version,
    revision: deps.revision ?? null,
    firestore: { ok: probe.ok, latencyMs: probe.latencyMs },
    checkedAt: deps.clock.now().toISOString(),
  };
}
