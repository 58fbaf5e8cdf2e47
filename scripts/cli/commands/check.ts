/** `theodoi check`: runs the deadline check now (flags, sheet statuses, new tabs, e-mail) and prints "Nhắc việc". */
import { Command } from 'commander';
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '@theodoi/functions/clock';
import { formatVietnameseDate } from '@theodoi/functions/domain/status/index';
import { useCaseDeps } from '@theodoi/functions/runtime-deps';
import { runDeadlineCheck, type DeadlineRun } from '@theodoi/functions/usecases/run-deadline-check';
import { dashboard as dashboardMsg, reminders as msg } from '@theodoi/functions/messages.vi';
import { cliRuntime } from '../runtime.js';
import type { ReminderItem } from '@theodoi/functions/domain/deadlines/reminders';

/** The "Nhắc việc" list as the coordinator reads it: by directive, then period, one line per unit to chase. */
export function formatReminderList(items: readonly ReminderItem[], at: Date): string {
  const lines = [msg.listTitle(DateTime.fromJSDate(at, { zone: VIETNAM_ZONE }).toFormat('HH:mm dd/MM/yyyy'))];
  if (items.length === 0) return [...lines, msg.nothing].join('\n');
  let directive = '';
  let period = '';
  for (const item of items) {
    if (item.directiveId !== directive) {
      directive = item.directiveId;
      period = '';
      lines.push('', msg.directiveHeading(item.directiveRef, item.subject));
    }
    if (item.periodKey !== period) {
      period = item.periodKey;
      lines.push(msg.periodHeading(item.periodLabel, formatVietnameseDate(item.deadline)));
    }
    lines.push(
      msg.item(
        item.unitName,
        item.statusText,
        msg.contact(item.contact.person, item.contact.phone, item.contact.email),
      ),
    );
  }
  return lines.join('\n');
}

/** What the command prints after the list: what the check did, and the e-mail. */
export function formatRunSummary(run: DeadlineRun, smtpConfigured: boolean): string {
  const { directives } = run.check;
  const lines = [
    msg.checked({
      directives: directives.length,
      raised: directives.reduce((n, d) => n + d.flags.raised, 0),
      resolved: directives.reduce((n, d) => n + d.flags.resolved, 0),
      cells: directives.reduce((n, d) => n + d.deadlineCellsWritten, 0),
      tabs: directives.reduce((n, d) => n + d.openedTabs.length, 0),
      sheetsReads: directives.reduce((n, d) => n + d.calls.sheetsReads, 0),
      sheetsWrites: directives.reduce((n, d) => n + d.calls.sheetsWrites, 0),
      firestoreWrites: directives.reduce((n, d) => n + d.firestoreWrites, 0),
    }),
    ...directives.flatMap((d) => d.problems),
    ...run.check.failed.map((f) => msg.failed(f.directiveId, f.error)),
    ...run.dashboards.built.map((b) =>
      b.unchanged
        ? dashboardMsg.cli.unchanged(b.spreadsheetUrl)
        : dashboardMsg.cli.written(b.spreadsheetUrl, b.directives, { ...b.calls, created: b.created }),
    ),
    ...run.dashboards.failed.map((f) => dashboardMsg.cli.failed(f.organisationId, f.error)),
  ];
  if (run.mail)
    lines.push(
      msg.mailed(
        run.mail.sent.length,
        run.mail.unchanged.length,
        run.mail.noAddress.length,
        run.mail.failed.length,
      ),
    );
  else if (!smtpConfigured) lines.push(msg.mailOff);
  return lines.join('\n');
}

/** The `check` command. */
export function checkCommand(): Command {
  return new Command('check')
    .description(
      'Check every open directive\'s deadlines now: store flags, write "Tình hình báo cáo", open new periods\' tabs, ' +
        'mail reminders (when THEODOI_SMTP_URL is set) and print the "Nhắc việc" list.',
    )
    .option('--no-mail', 'do not send e-mail reminders')
    .action(async (opts: { mail: boolean }) => {
      const rt = await cliRuntime();
      const run = await runDeadlineCheck(await useCaseDeps(rt), { trigger: 'cli', mail: opts.mail });
      console.log(formatReminderList(run.check.reminders, run.check.checkedAt));
      console.log('');
      console.log(formatRunSummary(run, rt.config.smtpUrl !== undefined));
      if (run.check.failed.length > 0) process.exitCode = 1;
    });
}
