/** What theodoi read from a pasted công văn, in words, for the register tab's grey columns; pure. */
import { formatViDate } from '../values/display.js';
import { missingFieldName, register as msg } from '../../messages.vi.js';
import { formatPartialDate } from '../importer/dates.js';
import type { DirectiveDraft, Parties } from '../importer/draft.js';
import type { DirectiveProposal } from '../importer/proposal.js';
import type { RegisterColumnKey } from './columns.js';

/** The organisation's names for unit codes and group ids. */
export interface OrganisationNames {
  units: ReadonlyMap<string, string>;
  groups: ReadonlyMap<string, string>;
}

/** A cell holds at most 50,000 characters: a longer text is cut with an ellipsis. */
const CELL_LIMIT = 49_000;

function fit(text: string): string {
  return text.length <= CELL_LIMIT ? text : `${text.slice(0, CELL_LIMIT)}…`;
}

/** Who a task's lead phrase names, by name: units, whole groups, then phrases naming no unit. */
function partiesText(parties: Parties, names: OrganisationNames): string {
  const named = [
    ...parties.units.map((c) => names.units.get(c) ?? c),
    ...parties.groups.map((g) => names.groups.get(g) ?? g),
    ...parties.unresolved,
    ...parties.unspecified,
  ];
  return named.length > 0 ? named.join(', ') : msg.noLead;
}

/** The recipients resolved to units (names), and those not resolved on a line of their own. */
function recipientsText(draft: DirectiveDraft, names: OrganisationNames): string {
  const units = draft.recipients.unitCodes.map((c) => names.units.get(c) ?? c).join(', ');
  const unresolved = draft.recipients.unresolved;
  return [units, unresolved.length > 0 ? msg.unresolved(unresolved) : '']
    .filter((part) => part !== '')
    .join('\n');
}

/** The tasks: their count, then each with its lead and deadline. */
function tasksText(draft: DirectiveDraft, names: OrganisationNames): string {
  if (draft.tasks.length === 0) return msg.noTasks;
  return [
    msg.taskCount(draft.tasks.length),
    ...draft.tasks.map((t) =>
      msg.task(
        t.id,
        partiesText(t.lead, names),
        t.deadlines.map((d) => d.raw).join('; ') || msg.noTaskDeadline,
      ),
    ),
  ].join('\n');
}

/** What the importer could not find or doubts, in words: missing fields, then its warnings. */
function missingText(draft: DirectiveDraft): string {
  const lines = [...draft.missing.map(missingFieldName), ...draft.warnings.map((w) => w.message)];
  return lines.length > 0 ? [...new Set(lines)].join('\n') : msg.nothingMissing;
}

/** The grey columns for `draft`: number, date, subject, recipients, tasks, deadlines, what was not found. */
export function reviewCells(
  draft: DirectiveDraft,
  proposal: Pick<DirectiveProposal, 'deadlines'>,
  names: OrganisationNames,
): Partial<Record<RegisterColumnKey, string>> {
  return {
    number: draft.numberSymbol?.raw ?? '',
    date: draft.date ? formatPartialDate(draft.date) : '',
    subject: draft.subject ?? '',
    recipients: fit(recipientsText(draft, names)),
    tasks: fit(tasksText(draft, names)),
    deadlines: proposal.deadlines.map(formatViDate).join(', '),
    missing: fit(missingText(draft)),
  };
}
