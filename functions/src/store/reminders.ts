/** The Firestore adapter for sent reminders: per unit, the hash of the last digest sent, so a state is mailed once. */
import type { Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';

/** The id of a unit's reminder record: `<organisation>~<unitCode>` (unit codes are unique within an organisation). */
export const reminderId = (organisation: string, unitCode: string) => `${organisation}~${unitCode}`;

const SentSchema = z.object({ hash: z.string(), day: z.string() }).loose();

/** The last digest sent to a unit. */
export interface SentReminder {
  hash: string;
  /** The Vietnam day it was sent on, yyyy-MM-dd. */
  day: string;
}

/** The last digest sent to each of `ids` (one getAll); ids never mailed are absent. */
export async function loadSentReminders(
  db: Firestore,
  ids: readonly string[],
): Promise<Map<string, SentReminder>> {
  if (ids.length === 0) return new Map();
  const snaps = await db.getAll(...ids.map((id) => db.doc(`reminders/${id}`)));
  const sent = new Map<string, SentReminder>();
  for (const snap of snaps) {
    if (!snap.exists) continue;
    const { hash, day } = SentSchema.parse(snap.data());
    sent.set(snap.id, { hash, day });
  }
  return sent;
}

/** What a sent digest records. */
export interface ReminderRecord {
  organisation: string;
  unitCode: string;
  hash: string;
  day: string;
  sentAt: Date;
  to: string[];
  messageId: string;
  /** Reports listed, as `<directiveId>/<periodKey>:<status>`. */
  items: string[];
}

/** Records the digest just sent to a unit (one write). */
export async function recordSentReminder(db: Firestore, record: ReminderRecord): Promise<void> {
  await db.doc(`reminders/${reminderId(record.organisation, record.unitCode)}`).set(record);
}
