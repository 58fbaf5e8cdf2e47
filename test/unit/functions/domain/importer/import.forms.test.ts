// Property: the same text gives the same draft whatever its form — NFC or NFD, CRLF, non-breaking spaces, form feeds
// between pages, old or new tone placement (hoà/hòa, thuỷ/thủy), lines broken as a PDF's text layer breaks them.
// Checked on every document of the real corpus, with seeded random forms.
import { describe, expect, it } from 'vitest';
import type { DirectiveDraft } from '@theodoi/functions/domain/importer/draft';
import { importDirective } from '@theodoi/functions/domain/importer/import';
import { foldLower } from '@theodoi/functions/domain/importer/text';
import { loadCorpus } from '@theodoi/test-kit/importer-corpus';
import { seededRandom } from '../../../../fixtures/seeded-random.js';
import { thapMuoi } from '../../../../support/importer-helpers.js';

const OLD_TONES: Record<string, string> = {
  òa: 'oà',
  óa: 'oá',
  ỏa: 'oả',
  õa: 'oã',
  ọa: 'oạ',
  ủy: 'uỷ',
  úy: 'uý',
  ùy: 'uỳ',
  ụy: 'uỵ',
};

/** What the draft says, not how the text was laid out or which tone placement it kept as written. */
function content(draft: DirectiveDraft): unknown {
  const text = (t: string | null): string | null =>
    t === null ? null : foldLower(t.normalize('NFC')).replace(/\s+/g, ' ');
  return {
    kind: draft.kind,
    issuer: draft.issuer.name,
    numberSymbol: draft.numberSymbol,
    date: draft.date && { ...draft.date, raw: text(draft.date.raw) },
    subject: text(draft.subject),
    recipients: draft.recipients.lines.map((l) => text(l.text)),
    references: draft.references.map((r) => [r.kind, r.numberSymbol?.raw ?? null, r.date]),
    tasks: draft.tasks.map((t) => t.id),
    signer: draft.signer,
  };
}

/** One random form of `text`: each transformation applied or not, lines broken at random widths. */
function form(text: string, next: () => number): { name: string; text: string } {
  const applied: string[] = [];
  let out = text;
  const maybe = (name: string, change: (t: string) => string): void => {
    if (next() < 0.5) return;
    applied.push(name);
    out = change(out);
  };
  maybe('old tone placement', (t) => t.replace(/òa|óa|ỏa|õa|ọa|ủy|úy|ùy|ụy/g, (m) => OLD_TONES[m] ?? m));
  maybe('PDF line breaks', (t) => {
    const width = 40 + Math.floor(next() * 50);
    return t
      .split('\n')
      .map((line) => {
        if (line.length <= width || /^[|\-_]/.test(line.trim())) return line;
        const words = line.split(' ');
        const lines: string[] = [''];
        for (const w of words) {
          const last = lines.length - 1;
          if ((lines[last] ?? '').length + w.length > width && lines[last] !== '') lines.push(w);
          else lines[last] = lines[last] === '' ? w : `${lines[last]} ${w}`;
        }
        return lines.join('\n');
      })
      .join('\n');
  });
  maybe('form feeds between pages', (t) => {
    const lines = t.split('\n');
    const at = Math.floor(lines.length * (0.5 + next() / 3));
    return [...lines.slice(0, at), '\f', ...lines.slice(at)].join('\n');
  });
  maybe('non-breaking spaces', (t) => t.replace(/ /g, (s) => (next() < 0.3 ? '\u00A0' : s)));
  maybe('NFD', (t) => t.normalize('NFD'));
  maybe('CRLF', (t) => t.replace(/\n/g, '\r\n'));
  return { name: applied.join(', ') || 'unchanged', text: out };
}

describe('the same document in any form gives the same draft', () => {
  for (const doc of loadCorpus()) {
    it(doc.name, () => {
      const expected = content(importDirective(doc.text, thapMuoi));
      const next = seededRandom([...doc.name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7));
      for (let i = 0; i < 8; i += 1) {
        const variant = form(doc.text, next);
        expect(content(importDirective(variant.text, thapMuoi)), variant.name).toEqual(expected);
      }
    });
  }
});
