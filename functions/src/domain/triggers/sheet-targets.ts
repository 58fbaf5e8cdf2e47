/**
 * Which spreadsheets get one of the coordinator's edit triggers (decision 006): Google allows 20 per user per
 * script, one is the hourly refresh, so at most 19. The most urgent first: a directive is as urgent as the nearer
 * of its due period's deadline (before or after it) and its officers' latest edit. The others are still synced,
 * by their Drive channel (~3 minutes) and the 5-minute sweep.
 */
import { MAX_EDIT_TRIGGERS } from '@theodoi/apps-script/contract';

/** One open directive the coordinator follows, as the ranking sees it. */
export interface TriggerCandidate {
  directiveId: string;
  spreadsheetId: string;
  /** The end of the due period's deadline; undefined before the first period opens. */
  dueAt?: Date;
  /** When an officer's edit last changed one of its reports; undefined when none has yet. */
  lastActivityAt?: Date;
}

/** How far (ms) a candidate is from `now`: the nearer of its deadline and its latest edit; Infinity with neither. */
export function urgencyMs(candidate: TriggerCandidate, now: Date): number {
  const due = candidate.dueAt ? Math.abs(candidate.dueAt.getTime() - now.getTime()) : Infinity;
  const edited = candidate.lastActivityAt
    ? Math.max(0, now.getTime() - candidate.lastActivityAt.getTime())
    : Infinity;
  return Math.min(due, edited);
}

/** The spreadsheets to trigger on, most urgent first, at most `limit` (19), each once. */
export function rankSheetTargets(
  candidates: readonly TriggerCandidate[],
  now: Date,
  limit = MAX_EDIT_TRIGGERS,
): string[] {
  const ranked = candidates
    .map((c) => ({ c, urgency: urgencyMs(c, now) }))
    .sort(
      (a, b) =>
        a.urgency - b.urgency ||
        (b.c.lastActivityAt?.getTime() ?? 0) - (a.c.lastActivityAt?.getTime() ?? 0) ||
        a.c.directiveId.localeCompare(b.c.directiveId),
    );
  const ids: string[] = [];
  for (const { c } of ranked) {
    if (ids.length >= limit) break;
    if (!ids.includes(c.spreadsheetId)) ids.push(c.spreadsheetId);
  }
  return ids;
}
