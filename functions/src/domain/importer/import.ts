/** `importDirective`: reads an official document's text into a directive draft, inventing nothing. */
import { directiveImport as msg } from '../../messages.vi.js';
import type { Organisation } from '../organisation.js';
import { findCooperating, findLead } from './assignments.js';
import { findDeadlines } from './deadlines.js';
import { formatPartialDate, isPossibleDate } from './dates.js';
import {
  DirectiveDraftSchema,
  DRAFT_FORMAT,
  type Deadline,
  type OcrReport,
  type SOURCE_FORMATS,
  type DirectiveDraft,
  type DraftWarning,
  type Task,
} from './draft.js';
import { readIssuer, readKind, readNumber, readPlaceDate, readSubject } from './header.js';
import { issuerFromText } from './issuer-text.js';
import { kindLabel } from './kinds.js';
import { locateParts } from './layout.js';
import { missingFields } from './missing.js';
import { paragraphs } from './paragraphs.js';
import { readDistribution, readRecipients } from './recipients.js';
import { fieldsToReview, LOW_CONFIDENCE, meanConfidence, type OcrWord } from './review.js';
import { findReferences } from './references.js';
import { readSigner, splitTail } from './signature.js';
import type { RawTask } from './tasks.js';
import { collectTasks } from './tasks.js';
import { foldLoose, normaliseLines } from './text.js';
import { buildUnitIndex, sameName, type UnitIndex } from './units.js';

/** Where the text came from, recorded in the draft; `ocr` when some of it was read from a scan. */
export interface ImportSource {
  readonly file: string | null;
  readonly format: (typeof SOURCE_FORMATS)[number];
  readonly ocr?: {
    readonly engine: string;
    readonly pages: readonly number[];
    readonly words: readonly OcrWord[];
  };
}

const TIME_LABEL = /thoi (?:gian|han)(?:\s+(?:thuc hien|hoan thanh|bao cao))?\s*:\s*/g;

function deadlinesOf(task: RawTask): Deadline[] {
  const found = [...(task.cells?.time !== undefined ? findDeadlines(task.cells.time, true) : [])];
  const loose = foldLoose(task.text);
  TIME_LABEL.lastIndex = 0;
  for (let m = TIME_LABEL.exec(loose); m !== null; m = TIME_LABEL.exec(loose)) {
    const start = m.index + m[0].length;
    const end = start + (/[;\n]|\.(?:\s|$)/.exec(loose.slice(start))?.index ?? loose.length - start);
    found.push(...findDeadlines(task.text.slice(start, end), true));
  }
  found.push(...findDeadlines(task.text));
  const seen = new Set<string>();
  return found.filter((d) => {
    const key = foldLoose(d.raw);
    const dup = [...seen].some((s) => s.includes(key) || key.includes(s));
    seen.add(key);
    return !dup;
  });
}

/** The header's issuer, completed from the text when the header names no one or only "Ủy ban nhân dân". */
function completeIssuer(
  header: { name: string | null; parent: string | null },
  text: string,
  place: string | null,
): { name: string | null; parent: string | null } {
  const bare = header.name === null || /^(?:uy ban nhan dan|hoi dong nhan dan)$/.test(foldLoose(header.name));
  if (!bare) return header;
  return { ...header, name: issuerFromText(text, place, header.name ?? undefined) ?? header.name };
}

function resolveTask(index: UnitIndex, raw: RawTask): Task {
  const lead =
    raw.cells?.lead !== undefined && raw.cells.lead !== ''
      ? findLead(index, raw.text, raw.cells.lead)
      : findLead(index, raw.text);
  const cooperating =
    raw.cells?.cooperating !== undefined
      ? findCooperating(index, raw.text, raw.cells.cooperating)
      : findCooperating(index, raw.text);
  return {
    id: raw.id,
    source: raw.source,
    headings: [...raw.headings],
    text: raw.text,
    lead,
    cooperating,
    deadlines: deadlinesOf(raw),
  };
}

