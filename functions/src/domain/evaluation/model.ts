/** The evaluation's types: what it is computed from, and the per-unit table grouped by khối it produces. */
import type { IsoDate } from '../calendar/iso-date.js';
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { EvaluationUnit, UnitChange } from './lifecycle.js';
import type { Obligation } from './obligation.js';
import type { EvaluationRange } from './range.js';
import type { EvaluationRubric } from './rubric.js';
import type { UnitScore } from './score.js';
import type { Tally } from './tally.js';

/** A directive behind the figures, as the files and the tab name and link it. */
export interface EvaluationDirective {
  id: string;
  /** "06/UBND-NV", or null when not numbered. */
  number: string | null;
  date: IsoDate | null;
  subject: string;
  spreadsheetUrl: string;
  status: 'open' | 'closed';
}

/** The organisation as the evaluation reads it. */
export interface EvaluationOrganisation {
  name: string;
  /** Its groups (khối), in the order tables list them. */
  groups: readonly { id: string; name: string }[];
  /** Its units in the organisation file's order, retired ones included. */
  units: readonly EvaluationUnit[];
}

/** Everything the evaluation is computed from; pure data, no I/O. */
export interface EvaluationInput {
  organisation: EvaluationOrganisation;
  directives: readonly EvaluationDirective[];
  obligations: Iterable<Obligation>;
  range: EvaluationRange;
  /** When the evaluation is made; the range's end when later, otherwise this instant bounds what counts. */
  now: Date;
  calendar: WorkingCalendar;
  rubric: EvaluationRubric;
}

/** One directive's share of a unit's figures. */
export interface DirectiveTally {
  directiveId: string;
  tally: Tally;
}

/** One unit's line. */
export interface EvaluationRow {
  /** 1-based position within its group. */
  stt: number;
  unitCode: string;
  unitName: string;
  groupId: string;
  groupName: string;
  tally: Tally;
  /** The directives behind the figures, in the model's directive order. */
  byDirective: DirectiveTally[];
  /** Null when nothing was due: not scored, graded or ranked. */
  score: UnitScore | null;
  grade: string | null;
  /** Rank among every scored unit (ties share a rank). */
  rank: number | null;
  /** Rank within its group. */
  groupRank: number | null;
  /** "Sáp nhập vào … từ ngày …", "Tiếp nhận … từ ngày …". */
  notes: string[];
}

/** One group (khối) of units. */
export interface EvaluationGroup {
  id: string;
  name: string;
  /** "I", "II", … as the tables number groups. */
  numeral: string;
  rows: EvaluationRow[];
  tally: Tally;
  /** Mean of the group's scores, two decimals; null when none is scored. */
  averageScore: number | null;
}

/** A change of the organisation in the range, with the names the documents print. */
export interface EvaluationChange extends UnitChange {
  unitName: string;
  intoName?: string;
}

/** The whole evaluation. */
export interface EvaluationModel {
  organisationName: string;
  range: EvaluationRange;
  /** What the figures describe: the range's end, or the moment of the evaluation when earlier. */
  instant: Date;
  generatedAt: Date;
  rubric: EvaluationRubric;
  /** The directives with rows in the range, oldest first. */
  directives: EvaluationDirective[];
  groups: EvaluationGroup[];
  totals: Tally;
  averageScore: number | null;
  changes: EvaluationChange[];
}
