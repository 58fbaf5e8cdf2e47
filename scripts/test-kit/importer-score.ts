/** Scores a directive draft against what a careful reader found in the document: fields found / expected, per kind. */
import { z } from 'zod';
import type { DirectiveDraft, PartialDate, Reference } from '@theodoi/functions/domain/importer/draft';
import { DOCUMENT_KIND_IDS } from '@theodoi/functions/domain/importer/kinds';
import { foldLoose } from '@theodoi/functions/domain/importer/text';

/** A date as a reader writes it: "2024", "2024-01" or "2024-01-26". */
const ReaderDate = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);

/** A document cited by the text, as a reader records it (number or, for a law, its title). */
export const ExpectedReferenceSchema = z.strictObject({
  number: z.string().optional(),
  title: z.string().optional(),
  kind: z.enum(DOCUMENT_KIND_IDS),
  issuer: z.string().optional(),
  date: ReaderDate.optional(),
});

/** What a careful reader expects the importer to find in one document (written by reading it, not by the importer). */
export const ExpectedDocumentSchema = z.strictObject({
  source: z.string(),
  issuer: z.string().nullable(),
  number: z.string().nullable(),
  date: ReaderDate.nullable(),
  kind: z.enum(DOCUMENT_KIND_IDS).nullable(),
  subject: z.string().nullable(),
  recipients: z.array(z.string()),
  references: z.array(ExpectedReferenceSchema),
  /** The opening words of each task. */
  tasks: z.array(z.string()),
  /** Each deadline as written ("trước ngày 30/9/2025"). */
  deadlines: z.array(z.string()),
  signer: z.strictObject({ title: z.string(), name: z.string() }).nullable(),
});
/** A reader's expectations for one document. */
export type ExpectedDocument = z.infer<typeof ExpectedDocumentSchema>;

/** The kinds of field scored, in table order. */
export const FIELD_KINDS = [
  'issuer',
  'number',
  'date',
  'kind',
  'subject',
  'recipients',
  'references',
  'references.kind',
  'references.issuer',
  'references.date',
  'tasks',
  'deadlines',
  'signer',
] as const;
/** A kind of field. */
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Found and expected counts of one field kind. */
export interface Tally {
  found: number;
  expected: number;
}

/** The score of one document, or of a corpus: tallies per field kind, and the references read that no reader listed. */
export interface Score {
  readonly tallies: Record<FieldKind, Tally>;
  /** References in the draft that match none the reader expects (the document's own number, a misread). */
  extraReferences: number;
  /** What was missed, "field: expected value", for looking into. */
  readonly misses: string[];
}

/** An empty score. */
export function emptyScore(): Score {
  const tallies = Object.fromEntries(FIELD_KINDS.map((k) => [k, { found: 0, expected: 0 }])) as Record<
    FieldKind,
    Tally
  >;
  return { tallies, extraReferences: 0, misses: [] };
}

