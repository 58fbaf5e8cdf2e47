/** The dependencies of the sync and provisioning use cases, assembled from a runtime. */
import type { Runtime } from './runtime.js';
import type { CreateDirectiveDeps } from './usecases/create-directive.js';
import type { SyncEvents } from './usecases/sync-events.js';

/** What every use case may take: provisioning's needs, plus the named events the sync and the check log. */
export type UseCaseDeps = CreateDirectiveDeps & { events: SyncEvents };

/** Everything the use cases take, opened once from the runtime; `watch` only when notifications are configured. */
export async function useCaseDeps(rt: Runtime): Promise<UseCaseDeps> {
  const { driveWebhookUrl, triggerSecret, serviceAccount } = rt.config;
  return {
    db: await rt.firestore(),
    clients: await rt.google(),
    clock: rt.clock,
    calendar: await rt.calendar(),
    serviceAccount,
    events: rt.logs,
    ...(driveWebhookUrl && triggerSecret
      ? { watch: { address: driveWebhookUrl, secret: triggerSecret } }
      : {}),
  };
}
