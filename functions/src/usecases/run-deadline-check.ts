/**
 * One deadline-check run, as Cloud Scheduler, Pub/Sub and `theodoi check` start it: every open directive checked,
 * the dashboards rewritten with the statuses it wrote, and the reminders mailed when an SMTP server is configured
 * and mail was not turned off; each step logged by name.
 */
import type { SmtpOptions } from '../mail/smtp.js';
import { checkDeadlines, type CheckDeadlinesDeps, type DeadlineCheck } from './check-deadlines.js';
import type { BuildDashboardDeps } from './build-dashboard.js';
import { runDashboards, type DashboardsOutcome } from './rebuild-dashboards.js';
import type { RunEvents } from './run-events.js';
import type { ReminderOutcome } from './send-reminders.js';
import type { SyncEvents } from './sync-events.js';

/** What a run needs: the check's and the dashboards' needs, its named events, and where mail goes from. */
export interface DeadlineRunDeps extends CheckDeadlinesDeps, BuildDashboardDeps {
  events: Pick<
    RunEvents,
    'deadlineCheckFailed' | 'deadlinesChecked' | 'dashboardFailed' | 'dashboardsRebuilt' | 'remindersSent'
  > &
    Partial<SyncEvents>;
  /** The SMTP server reminders go through; absent: no e-mail, the reminder list only. */
  mail?: SmtpOptions;
}

/** One run: the check, the dashboards rewritten with its statuses, and the e-mail reminders. */
export interface DeadlineRun {
  check: DeadlineCheck;
  /** The dashboards of the organisations with open directives (a failure here does not fail the check). */
  dashboards: DashboardsOutcome;
  /** null when no mail was sent: no SMTP server configured, or `mail: false`. */
  mail: ReminderOutcome | null;
}

/** Checks every open directive, rewrites the dashboards, then mails the reminders; logs what it did. */
export async function runDeadlineCheck(
  deps: DeadlineRunDeps,
  options: { trigger: string; mail?: boolean },
): Promise<DeadlineRun> {
  const check = await checkDeadlines(deps, {
    onError: (directiveId, error) => deps.events.deadlineCheckFailed(directiveId, error),
  });
  deps.events.deadlinesChecked({
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
  const dashboards = await runDashboards(deps, { trigger: options.trigger }).catch(
    (error: unknown): DashboardsOutcome => {
      deps.events.dashboardFailed('*', error);
      return { built: [], failed: [{ organisationId: '*', error: 'dashboard rebuild failed' }] };
    },
  );
  if (options.mail === false || !deps.mail) return { check, dashboards, mail: null };
  const [{ createSmtpMailer }, { sendReminders }] = await Promise.all([
    import('../mail/smtp.js'),
    import('./send-reminders.js'),
  ]);
  const mailer = await createSmtpMailer(deps.mail);
  try {
    const mail = await sendReminders({ db: deps.db, clock: deps.clock, mailer }, check.reminders);
    deps.events.remindersSent(
      mail.sent.length,
      mail.unchanged.length,
      mail.noAddress.length,
      mail.failed.length,
    );
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
