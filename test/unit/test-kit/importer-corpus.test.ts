// The importer scored on real public documents it was not written from: every field a careful reader found, per
// kind. Prints the table; fails when the score falls below what the importer reaches today.
import { describe, expect, it } from 'vitest';
import { loadCorpus, scoreCorpus } from '@theodoi/test-kit/importer-corpus';
import { FIELD_KINDS, overall, percent, scoreTable } from '@theodoi/test-kit/importer-score';

const corpus = loadCorpus();

describe('the importer corpus', () => {
  it('holds at least 20 documents of several kinds and issuers, before and after 07/2025', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    const kinds = new Set(corpus.map((d) => d.expected.kind));
    expect(kinds.size).toBeGreaterThanOrEqual(5);
    const issuers = new Set(corpus.map((d) => d.expected.issuer));
    expect(issuers.size).toBeGreaterThanOrEqual(15);
    const dates = corpus.map((d) => d.expected.date ?? '');
    expect(dates.some((d) => d >= '2025-07-01')).toBe(true);
    expect(dates.some((d) => d < '2025-07-01')).toBe(true);
  });

  it('finds at least 97 % of the fields, and lists no reference the reader did not', () => {
    const score = scoreCorpus(corpus);
    console.log(`importer corpus (${corpus.length} documents):\n${scoreTable(score)}`);
    expect(percent(overall(score))).toBeGreaterThanOrEqual(97);
    for (const kind of ['issuer', 'number', 'date', 'kind', 'subject', 'references'] as const)
      expect(percent(score.tallies[kind]), kind).toBeGreaterThanOrEqual(95);
    expect(FIELD_KINDS.every((k) => score.tallies[k].found <= score.tallies[k].expected)).toBe(true);
    expect(score.extraReferences).toBe(0);
  });
});
