/** What `theodoi directive create` and `directive share` print about sharing: who cannot get in yet, and what to do. */
import type { Firestore } from 'firebase-admin/firestore';
import { outOfReach, type SharingOutcome } from '@theodoi/functions/domain/sharing';
import { sharing as msg } from '@theodoi/functions/messages.vi';
import { listUnits } from '@theodoi/functions/store/units';

/** The lines telling the coordinator where sharing stands, with each unit named. */
export function sharingLines(
  outcomes: readonly SharingOutcome[],
  unitNames: ReadonlyMap<string, string>,
  directiveId: string,
): string[] {
  const out = outOfReach(outcomes);
  if (out.length === 0) return [msg.allIn(outcomes.length)];
  const lines = [msg.heading(out.length)];
  for (const o of out) {
    const units = o.unitCodes.map((c) => unitNames.get(c) ?? c).join(', ') || msg.coordinatorUnit;
    lines.push(msg.line(units, o.address, msg.status[o.status], msg.advice[o.status], o.reason));
  }
  if (out.some((o) => o.status === 'pending'))
    lines.push(msg.pending(out.filter((o) => o.status === 'pending').length, directiveId));
  if (out.some((o) => o.status !== 'pending')) lines.push(msg.then(directiveId));
  return lines;
}

/** The organisation's unit names by code (short names where given), for the lines above. */
export async function unitNames(db: Firestore, organisationId: string): Promise<Map<string, string>> {
  const units = await listUnits(db, organisationId, { includeInactive: true });
  return new Map(units.map((u) => [u.code, u.shortName ?? u.name]));
}
