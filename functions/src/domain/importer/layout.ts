/** Splits a document's lines into the parts Decree 30/2020 lays out: header, title and subject, recipients, body, tail. */
import {
  dropCellBorders,
  HEADER_SCAN,
  mendBrokenDate,
  mendBrokenNumber,
  mendBrokenPhrases,
  MOTTO,
  QUOC_HIEU,
  splitSideBySide,
} from './header-lines.js';
import { kindByName } from './kinds.js';
import { foldLoose, isUpperCaseLine, squash } from './text.js';

/** Where each part of the document is, as lines (indexes are into `lines`). */
export interface Layout {
  /** The cleaned lines, side-by-side header blocks already split apart. */
  readonly lines: readonly string[];
  /** Issuer block lines (above "Số:"), Quốc hiệu and Tiêu ngữ removed. */
  readonly issuerLines: readonly string[];
  /** What follows "Số:" (e.g. "/UBND-NV"), or null. */
  readonly numberText: string | null;
  /** The "Tháp Mười, ngày … tháng … năm …" line, or null. */
  readonly dateLine: string | null;
  /** The type title as written ("KẾ HOẠCH"), or null. */
  readonly titleLine: string | null;
  /** The subject lines ("V/v …" with its continuation, or the lines under the title). */
  readonly subjectLines: readonly string[];
  /** The recipient entries of "Kính gửi", as written (bullets and end punctuation kept). */
  readonly recipientEntries: readonly string[];
  /** Body lines, from after the recipients (or subject) up to the signature and "Nơi nhận". */
  readonly body: readonly string[];
  /** Lines after the body: "Nơi nhận" and the signature block. */
  readonly tail: readonly string[];
}

const NUMBER_LINE = /^so\s*[:.]?\s*(?=[\d.…_\s]*\/)/;
const PLACE_DATE = /^(?:[^,]{0,60},\s*)?ngay\s*[\d.…_\s]*thang\s*[\d.…_\s]*nam\s*\d{0,4}/;
const KINH_GUI = /^kinh\s+gui\s*:?\s*/;
// "V/v …" under the number of a công văn; "VỀ VIỆC …" alone when a quyết định's title line was lost.
const VV = /^(?:v\s*\/\s*v\b|ve viec\s)\s*[:.]?\s*/;
const RULE = /^[-_=–—.…\s*]{3,}$/;
const AUTHORITY = /^(tm|kt|tl|q|tuq)\s*\.\s*\S/;
const NOI_NHAN = /^noi\s+nhan\s*:?/;
const BODY_OPENERS =
  /^(?:thuc hien|can cu|nham|qua|hien nay|theo de nghi|xet de nghi|tren co so|tiep nhan|trong thoi gian qua)(?![a-z])/;

/** A line naming who decides, under the title of a quyết định ("ỦY BAN NHÂN DÂN TỈNH X", "CHỦ TỊCH ỦY BAN …"). */
export function isAuthorityLine(line: string): boolean {
  return (
    isUpperCaseLine(line) &&
    /^(?:chu tich|giam doc|uy ban|hoi dong nhan dan|truong|bo truong|thu tuong)(?![a-z])/.test(
      foldLoose(line.trim()),
    )
  );
}

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

/** Whether a line is a type title on its own ("KẾ HOẠCH", "QUYẾT ĐỊNH"); a trailing ":" is not a title. */
export function titleKind(line: string): ReturnType<typeof kindByName> {
  const clean = squash(line);
  if (!isUpperCaseLine(clean) || clean.endsWith(':')) return undefined;
  return kindByName(
    foldLoose(clean)
      .replace(/[^a-z ]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

function startsLower(line: string): boolean {
  return /^[\p{Ll}\d(“"]/u.test(line.trim());
}

function endsSentence(line: string): boolean {
  return /[.;:!?]["”)]*$/.test(line.trim());
}

/** Reads lines from `start` that continue one another (a subject over several lines, broken or not). */
function readContinued(
  lines: readonly string[],
  start: number,
  stop: (line: string) => boolean,
  acrossBlankUpper: boolean,
): number {
  let i = start;
  let last = lines[start] ?? '';
  i += 1;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j])) j += 1;
      const next = lines[j];
      if (next === undefined || endsSentence(last) || stop(next)) return i;
      if (!startsLower(next) && !acrossBlankUpper) return i;
      i = j;
      continue;
    }
    if (stop(line)) return i;
    last = line;
    i += 1;
  }
  return i;
}

/** Reads the entries under "Kính gửi:" (one line or a "-" list); returns them and the first body line. */
function readRecipients(lines: readonly string[], at: number): { entries: string[]; end: number } {
  const first = (lines[at] ?? '').trim();
  const rest = first.slice((KINH_GUI.exec(foldLoose(first))?.[0] ?? '').length).trim();
  const entries: string[] =
    rest === ''
      ? []
      : rest
          .split(/(?<=;)\s*|\s+(?=-\s)/)
          .map(squash)
          .filter((e) => e !== '');
  const ended = (): boolean => (entries.at(-1) ?? '').trim().endsWith('.');
  let i = at + 1;
  while (i < lines.length) {
    const line = (lines[i] ?? '').trim();
    const bullet = /^[-+•*–]\s*/.test(line);
    if (line === '') {
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j])) j += 1;
      const next = (lines[j] ?? '').trim();
      const continues = entries.length === 0 || (!ended() && (/^[-+•*–]/.test(next) || startsLower(next)));
      if (!continues || next === '') break;
      i = j;
      continue;
    }
    if (entries.length > 0 && ended() && !bullet) break;
    if (bullet) entries.push(line);
    else if (entries.length > 0 && !endsSentence(entries.at(-1) ?? '') && startsLower(line))
      entries[entries.length - 1] = `${entries.at(-1) ?? ''} ${line}`;
    else if (entries.length === 0) entries.push(line);
    else if ((entries.at(-1) ?? '').endsWith(';') && !BODY_OPENERS.test(foldLoose(line)) && line.length < 120)
      entries.push(line);
    else break;
    i += 1;
  }
  return { entries, end: i };
}

