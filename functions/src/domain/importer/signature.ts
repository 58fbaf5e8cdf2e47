/** The end of a document: "Nơi nhận" and the signature block (TM./KT./TL./Q./TUQ. authority, title, name). */
import { personName, properCase } from './casing.js';
import { AUTHORITIES, type Signer } from './draft.js';
import { foldLoose, isUpperCaseLine, squash, stripListPunctuation } from './text.js';

const AUTHORITY = /(?<![\p{L}\p{N}])(TM|KT|TL|Q|TUQ)\s*\.\s*(?=\p{Lu})/u;
const NOI_NHAN = /^noi\s+nhan\s*:?\s*/;
const SIGNED_MARK = /^\(?\s*(?:da ki|ki|ki ten|ki, ghi ro ho ten|ki ten, dong dau|ki, dong dau|dau)[^)]*\)?$/;

/** The tail split into "Nơi nhận" entries and signature lines. */
export interface Tail {
  readonly entries: string[];
  readonly signature: string[];
}

/** Splits tail lines where two columns were flattened together ("- Như trên; CHỦ TỊCH", "Nơi nhận: TM. ỦY BAN NHÂN DÂN"). */
function unflatten(lines: readonly string[]): string[] {
  return lines.flatMap((line) => {
    const t = squash(line);
    const authority = AUTHORITY.exec(t);
    if (authority && authority.index > 0)
      return [t.slice(0, authority.index).trim(), t.slice(authority.index)];
    const upper = /^([-+•–].*[;.])\s+(\p{Lu}[\p{Lu}\s]+)$/u.exec(t);
    if (upper && isUpperCaseLine(upper[2] ?? '')) return [upper[1] ?? '', (upper[2] ?? '').trim()];
    return [t];
  });
}

/** Separates the "Nơi nhận" entries from the signature block. */
export function splitTail(tailLines: readonly string[]): Tail {
  const lines = unflatten(tailLines).filter((l) => l.trim() !== '');
  const entries: string[] = [];
  const signature: string[] = [];
  let seenList = false;
  for (const line of lines) {
    const heading = NOI_NHAN.exec(foldLoose(line));
    if (heading) {
      seenList = true;
      const rest = line.slice(heading[0].length).trim();
      if (rest !== '') entries.push(rest);
      continue;
    }
    const last = entries.at(-1);
    if (seenList && /^[-+•–]/.test(line)) entries.push(line);
    else if (last !== undefined && !/[;.]$/.test(last) && /^\p{Ll}/u.test(line))
      entries[entries.length - 1] = `${last} ${line}`;
    else signature.push(line);
  }
  return { entries, signature };
}

/** Reads the signer: authorities, title and name. */
export function readSigner(lines: readonly string[]): Signer {
  const authorities: Signer['authorities'] = [];
  let title: string | null = null;
  let name: string | null = null;
  for (const raw of lines) {
    const line = squash(raw);
    if (line === '' || SIGNED_MARK.test(foldLoose(line))) continue;
    const authority = AUTHORITY.exec(line);
    if (authority?.index === 0) {
      const kind = AUTHORITIES.find((a) => a === authority[1]);
      if (kind) authorities.push({ kind, of: properCase(line.slice(authority[0].length)) });
      continue;
    }
    if (title === null && isUpperCaseLine(line)) {
      title = properCase(line);
      continue;
    }
    if (title !== null || authorities.length > 0) name = personName(line);
  }
  if (title === null && authorities.length > 0 && name !== null) {
    // "TM. ỦY BAN NHÂN DÂN / Chủ tịch / Name" typed in mixed case: the line after the authority is the title.
    const mixed = lines
      .map(squash)
      .filter((l) => l !== '' && !AUTHORITY.test(l) && !SIGNED_MARK.test(foldLoose(l)));
    if (mixed.length >= 2) {
      title = mixed[0] ?? null;
      name = personName(mixed.at(-1) ?? '');
    }
  }
  return { authorities, title, name };
}

/** Reads the archive line "Lưu: VT, NCNV (s)" into its keepers; null when the entry is not one. */
export function archiveOf(entry: string): string[] | null {
  const m = /^luu\s*:?\s*/.exec(foldLoose(stripListPunctuation(entry)));
  if (!m) return null;
  return stripListPunctuation(entry)
    .slice(m[0].length)
    .split(',')
    .map(squash)
    .filter((k) => k !== '');
}
