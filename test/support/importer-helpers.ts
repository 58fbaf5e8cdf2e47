// Shared fixtures for the importer tests: the Tháp Mười organisation and the documents under test/fixtures.
import { readFileSync } from 'node:fs';
import { type Organisation, parseOrganisation } from '@theodoi/functions/domain/organisation';

/** The shipped organisation of huyện Tháp Mười (2024). */
export const thapMuoi: Organisation = parseOrganisation(
  JSON.parse(
    readFileSync(new URL('../../examples/thap-muoi-2024/organisation.json', import.meta.url), 'utf8'),
  ),
);

/** Reads a document fixture by file name. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/documents/${name}`, import.meta.url), 'utf8');
}

/** Every unit code of the organisation, in its order (departments, then the town and communes). */
export const ALL_UNITS = thapMuoi.units.map((u) => u.code);
