/** Developer metadata visibility: PROJECT entries exist only for the Cloud project that created them. */
import { purgeMetadata } from './metadata.js';
import type { Book, StoredMetadata } from './model.js';

/**
 * Whether a caller of `project` sees the entry: DOCUMENT entries are shared by every editor, PROJECT ones only
 * by the project that made them. A caller without a project (a person in the UI) sees all; so does everyone an
 * entry saved before projects were recorded.
 */
export function visibleTo(m: StoredMetadata, project: string | undefined): boolean {
  return (
    m.visibility !== 'PROJECT' || project === undefined || m.project === undefined || m.project === project
  );
}

/** The spreadsheet as a caller of `project` reads it: other projects' PROJECT entries left out. */
export function projectView(book: Book, project: string | undefined): Book {
  if (book.metadata.every((m) => visibleTo(m, project))) return book;
  return { ...book, metadata: book.metadata.filter((m) => visibleTo(m, project)) };
}

/**
 * Runs a write on `work` as a caller of `project`: other projects' entries are out of its reach (lookups, data
 * filters, updates and deletes do not see them), then they are put back, and new entries are stamped with the
 * caller's project.
 */
export function writeInProjectView<T>(work: Book, project: string | undefined, fn: (book: Book) => T): T {
  const hidden = work.metadata.filter((m) => !visibleTo(m, project));
  const before = new Set(work.metadata.map((m) => m.metadataId));
  if (hidden.length > 0) work.metadata = work.metadata.filter((m) => visibleTo(m, project));
  const result = fn(work);
  if (project !== undefined)
    for (const m of work.metadata) if (!before.has(m.metadataId)) m.project = project;
  if (hidden.length > 0) {
    work.metadata.push(...hidden);
    purgeMetadata(work); // hidden entries on rows or sheets the write deleted go with them
  }
  return result;
}