/** Compares names, subjects and titles up to case, marks, punctuation, tone placement and the UBND/HĐND abbreviations. */
export function comparable(text: string): string {
  return foldLoose(text.normalize('NFC'))
    .replace(/(?<![a-z0-9])ubnd(?![a-z0-9])/g, 'uy ban nhan dan')
    .replace(/(?<![a-z0-9])hdnd(?![a-z0-9])/g, 'hoi dong nhan dan')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function subjectKey(text: string): string {
  return comparable(text).replace(/^(?:ve viec|v v)\s+/, '');
}

function lawKey(text: string): string {
  return comparable(text).replace(/^luat\s+/, '');
}

function numberKey(text: string): string {
  return foldLoose(text.normalize('NFC')).replace(/\s+/g, '');
}

function sameDate(expected: string, found: PartialDate | null): boolean {
  if (found === null) return false;
  const [year, month, day] = expected.split('-').map((p) => Number.parseInt(p, 10));
  return (
    found.year === year &&
    (month === undefined || found.month === month) &&
    (day === undefined || found.day === day)
  );
}

function matches(expected: z.infer<typeof ExpectedReferenceSchema>, found: Reference): boolean {
  if (expected.number !== undefined)
    return found.numberSymbol !== null && numberKey(found.numberSymbol.raw) === numberKey(expected.number);
  return (
    expected.title !== undefined && found.title !== null && lawKey(found.title) === lawKey(expected.title)
  );
}

/** Scores one draft against a reader's expectations. */
export function scoreDraft(expected: ExpectedDocument, draft: DirectiveDraft): Score {
  const score = emptyScore();
  const count = (kind: FieldKind, found: boolean, what: string): void => {
    score.tallies[kind].expected += 1;
    if (found) score.tallies[kind].found += 1;
    else score.misses.push(`${kind}: ${what}`);
  };
  if (expected.issuer !== null)
    count(
      'issuer',
      draft.issuer.name !== null && comparable(draft.issuer.name) === comparable(expected.issuer),
      expected.issuer,
    );
  if (expected.number !== null)
    count(
      'number',
      draft.numberSymbol !== null && numberKey(draft.numberSymbol.raw) === numberKey(expected.number),
      expected.number,
    );
  if (expected.date !== null) count('date', sameDate(expected.date, draft.date), expected.date);
  if (expected.kind !== null) count('kind', draft.kind === expected.kind, expected.kind);
  if (expected.subject !== null)
    count(
      'subject',
      draft.subject !== null && subjectKey(draft.subject) === subjectKey(expected.subject),
      expected.subject,
    );
  for (const line of expected.recipients)
    count(
      'recipients',
      draft.recipients.lines.some((l) => comparable(l.text) === comparable(line)),
      line,
    );

  const used = new Set<Reference>();
  for (const ref of expected.references) {
    const found = draft.references.find((r) => !used.has(r) && matches(ref, r));
    if (found) used.add(found);
    const name = ref.number ?? ref.title ?? '';
    count('references', found !== undefined, name);
    count('references.kind', found?.kind === ref.kind, `${name} ${ref.kind}`);
    if (ref.issuer !== undefined)
      count(
        'references.issuer',
        found?.issuer != null && comparable(found.issuer) === comparable(ref.issuer),
        `${name} ${ref.issuer}`,
      );
    if (ref.date !== undefined)
      count('references.date', sameDate(ref.date, found?.date ?? null), `${name} ${ref.date}`);
  }
  score.extraReferences = draft.references.filter((r) => !used.has(r)).length;

  for (const opening of expected.tasks)
    count(
      'tasks',
      draft.tasks.some((t) => comparable(t.text).startsWith(comparable(opening))),
      opening,
    );
  const deadlines = draft.tasks.flatMap((t) => t.deadlines.map((d) => comparable(d.raw)));
  for (const deadline of expected.deadlines) {
    const key = comparable(deadline);
    count(
      'deadlines',
      deadlines.some((d) => d.includes(key) || key.includes(d)),
      deadline,
    );
  }
  if (expected.signer !== null) {
    const { title, name } = expected.signer;
    count(
      'signer',
      draft.signer.title !== null && comparable(draft.signer.title) === comparable(title),
      title,
    );
    count('signer', draft.signer.name !== null && comparable(draft.signer.name) === comparable(name), name);
  }
  return score;
}

/** Adds `other` into `total`. */
export function addScore(total: Score, other: Score, label: string): void {
  for (const kind of FIELD_KINDS) {
    total.tallies[kind].found += other.tallies[kind].found;
    total.tallies[kind].expected += other.tallies[kind].expected;
  }
  total.extraReferences += other.extraReferences;
  total.misses.push(...other.misses.map((m) => `${label}: ${m}`));
}

/** Found / expected over every field kind. */
export function overall(score: Score): Tally {
  return FIELD_KINDS.reduce(
    (sum, kind) => ({
      found: sum.found + score.tallies[kind].found,
      expected: sum.expected + score.tallies[kind].expected,
    }),
    { found: 0, expected: 0 },
  );
}

/** A percentage with one decimal. */
export function percent(tally: Tally): number {
  return tally.expected === 0 ? 100 : Math.round((1000 * tally.found) / tally.expected) / 10;
}

/** The score as a plain-text table: one line per field kind, then the total and the extra references. */
export function scoreTable(score: Score): string {
  const line = (name: string, t: Tally): string =>
    `${name.padEnd(18)} ${String(t.found).padStart(4)} / ${String(t.expected).padEnd(4)} ${percent(t).toFixed(1).padStart(5)} %`;
  return [
    ...FIELD_KINDS.map((kind) => line(kind, score.tallies[kind])),
    line('all fields', overall(score)),
    `extra references   ${score.extraReferences}`,
  ].join('\n');
}
