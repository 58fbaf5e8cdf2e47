/** The dependencies of the sync and provisioning use cases, assembled from a runtime. */
import type { Runtime } from './runtime.js';
import type { CreateDirectiveDeps } from './usecases/create-directive.js';

/** Everything the use cases take, opened once from the runtime; `watch` only when notifications are configured. */
export async function useCaseDeps(rt: Runtime): Promise<CreateDirectiveDeps> {
  const { driveWebhookUrl, triggerSecret, serviceAccount } = rt.config;
  return {
    db: await rt.firestore(),
    clients: await rt.google(),
    clock: rt.clock,
    calendar: await rt.calendar(),
    serviceAccount,
    ...(driveWebhookUrl && triggerSecret
      ? { watch: { address: driveWebhookUrl, secret: triggerSecret } }
      : {}),
  };
}
