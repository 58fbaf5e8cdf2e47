/** The use cases' dependencies, assembled from a runtime. */
import type { Logs } from './logs.js';
import type { SmtpOptions } from './mail/smtp.js';
import type { Runtime } from './runtime.js';
import { requireActingAccount } from './sheets/api/clients.js';
import type { CreateDirectiveDeps } from './usecases/create-directive.js';

/**
 * What every use case may take: provisioning's needs, the named events the runs log, and where reminders are
 * mailed from (absent: no SMTP server configured).
 */
export type UseCaseDeps = CreateDirectiveDeps & { events: Logs; mail?: SmtpOptions };

/**
 * Everything the use cases take, opened once from the runtime; `watch` only when notifications are configured. Throws
 * NoGoogleGrantError (in Vietnamese, naming `theodoi auth login`) when no Google grant or shared drive is configured.
 */
export async function useCaseDeps(rt: Runtime): Promise<UseCaseDeps> {
  const { driveWebhookUrl, sharedDriveId, smtpUrl, mailFrom } = rt.config;
  const actingAccount = requireActingAccount(rt.config);
  const deps: UseCaseDeps = {
    db: await rt.firestore(),
    clients: await rt.google(),
    clock: rt.clock,
    calendar: await rt.calendar(),
    actingAccount,
    events: rt.logs,
  };
  if (sharedDriveId) deps.sharedDriveId = sharedDriveId;
  if (driveWebhookUrl) deps.watch = { address: driveWebhookUrl };
  if (smtpUrl && mailFrom) deps.mail = { url: smtpUrl, from: mailFrom };
  return deps;
}
