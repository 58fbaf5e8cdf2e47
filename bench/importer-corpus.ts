/** The importer on the real-document corpus: fields found / expected per field kind, and the time to import it all. */
import { loadCorpus, scoreCorpus } from '@theodoi/test-kit/importer-corpus';
import { FIELD_KINDS, overall, percent, scoreTable } from '@theodoi/test-kit/importer-score';
import { round, type Row } from './row.js';

/** One row per field kind (percent found), the total, and the import time per document. */
export function importerCorpusRows(log: (line: string) => void): Row[] {
  const corpus = loadCorpus();
  const started = performance.now();
  const score = scoreCorpus(corpus);
  const ms = (performance.now() - started) / corpus.length;
  log(`importer corpus, ${corpus.length} documents:\n${scoreTable(score)}`);
  const total = overall(score);
  return [
    ...FIELD_KINDS.filter((k) => score.tallies[k].expected > 0).map((k) => ({
      name: `importer corpus: ${k}`,
      value: percent(score.tallies[k]),
      unit: '% found',
      note: `${score.tallies[k].found}/${score.tallies[k].expected}`,
    })),
    {
      name: 'importer corpus: all fields',
      value: percent(total),
      unit: '% found',
      note: `${total.found}/${total.expected}; ${score.extraReferences} references no reader listed`,
    },
    { name: 'importer: import one corpus document', value: round(ms), unit: 'ms' },
  ];
}