/** Reads `text` (a công văn, kế hoạch, quyết định, thông báo …) into a draft for `organisation`. */
export function importDirective(
  text: string,
  organisation: Organisation,
  source: ImportSource = { file: null, format: 'text' },
): DirectiveDraft {
  const index = buildUnitIndex(organisation);
  const layout = locateParts(normaliseLines(text));
  const warnings: DraftWarning[] = [];
  const warn = (code: DraftWarning['code'], field: string, message: string): void => {
    warnings.push({ code, field, message });
  };

  const { place, date, possible } = readPlaceDate(layout.dateLine);
  const issuer = completeIssuer(readIssuer(layout.issuerLines), layout.lines.join('\n'), place);
  if (issuer.name !== null && !sameName(issuer.name, organisation.name))
    warn('issuer-not-organisation', 'issuer', msg.issuerNotOrganisation(issuer.name, organisation.name));
  const numberSymbol = readNumber(layout.numberText);
  if (date !== null && !possible) warn('invalid-date', 'date', msg.invalidDate('date', date.raw));
  const kind = readKind(layout, numberSymbol);
  const symbol = numberSymbol?.symbol ?? '';
  if (kind.kind !== null && kind.from === 'symbol')
    warn('kind-from-symbol', 'kind', msg.kindFromSymbol(kindLabel(kind.kind), symbol));
  if (kind.kind !== null && kind.mismatch)
    warn('kind-symbol-mismatch', 'kind', msg.kindSymbolMismatch(kindLabel(kind.kind), symbol));

  const recipients = readRecipients(index, layout.recipientEntries);
  for (const text of recipients.unresolved)
    warn('recipient-unresolved', 'recipients', msg.recipientUnresolved(text));

  const body = paragraphs(layout.body);
  // The document's own number, quoted in its body ("Kế hoạch này …số 12/KH-UBND"), is not a reference.
  const references = findReferences(body.map((p) => p.text).join('\n')).filter(
    (r) => numberSymbol?.number == null || r.numberSymbol?.raw !== numberSymbol.raw,
  );
  references.forEach((r, i) => {
    if (r.date !== null && !isPossibleDate(r.date))
      warn('invalid-date', `references[${i}].date`, msg.invalidDate(r.raw, formatPartialDate(r.date)));
  });

  const tasks = collectTasks(body).map((raw) => resolveTask(index, raw));
  for (const task of tasks) {
    for (const t of task.lead.unresolved)
      warn('lead-unresolved', `tasks[${task.id}].lead`, msg.leadUnresolved(task.id, t));
    for (const t of task.cooperating.unresolved)
      warn('cooperating-unresolved', `tasks[${task.id}].cooperating`, msg.cooperatingUnresolved(task.id, t));
    for (const d of task.deadlines)
      if (d.date !== null && !isPossibleDate(d.date))
        warn('invalid-date', `tasks[${task.id}].deadline`, msg.invalidDate(`nhiệm vụ ${task.id}`, d.raw));
  }

  const tail = splitTail(layout.tail);
  const partial: Omit<DirectiveDraft, 'missing' | 'warnings' | 'review'> = {
    format: DRAFT_FORMAT,
    organisation: organisation.id,
    source: { file: source.file, format: source.format, ocr: ocrReport(source) },
    kind: kind.kind,
    kindLabel: kind.kind === null ? null : kindLabel(kind.kind),
    issuer: { name: issuer.name, parent: issuer.parent, lines: [...layout.issuerLines] },
    numberSymbol,
    place,
    date,
    subject: readSubject(layout),
    recipients,
    references,
    tasks,
    signer: readSigner(tail.signature),
    distribution: readDistribution(index, tail.entries),
  };
  const review = source.ocr === undefined ? [] : fieldsToReview(partial, source.ocr.words);
  for (const r of review)
    warn(
      'low-confidence',
      r.field,
      msg.lowConfidence(r.field, r.text, r.words[0]?.text ?? '', r.words[0]?.confidence ?? 0),
    );
  return DirectiveDraftSchema.parse({
    ...partial,
    missing: missingFields(partial),
    warnings,
    review: review.map((r) => r.field),
  });
}

function ocrReport(source: ImportSource): OcrReport | null {
  if (source.ocr === undefined) return null;
  const { engine, pages, words } = source.ocr;
  return {
    engine,
    pages: [...pages],
    confidence: meanConfidence(words) ?? 0,
    words: words.length,
    lowConfidenceWords: words.filter((w) => w.confidence < LOW_CONFIDENCE).length,
    threshold: LOW_CONFIDENCE,
  };
}
