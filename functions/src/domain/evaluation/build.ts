/** buildEvaluation: every unit's tally, score, grade and rank over a range, grouped by khối; pure and deterministic. */
import { evaluation as msg } from '../../messages.vi.js';
import { changesDuring, existsDuring, owesOn, unitNotes, type EvaluationUnit } from './lifecycle.js';
import type {
  EvaluationChange,
  EvaluationGroup,
  EvaluationInput,
  EvaluationModel,
  EvaluationRow,
} from './model.js';
import { romanNumeral } from '../values/numerals.js';
import { outcomeOf } from './outcome.js';
import { evaluationInstant } from './range.js';
import { gradeOf, ranks, scoreTally } from './score.js';
import { addOutcome, emptyTally, settleTally, sumTallies, type Tally } from './tally.js';

/** The id of the group of units that are not in the organisation file (shown by their code). */
export const UNKNOWN_GROUP = '';

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;

/** Tallies the obligations by unit and by unit × directive, keeping only what each unit owed in the range. */
function tallyByUnit(input: EvaluationInput, instant: Date, units: ReadonlyMap<string, EvaluationUnit>) {
  const byUnit = new Map<string, { total: Tally; byDirective: Map<string, Tally> }>();
  for (const obligation of input.obligations) {
    const outcome = outcomeOf(obligation, input.range, instant, input.calendar);
    if (!outcome) continue;
    const unit = units.get(outcome.unitCode);
    // A unit owes nothing before it was established or from the day it was retired or merged.
    if (unit && !owesOn(unit, outcome.due)) continue;
    let entry = byUnit.get(outcome.unitCode);
    if (!entry) byUnit.set(outcome.unitCode, (entry = { total: emptyTally(), byDirective: new Map() }));
    addOutcome(entry.total, outcome);
    let perDirective = entry.byDirective.get(outcome.directiveId);
    if (!perDirective) entry.byDirective.set(outcome.directiveId, (perDirective = emptyTally()));
    addOutcome(perDirective, outcome);
  }
  return byUnit;
}

/**
 * The evaluation of `input.range` as of min(end of range, `input.now`): one line per unit that existed in the range
 * or owed anything in it, grouped by khối in the organisation's order (units in the file's order; units unknown to
 * the file last, by code), each with its tally, its score by the rubric, grade, rank overall and in its group, and
 * notes on mergers; the directives behind the figures; group and overall totals. Obligations may come in any order.
 */
export function buildEvaluation(input: EvaluationInput): EvaluationModel {
  const { range, rubric, organisation } = input;
  const instant = evaluationInstant(range, input.now);
  const units = new Map(organisation.units.map((u) => [u.code, u]));
  const byUnit = tallyByUnit(input, instant, units);
  const owedIn = new Set([...byUnit.values()].flatMap((u) => [...u.byDirective.keys()]));
  const directives = input.directives
    .filter((d) => owedIn.has(d.id))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
  const directiveOrder = new Map(directives.map((d, i) => [d.id, i]));
  const changes = changesDuring(organisation.units, range.from, range.to);
  const nameOf = (code: string) => units.get(code)?.name ?? code;

  const groupIds = [...organisation.groups.map((g) => g.id)];
  // A unit dropped from the organisation file is listed only for what it owed.
  const listed = organisation.units.filter(
    (u) => byUnit.has(u.code) || (u.active !== false && existsDuring(u, range.from, range.to)),
  );
  const unknown = [...byUnit.keys()].filter((code) => !units.has(code)).sort();
  const rowsOf = (groupId: string) =>
    groupId === UNKNOWN_GROUP
      ? unknown.map((code) => ({ code, name: code, group: UNKNOWN_GROUP }))
      : listed.filter((u) => u.group === groupId);
  const groupName = new Map(organisation.groups.map((g) => [g.id, g.name]));
  if (unknown.length) groupIds.push(UNKNOWN_GROUP);

  const groups: EvaluationGroup[] = groupIds.flatMap((id) => {
    const members = rowsOf(id);
    if (members.length === 0) return [];
    const name = id === UNKNOWN_GROUP ? msg.unknownGroup : (groupName.get(id) ?? id);
    const rows: EvaluationRow[] = members.map((unit, i) => {
      const entry = byUnit.get(unit.code);
      const tally = settleTally(entry?.total ?? emptyTally());
      const score = scoreTally(tally, rubric);
      return {
        stt: i + 1,
        unitCode: unit.code,
        unitName: unit.name,
        groupId: id,
        groupName: name,
        tally,
        byDirective: [...(entry?.byDirective ?? new Map<string, Tally>())]
          .map(([directiveId, t]) => ({ directiveId, tally: settleTally(t) }))
          .sort(
            (a, b) => (directiveOrder.get(a.directiveId) ?? 0) - (directiveOrder.get(b.directiveId) ?? 0),
          ),
        score,
        grade: score === null ? null : gradeOf(score.total, rubric),
        rank: null,
        groupRank: null,
        notes: unitNotes(unit.code, changes, nameOf),
      };
    });
    ranks(rows.map((r) => r.score?.total ?? null)).forEach((rank, i) => {
      rows[i]!.groupRank = rank;
    });
    return [
      {
        id,
        name,
        numeral: romanNumeral(groupIds.indexOf(id) + 1),
        rows,
        tally: sumTallies(rows.map((r) => r.tally)),
        averageScore: mean(rows.flatMap((r) => (r.score ? [r.score.total] : []))),
      },
    ];
  });
  const allRows = groups.flatMap((g) => g.rows);
  ranks(allRows.map((r) => r.score?.total ?? null)).forEach((rank, i) => {
    allRows[i]!.rank = rank;
  });
  return {
    organisationName: organisation.name,
    range,
    instant,
    generatedAt: input.now,
    rubric,
    directives,
    groups,
    totals: sumTallies(allRows.map((r) => r.tally)),
    averageScore: mean(allRows.flatMap((r) => (r.score ? [r.score.total] : []))),
    changes: changes.map((c): EvaluationChange => ({
      ...c,
      unitName: nameOf(c.unitCode),
      ...(c.intoCode === undefined ? {} : { intoName: nameOf(c.intoCode) }),
    })),
  };
}

/** The scored units from first to last rank (ties in table order); unscored units are left out. */
export function rankedRows(model: EvaluationModel): EvaluationRow[] {
  return model.groups
    .flatMap((g) => g.rows)
    .filter((r) => r.rank !== null)
    .sort((a, b) => a.rank! - b.rank!);
}
