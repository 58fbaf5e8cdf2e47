/** sendReminders: one Vietnamese e-mail digest per unit of everything it must still report, never twice for one state. */
import { createHash } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { DateTime } from 'luxon';
import { VIETNAM_ZONE, type Clock } from '../clock.js';
import { vietnamDateOf } from '../domain/calendar/iso-date.js';
import { formatVietnameseDate } from '../domain/status/index.js';
import type { Mailer } from '../mail/smtp.js';
import { reminders as msg } from '../messages.vi.js';
import { loadSentReminders, recordSentReminder, reminderId } from '../store/reminders.js';
import type { ReminderItem } from '../domain/deadlines/reminders.js';

/** What sending reminders needs. */
export interface SendRemindersDeps {
  db: Firestore;
  clock: Clock;
  mailer: Mailer;
}

/** One unit's digest. */
export interface Digest {
  organisation: string;
  unitCode: string;
  unitName: string;
  to: string[];
  subject: string;
  /** The lines that make the state: the hash covers these, not the date in the greeting. */
  lines: string[];
  hash: string;
  items: ReminderItem[];
}

/** What sending did. */
export interface ReminderOutcome {
  /** Digests the server took; `rejected`: addresses it refused while accepting others. */
  sent: { unitCode: string; to: string[]; messageId: string; rejected: string[] }[];
  /** Units whose digest is the one already sent. */
  unchanged: string[];
  /** Units with something to chase but no e-mail address. */
  noAddress: string[];
  failed: { unitCode: string; error: string }[];
  firestoreWrites: number;
}

/** The digests of a reminder list: one per unit (organisation + code), reports in the list's order; pure. */
export function buildDigests(items: readonly ReminderItem[]): Digest[] {
  const byUnit = new Map<string, ReminderItem[]>();
  for (const item of items) {
    const id = reminderId(item.organisation, item.unitCode);
    byUnit.set(id, [...(byUnit.get(id) ?? []), item]);
  }
  return [...byUnit.values()].map((list) => {
    const first = list[0]!;
    const to = [...new Set(list.flatMap((i) => i.emails))];
    const subject = msg.mail.subject(first.unitName, list.length);
    const contacts = [
      ...new Set(
        list.map((i) =>
          msg.contact(i.directiveContact.person, i.directiveContact.phone, i.directiveContact.email),
        ),
      ),
    ];
    const lines = [
      msg.mail.greeting(first.unitName, first.contact.person),
      '',
      ...list.flatMap((i, n) => [
        msg.mail.item(
          n + 1,
          msg.directiveHeading(i.directiveRef, i.subject),
          i.periodLabel,
          formatVietnameseDate(i.deadline),
          i.statusText,
        ),
        msg.mail.link(i.spreadsheetUrl),
      ]),
      '',
      msg.mail.closing,
      msg.mail.contact(contacts.join('; ')),
    ];
    const hash = createHash('sha256')
      .update(JSON.stringify([to, subject, lines]))
      .digest('hex');
    return {
      organisation: first.organisation,
      unitCode: first.unitCode,
      unitName: first.unitName,
      to,
      subject,
      lines,
      hash,
      items: list,
    };
  });
}

/** The digest's text as sent at `now`: greeting, "Tính đến …", the reports, closing and signature. */
export function digestText(digest: Digest, now: Date): string {
  const at = DateTime.fromJSDate(now, { zone: VIETNAM_ZONE }).toFormat("HH 'giờ' mm 'ngày' dd/MM/yyyy");
  const [greeting = '', ...rest] = digest.lines;
  return [greeting, msg.mail.intro(at), ...rest, '', '—', msg.mail.signature].join('\n');
}

/**
 * Sends each unit's digest unless the same digest was sent before; records each one sent (after sending: a
 * crash in between may send it again once, never lose it). One unit failing does not stop the others.
 */
export async function sendReminders(
  deps: SendRemindersDeps,
  items: readonly ReminderItem[],
): Promise<ReminderOutcome> {
  const now = deps.clock.now();
  const digests = buildDigests(items);
  const sentBefore = await loadSentReminders(
    deps.db,
    digests.map((d) => reminderId(d.organisation, d.unitCode)),
  );
  const outcome: ReminderOutcome = { sent: [], unchanged: [], noAddress: [], failed: [], firestoreWrites: 0 };
  for (const digest of digests) {
    if (digest.to.length === 0) {
      outcome.noAddress.push(digest.unitCode);
      continue;
    }
    if (sentBefore.get(reminderId(digest.organisation, digest.unitCode))?.hash === digest.hash) {
      outcome.unchanged.push(digest.unitCode);
      continue;
    }
    try {
      const mail = await deps.mailer.send({
        to: digest.to,
        subject: digest.subject,
        text: digestText(digest, now),
        date: now,
      });
      await recordSentReminder(deps.db, {
        organisation: digest.organisation,
        unitCode: digest.unitCode,
        hash: digest.hash,
        day: vietnamDateOf(now),
        sentAt: now,
        to: digest.to,
        messageId: mail.messageId,
        items: digest.items.map((i) => `${i.directiveId}/${i.periodKey}:${i.status}`),
      });
      outcome.firestoreWrites += 1;
      outcome.sent.push({
        unitCode: digest.unitCode,
        to: digest.to,
        messageId: mail.messageId,
        rejected: mail.rejected,
      });
    } catch (error) {
      outcome.failed.push({ unitCode: digest.unitCode, error: (error as Error).message ?? String(error) });
    }
  }
  return outcome;
}
