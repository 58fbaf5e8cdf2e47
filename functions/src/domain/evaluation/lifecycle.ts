/**
 * Units that changed during a range (the 2025 merger of communes, a unit added or retired): when a unit owes
 * anything, and the notes the evaluation prints about it ("sáp nhập vào …", "tiếp nhận …").
 */
import { evaluation as msg } from '../../messages.vi.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { formatViDate } from '../values/display.js';

/** A unit as the evaluation sees it (the organisation file's unit fits this shape). */
export interface EvaluationUnit {
  code: string;
  name: string;
  /** The unit's group (khối) id. */
  group: string;
  /** The day the unit began (a commune formed by a merger): it owes nothing due before. */
  establishedOn?: IsoDate | undefined;
  /** The first day the unit no longer exists: it owes nothing due on or after it. */
  retiredOn?: IsoDate | undefined;
  /** The code of the unit it was merged into, on `retiredOn`. */
  mergedInto?: string | undefined;
  /** False for a unit dropped from the organisation file (kept in the store): listed only for what it owed. */
  active?: boolean;
}

/** True when `unit` existed on `day`, so a row due that day is owed. */
export function owesOn(unit: Pick<EvaluationUnit, 'establishedOn' | 'retiredOn'>, day: IsoDate): boolean {
  return (
    (unit.establishedOn === undefined || day >= unit.establishedOn) &&
    (unit.retiredOn === undefined || day < unit.retiredOn)
  );
}

/** True when `unit` existed on some day of [from, to]. */
export function existsDuring(
  unit: Pick<EvaluationUnit, 'establishedOn' | 'retiredOn'>,
  from: IsoDate,
  to: IsoDate,
): boolean {
  return (
    (unit.establishedOn === undefined || unit.establishedOn <= to) &&
    (unit.retiredOn === undefined || unit.retiredOn > from)
  );
}

/** One change of the organisation the evaluation reports. */
export interface UnitChange {
  unitCode: string;
  kind: 'established' | 'retired' | 'merged';
  on: IsoDate;
  /** For a merger: the unit it went into. */
  intoCode?: string;
}

/** The changes whose day falls in [from, to], in date then code order. */
export function changesDuring(units: readonly EvaluationUnit[], from: IsoDate, to: IsoDate): UnitChange[] {
  const changes: UnitChange[] = [];
  for (const unit of units) {
    if (unit.establishedOn !== undefined && unit.establishedOn >= from && unit.establishedOn <= to)
      changes.push({ unitCode: unit.code, kind: 'established', on: unit.establishedOn });
    if (unit.retiredOn !== undefined && unit.retiredOn >= from && unit.retiredOn <= to)
      changes.push(
        unit.mergedInto === undefined
          ? { unitCode: unit.code, kind: 'retired', on: unit.retiredOn }
          : { unitCode: unit.code, kind: 'merged', on: unit.retiredOn, intoCode: unit.mergedInto },
      );
  }
  return changes.sort((a, b) => a.on.localeCompare(b.on) || a.unitCode.localeCompare(b.unitCode));
}

/** The notes on a unit's line: how it changed, and which units were merged into it. */
export function unitNotes(
  code: string,
  changes: readonly UnitChange[],
  nameOf: (code: string) => string,
): string[] {
  const notes: string[] = [];
  for (const change of changes) {
    const day = formatViDate(change.on);
    if (change.unitCode === code) {
      if (change.kind === 'established') notes.push(msg.notes.established(day));
      else if (change.kind === 'retired') notes.push(msg.notes.retired(day));
      else notes.push(msg.notes.mergedInto(nameOf(change.intoCode!), day));
    }
  }
  const absorbed = changes.filter((c) => c.kind === 'merged' && c.intoCode === code);
  for (const day of [...new Set(absorbed.map((c) => c.on))])
    notes.push(
      msg.notes.absorbed(
        absorbed.filter((c) => c.on === day).map((c) => nameOf(c.unitCode)),
        formatViDate(day),
      ),
    );
  return notes;
}
