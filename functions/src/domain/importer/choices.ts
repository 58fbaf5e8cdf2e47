/**
 * What a coordinator decides that no document says (the directive's id, its schedule), proposed from an import
 * draft so `theodoi directive create --from-draft` needs no hand-written JSON; pure.
 */
import { isIsoDate, type IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { DirectiveSpec } from '../directive.js';
import { periodsOf, type Period } from '../periods/periods.js';
import type { DirectiveDraft } from './draft.js';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/;

/** Lower-case ASCII words joined by "-": "Tháp Mười" → "thap-muoi". */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A directive id from the draft: its number and symbol with the year ("06/UBND-HCC" of 2024 → "06-ubnd-hcc-2024"),
 * or, while it has no number, the first words of its subject with the year; null when neither gives a valid id.
 */
export function proposedDirectiveId(
  draft: Pick<DirectiveDraft, 'numberSymbol' | 'subject' | 'date'>,
): string | null {
  const year = draft.date?.year ?? draft.numberSymbol?.year ?? null;
  const suffix = year === null ? '' : `-${year}`;
  const base =
    draft.numberSymbol?.number != null
      ? slugOf(draft.numberSymbol.raw)
      : slugOf((draft.subject ?? '').split(/\s+/).slice(0, 6).join(' '));
  const id = `${base.slice(0, 58).replace(/-+$/, '')}${suffix}`;
  return ID_PATTERN.test(id) ? id : null;
}

/** The full dates the draft's tasks are due by ("trước ngày 15/12/2026"), earliest first, each once. */
export function draftDeadlines(draft: Pick<DirectiveDraft, 'tasks'>): IsoDate[] {
  const days = new Set<IsoDate>();
  for (const task of draft.tasks)
    for (const d of task.deadlines) {
      const iso = d.kind === 'by-date' || d.kind === 'on-date' ? isoOfPartialDate(d.date) : null;
      if (iso !== null) days.add(iso);
    }
  return [...days].sort();
}

/** A partial date as `yyyy-MM-dd` when it gives a whole real day; null otherwise. */
export function isoOfPartialDate(
  d: { year: number | null; month: number | null; day: number | null } | null,
): IsoDate | null {
  if (!d?.year || !d.month || !d.day) return null;
  const iso = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** The draft's date of issue when the document gives the whole day. */
export function draftIssueDate(draft: Pick<DirectiveDraft, 'date'>): IsoDate | null {
  return isoOfPartialDate(draft.date);
}

/**
 * The periods of a directive about to be created whose deadline is already before `today`: the next deadline
 * check would flag every unit of these at once, so the coordinator is asked first.
 */
export function periodsAlreadyDue(
  schedule: DirectiveSpec['schedule'],
  today: IsoDate,
  calendar: WorkingCalendar,
): Period[] {
  const thisYear = Number(today.slice(0, 4));
  const firstYear =
    schedule.kind === 'once' ? Number(schedule.opensOn.slice(0, 4)) : Number(schedule.first.slice(0, 4));
  if (firstYear > thisYear) return [];
  return periodsOf(schedule, firstYear, thisYear, calendar).filter((p) => p.deadline < today);
}
