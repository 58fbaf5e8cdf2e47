/** The importer corpus: real public documents with a reader's expectations, imported and scored. */
import { readdirSync, readFileSync } from 'node:fs';
import { importDirective } from '@theodoi/functions/domain/importer/import';
import { type Organisation, parseOrganisation } from '@theodoi/functions/domain/organisation';
import { addScore, emptyScore, ExpectedDocumentSchema, type Score, scoreDraft } from './importer-score.js';

/** Where the corpus lives: one `<name>.txt` and one `<name>.json` per document. */
export const CORPUS_DIR = new URL('../../test/fixtures/importer-corpus/', import.meta.url);

const ORGANISATION_FILE = new URL('../../examples/thap-muoi-2024/organisation.json', import.meta.url);

/** One document of the corpus: its text and what a reader expects of it. */
export interface CorpusDocument {
  readonly name: string;
  readonly text: string;
  readonly expected: ReturnType<typeof ExpectedDocumentSchema.parse>;
}

/** Reads every document of the corpus, its expectations validated. */
export function loadCorpus(dir: URL = CORPUS_DIR): CorpusDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.txt'.length);
      const expected = ExpectedDocumentSchema.parse(
        JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')),
      );
      return { name, text: readFileSync(new URL(file, dir), 'utf8'), expected };
    });
}

/** The organisation drafts are resolved against; the corpus documents are not its own, which the score ignores. */
export function corpusOrganisation(): Organisation {
  return parseOrganisation(JSON.parse(readFileSync(ORGANISATION_FILE, 'utf8')));
}

/** Imports every document and adds up the scores. */
export function scoreCorpus(documents: readonly CorpusDocument[] = loadCorpus()): Score {
  const organisation = corpusOrganisation();
  const total = emptyScore();
  for (const doc of documents) {
    const draft = importDirective(doc.text, organisation, { file: `${doc.name}.txt`, format: 'txt' });
    addScore(total, scoreDraft(doc.expected, draft), doc.name);
  }
  return total;
}
