/**
 * A directive's lifecycle after it is created: listed, closed, a unit's deadline extended (gia hạn). The CLI
 * (`theodoi directive list | close | extend`) calls these; refusals are UserFacingErrors in Vietnamese.
 */
import { ONCE_KEY } from '../domain/periods/period-key.js';
import { directivePeriodOf, isTaskDirective, taskRowsOf, type TaskRow } from '../domain/tasks/task-rows.js';
import { vietnamDateOf, type IsoDate } from '../domain/calendar/iso-date.js';
import { formatViDate } from '../domain/values/display.js';
import { openedPeriods, periodOf, type Period } from '../domain/periods/index.js';
import { lifecycle as msg, syncErrors, tasks as taskMsg } from '../messages.vi.js';
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
  /** A directive of tasks: the task (nv1, nv2, …) whose row is extended; its own deadline is the one in force. */
  taskId?: string | undefined;
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
  const task = taskRowAsked(directive, unitCode, asked, now, deps);
  const period = task?.period ?? periodNamed(directive, asked.periodKey, now, deps);
  const rowKey = task ? task.row.key : unitCode;
  const inForce = directive.extensions?.[`${period.key}~${rowKey}`] ?? task?.row.deadline ?? period.deadline;
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
      ...(task ? { taskId: task.row.taskId } : {}),
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

/**
 * The task row an extension is asked for: the task must exist and the unit be responsible for it; a task due by one
 * day is in the tab `once`, a recurring one in the period named (or the one due). Undefined without a task.
 */
function taskRowAsked(
  directive: DirectiveRecord,
  unitCode: string,
  asked: ExtensionAsked,
  now: Date,
  deps: Pick<CheckDeadlinesDeps, 'calendar'>,
): { period: Period; row: TaskRow } | undefined {
  if (!isTaskDirective(directive)) return undefined;
  const taskId = asked.taskId ?? fail(taskMsg.whichTask(directive.id), 'which-task');
  const task =
    directive.tasks?.find((t) => t.id === taskId) ??
    fail(taskMsg.noSuchTask(taskId, directive.id), 'no-such-task');
  const period =
    task.due.kind === 'by'
      ? directivePeriodOf(directive, ONCE_KEY, deps.calendar)
      : periodNamed(directive, asked.periodKey, now, deps);
  const row =
    taskRowsOf(directive, period, deps.calendar).find(
      (r) => r.taskId === taskId && r.unitCode === unitCode,
    ) ?? fail(taskMsg.notResponsible(unitCode, taskId), 'not-responsible');
  return { period, row };
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
