/** The deadline check for its entry points: Cloud Scheduler's HTTP call, a Pub/Sub CloudEvent, and the CLI. */
import { z } from 'zod';
import { useCaseDeps } from '../runtime-deps.js';
import type { Runtime } from '../runtime.js';
import type { DeadlineCheck } from '../usecases/check-deadlines.js';
import type { DashboardsOutcome } from '../usecases/rebuild-dashboards.js';
import type { ReminderOutcome } from '../usecases/send-reminders.js';
import type { HttpAnswer } from './answer.js';
import { runDashboards } from './build-dashboards.js';

/**
 * One run: the check, the dashboards rewritten with its statuses, and the e-mail reminders when an SMTP server is
 * configured and mail was not turned off.
 */
export interface DeadlineRun {
  check: DeadlineCheck;
  /** The dashboards of the organisations with open directives (a failure here does not fail the check). */
  dashboards: DashboardsOutcome;
  /** null when no mail was sent: no SMTP server configured, or `mail: false`. */
  mail: ReminderOutcome | null;
}

const BodySchema = z.strictObject({ mail: z.boolean().optional() });

/** Checks every open directive, then mails the reminders; logs what it did. */
export async function runDeadlineCheck(
  rt: Runtime,
  options: { trigger: string; mail?: boolean },
): Promise<DeadlineRun> {
  const [deps, { checkDeadlines }] = await Promise.all([
    useCaseDeps(rt),
    import('../usecases/check-deadlines.js'),
  ]);
  const check = await checkDeadlines(deps, {
    onError: (directiveId, error) => rt.logs.deadlineCheckFailed(directiveId, error),
  });
  rt.logs.deadlinesChecked({
    trigger: options.trigger,
    directives: check.directives.length,
    failed: check.failed.length,
    reminders: check.reminders.length,
    openedTabs: check.directives.reduce((n, d) => n + d.openedTabs.length, 0),
    sheetsWrites: check.directives.reduce((n, d) => n + d.calls.sheetsWrites, 0),
    firestoreWrites: check.directives.reduce((n, d) => n + d.firestoreWrites, 0),
  });
  // The check covers every open directive, so every organisation with one gets its dashboard rewritten. The
  // check is done by now: a dashboard that cannot be rebuilt is reported, never turned into a failed check.
  const dashboards = await runDashboards(rt, { trigger: options.trigger }).catch(
    (error: unknown): DashboardsOutcome => {
      rt.logs.dashboardFailed('*', error);
      return { built: [], failed: [{ organisationId: '*', error: 'dashboard rebuild failed' }] };
    },
  );
  const { smtpUrl, mailFrom } = rt.config;
  if (options.mail === false || !smtpUrl || !mailFrom) return { check, dashboards, mail: null };
  const [{ createSmtpMailer }, { sendReminders }] = await Promise.all([
    import('../mail/smtp.js'),
    import('../usecases/send-reminders.js'),
  ]);
  const mailer = await createSmtpMailer({ url: smtpUrl, from: mailFrom });
  try {
    const mail = await sendReminders({ db: deps.db, clock: deps.clock, mailer }, check.reminders);
    rt.logs.remindersSent(mail.sent.length, mail.unchanged.length, mail.noAddress.length, mail.failed.length);
    return { check, dashboards, mail };
  } finally {
    mailer.close();
  }
}

/**
 * The failures a retry may cure. A spreadsheet theodoi can no longer open ('access-lost') is not one: the
 * directive is marked and the coordinator must share it again, so retrying would only repeat the refusal.
 */
export function retryableFailures(check: DeadlineCheck): DeadlineCheck['failed'] {
  return check.failed.filter((f) => f.code !== 'access-lost');
}

/**
 * Cloud Scheduler's call (HTTP with OIDC; the platform checks the token before the function runs): body `{}` or
 * `{mail: false}`. 200 with the run; 500 with the run when some directive could not be checked for a reason a
 * retry may cure, so the scheduler retries (flags, cells and reminders are idempotent).
 */
export async function handleCheckDeadlines(rt: Runtime, body: unknown): Promise<HttpAnswer> {
  const parsed = BodySchema.safeParse(body ?? {});
  if (!parsed.success) return { status: 400, body: { error: 'expected {mail?: boolean}' } };
  const run = await runDeadlineCheck(rt, {
    trigger: 'http',
    ...(parsed.data.mail === undefined ? {} : { mail: parsed.data.mail }),
  });
  return { status: retryableFailures(run.check).length > 0 ? 500 : 200, body: run };
}

/** A deadline check that did not finish for some directives: thrown so Pub/Sub redelivers the event. */
export class DeadlineCheckIncomplete extends Error {
  constructor(readonly failed: readonly { directiveId: string; error: string }[]) {
    super(`Deadline check failed for ${failed.map((f) => f.directiveId).join(', ')}`);
    this.name = 'DeadlineCheckIncomplete';
  }
}

/** The Pub/Sub CloudEvent (Cloud Scheduler → topic → function): the message's content is not needed. */
export async function handleCheckDeadlinesEvent(rt: Runtime, event: { id?: string }): Promise<DeadlineRun> {
  const run = await runDeadlineCheck(rt, { trigger: `pubsub:${event.id ?? '?'}` });
  const retryable = retryableFailures(run.check);
  if (retryable.length > 0) throw new DeadlineCheckIncomplete(retryable);
  return run;
}
