/** Names every field a draft lacks, so the coordinator knows what to fill in ("number", "date.day", "tasks[2].lead"). */
import type { DirectiveDraft } from './draft.js';

/** The missing fields of a draft, in the order the document lays them out. */
export function missingFields(draft: Omit<DirectiveDraft, 'missing' | 'warnings' | 'review'>): string[] {
  const missing: string[] = [];
  const need = (absent: boolean, field: string): void => {
    if (absent) missing.push(field);
  };
  need(draft.issuer.name === null, 'issuer');
  need(draft.numberSymbol?.number == null, 'number');
  need(draft.numberSymbol?.symbol == null, 'symbol');
  need(draft.place === null, 'place');
  if (draft.date === null) missing.push('date');
  else {
    need(draft.date.year === null, 'date.year');
    need(draft.date.month === null, 'date.month');
    need(draft.date.day === null, 'date.day');
  }
  need(draft.kind === null, 'kind');
  need(draft.subject === null, 'subject');
  need(draft.recipients.unitCodes.length === 0, 'recipients');
  draft.references.forEach((r, i) => {
    need(r.date === null, `references[${i}].date`);
    need(r.issuer === null && r.kind !== 'luat' && r.kind !== 'bo-luat', `references[${i}].issuer`);
  });
  need(draft.tasks.length === 0, 'tasks');
  for (const task of draft.tasks) {
    const lead = task.lead;
    need(lead.units.length + lead.groups.length + lead.unspecified.length === 0, `tasks[${task.id}].lead`);
    need(task.deadlines.length === 0, `tasks[${task.id}].deadline`);
  }
  need(draft.signer.title === null, 'signer.title');
  need(draft.signer.name === null, 'signer.name');
  need(draft.distribution.entries.length === 0, 'distribution');
  return missing;
}
