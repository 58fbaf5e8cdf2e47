/**
 * A directive's lifecycle after it is created: listed, closed, a unit's deadline extended (gia hạn). The CLI
 * (`theodoi directive list | close | extend`) calls these; refusals are UserFacingErrors in Vietnamese.
 */
import { vietnamDateOf, type IsoDate } from '../domain/calendar/iso-date.js';
import { formatViDate } from '../domain/values/display.js';
import { openedPeriods, periodOf, type Period } from '../domain/periods/index.js';
import { lifecycle as msg, syncErrors } from '../messages.vi.js';
import { closeDirective, getDirective, listDirectives, type DirectiveRecord } from '../store/directives.js';
import { grantExtension, type StoredExtension } from '../store/extensions.js';
import { checkOneDirective, type CheckDeadlinesDeps, type DirectiveCheck } from './check-deadlines.js';
import { UserFacingError } from './errors.js';

/** Every directive registered, newest first. */
export async function listAllDirectives(deps: Pick<CheckDeadlinesDeps, 'db'>) {
  return listDirectives(deps.db);
}

async function openDirective(
  deps: Pick<CheckDeadlinesDeps, 'db'>,
  directiveId: string,
): Promise<DirectiveRecord> {
  const directive = await getDirective(deps.db, directiveId);
  if (!directive) throw new UserFacingError(syncErrors.unknownDirective(directiveId), 'unknown-directive');
  if (directive.status === 'closed') throw new UserFacingError(msg.closed(directiveId), 'closed');
  return directive;
}

/** Ends the follow-up of a directive: the morning check, the sweep and the triggers leave it; nothing is deleted. */
export async function endDirective(
  deps: Pick<CheckDeadlinesDeps, 'db' | 'clock'>,
  directiveId: string,
  by?: string,
): Promise<DirectiveRecord> {
  const directive = await openDirective(deps, directiveId);
  await closeDirective(deps.db, directiveId, by ?? directive.coordinators[0] ?? 'theodoi', deps.clock.now());
  return { ...directive, status: 'closed' };
}

/** What the coordinator asks: a unit's new deadline in one period (the period open now when not named). */
export interface ExtensionAsked {
  directiveId: string;
  unitCode: string;
  periodKey?: string | undefined;
  until: IsoDate;
  reason: string;
  /** Who grants it; the directive's first coordinator when not given. */
  grantedBy?: string | undefined;
}

/** An extension granted, and the directive's check run at once so its row and Tổng hợp show it. */
export interface ExtensionGranted {
  period: Period;
  extension: StoredExtension;
  check: DirectiveCheck;
}

/**
 * Extends one unit's deadline: refused for an unknown or closed directive, a unit that is not a recipient, a period
 * the directive does not have, or a day not after the deadline in force or already past. The directive's statuses
 * and Tổng hợp are rewritten at once.
 */
export async function extendDeadline(
  deps: CheckDeadlinesDeps,
  asked: ExtensionAsked,
): Promise<ExtensionGranted> {
  const directive = await openDirective(deps, asked.directiveId);
  const unitCode =
    directive.recipients.find((c) => c.toLowerCase() === asked.unitCode.toLowerCase()) ??
    fail(msg.notRecipient(asked.unitCode, directive.id), 'not-recipient');
  const now = deps.clock.now();
  const period = periodNamed(directive, asked.periodKey, now, deps);
  const inForce = directive.extensions?.[`${period.key}~${unitCode}`] ?? period.deadline;
  if (asked.until <= inForce)
    fail(msg.notLater(formatViDate(asked.until), formatViDate(inForce)), 'not-later');
  const today = vietnamDateOf(now);
  if (asked.until < today) fail(msg.inThePast(formatViDate(asked.until), formatViDate(today)), 'in-the-past');
  const extension = await grantExtension(
    deps.db,
    directive.id,
    {
      unitCode,
      periodKey: period.key,
      until: asked.until,
      grantedBy: asked.grantedBy ?? directive.coordinators[0] ?? 'theodoi',
      reason: asked.reason,
    },
    now,
  );
  const extended = {
    ...directive,
    extensions: { ...directive.extensions, [extension.reportId]: asked.until },
  };
  return { period, extension, check: await checkOneDirective(deps, extended) };
}

function periodNamed(
  directive: DirectiveRecord,
  periodKey: string | undefined,
  now: Date,
  deps: Pick<CheckDeadlinesDeps, 'calendar'>,
): Period {
  if (periodKey === undefined) {
    // Only an unambiguous period is taken: the one opened period whose deadline is not long past.
    const recent = openedPeriods(directive.schedule, now, deps.calendar).filter(
      (p) => p.deadlineEndsAt.getTime() >= now.getTime() - RECENT_MS,
    );
    if (recent.length === 1) return recent[0]!;
    if (recent.length === 0) fail(msg.noPeriodYet(directive.id), 'no-period');
    const listed = recent.map((p) => `${p.label} (${p.key}, hạn ${formatViDate(p.deadline)})`);
    fail(msg.whichPeriod(directive.id, listed), 'which-period');
  }
  try {
    return periodOf(directive.schedule, periodKey, deps.calendar);
  } catch (error) {
    if (error instanceof RangeError) fail(msg.noSuchPeriod(periodKey, directive.id), 'no-such-period');
    throw error;
  }
}

/** How far back a deadline may be for its period to be taken without --period: 60 days. */
const RECENT_MS = 60 * 24 * 60 * 60 * 1000;

function fail(message: string, code: string): never {
  throw new UserFacingError(message, code);
}