function findTail(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i += 1) {
    const loose = foldLoose((lines[i] ?? '').trim());
    if (NOI_NHAN.test(loose) || AUTHORITY.test(loose)) return i;
  }
  for (let i = lines.length - 1; i >= from; i -= 1) if ((lines[i] ?? '').trim().endsWith('./.')) return i + 1;
  return lines.length;
}

/** Locates every part of a document in its cleaned lines. */
export function locateParts(cleanLines: readonly string[]): Layout {
  const lines = splitSideBySide(
    mendBrokenNumber(mendBrokenDate(mendBrokenPhrases(dropCellBorders(cleanLines)))),
  );
  const loose = lines.map((l) => foldLoose(l.trim()));
  const scan = Math.min(lines.length, HEADER_SCAN);
  const find = (re: RegExp, from = 0, to = scan): number => {
    for (let i = from; i < to; i += 1) if (re.test(loose[i] ?? '')) return i;
    return -1;
  };
  const kinhGui = find(KINH_GUI, 0, lines.length);
  const headerLimit = kinhGui >= 0 ? kinhGui : scan;
  const numberAt = find(NUMBER_LINE, 0, headerLimit);
  const dateAt = find(PLACE_DATE, 0, headerLimit);
  const vvAt = find(VV, 0, headerLimit);
  let titleAt = -1;
  for (let i = 0; i < headerLimit; i += 1) {
    if (titleKind(lines[i] ?? '') && i >= Math.max(numberAt, dateAt, 0)) {
      titleAt = i;
      break;
    }
  }
  const anchors = [numberAt, dateAt, vvAt, titleAt].filter((i) => i >= 0);
  const issuerEnd = anchors.length > 0 ? Math.min(...anchors) : 0;
  const issuerLines = lines
    .slice(0, issuerEnd)
    .filter((l, i) => /\p{L}/u.test(l) && !QUOC_HIEU.test(loose[i] ?? '') && !MOTTO.test(loose[i] ?? ''))
    .map(squash);

  const numberLine = numberAt >= 0 ? (lines[numberAt] ?? '').trim() : null;
  const numberText = numberLine === null ? null : numberLine.replace(/^\S*\s*[:.]?\s*/u, '').trim();
  const dateLine = dateAt >= 0 ? squash(lines[dateAt] ?? '') : null;

  /** A line with a part of its own: never the continuation of a subject. */
  const isStructural = (line: string): boolean => {
    const l = foldLoose(line.trim());
    return (
      KINH_GUI.test(l) ||
      (NUMBER_LINE.test(l) && line === lines[numberAt]) ||
      PLACE_DATE.test(l) ||
      QUOC_HIEU.test(l) ||
      MOTTO.test(l) ||
      RULE.test(line) ||
      /^can cu\s/.test(l) ||
      /^(?:[ivx]+|\d{1,2})\s*[.)]\s/.test(l) ||
      titleKind(line) !== undefined
    );
  };
  const isAnchor = (line: string): boolean =>
    isStructural(line) || (/^\p{Lu}/u.test(line.trim()) && BODY_OPENERS.test(foldLoose(line.trim())));
  let subjectStart = -1;
  let subjectEnd = -1;
  if (titleAt >= 0) {
    let s = titleAt + 1;
    while (s < lines.length && (isBlank(lines[s]) || RULE.test(lines[s] ?? ''))) s += 1;
    const candidate = lines[s] ?? '';
    const authorityLine = isAuthorityLine(candidate);
    // The line under the title is its subject even when it opens like a body ("THỰC HIỆN CÔNG TÁC …").
    if (s < lines.length && !isStructural(candidate) && !authorityLine) {
      subjectStart = s;
      const upper = isUpperCaseLine(candidate);
      const stop = (l: string): boolean =>
        isAnchor(l) || isAuthorityLine(l) || (/\p{L}{2}/u.test(l) && isUpperCaseLine(l) !== upper);
      subjectEnd = readContinued(lines, s, stop, false);
    }
  } else if (vvAt >= 0) {
    subjectStart = vvAt;
    // A "V/v" subject runs until "Kính gửi" even over blank lines, as text pasted from a PDF has them.
    subjectEnd = readContinued(lines, vvAt, (l) => isAnchor(l) || isAuthorityLine(l), kinhGui > vvAt);
  }
  const subjectLines =
    subjectStart >= 0 ? lines.slice(subjectStart, subjectEnd).filter((l) => !isBlank(l)) : [];

  let bodyStart = Math.max(issuerEnd, numberAt + 1, dateAt + 1, titleAt + 1, subjectEnd);
  let recipientEntries: string[] = [];
  if (kinhGui >= 0) {
    const read = readRecipients(lines, kinhGui);
    recipientEntries = read.entries;
    bodyStart = Math.max(bodyStart, read.end);
  }
  const tailStart = findTail(lines, bodyStart);
  return {
    lines,
    issuerLines,
    numberText,
    dateLine,
    titleLine: titleAt >= 0 ? squash(lines[titleAt] ?? '') : null,
    subjectLines,
    recipientEntries,
    body: lines.slice(bodyStart, tailStart),
    tail: lines.slice(tailStart),
  };
}
