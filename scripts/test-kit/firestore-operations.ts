/**
 * Counts the Firestore operations this process bills, as Google prices them: a document read for each document a
 * get or a transaction reads (a missing one too), each document a query returns (at least one per query), and a
 * document write for each write a commit carries (batches and transactions alike). It wraps the methods every
 * read and commit of firebase-admin's Firestore client goes through; `stop()` restores them.
 */
import { createRequire } from 'node:module';

/** Operations counted since `countFirestoreOperations()` (or the last `reset()`). */
export interface FirestoreOperations {
  reads: number;
  writes: number;
  /** Commits (batches and transactions) that carried them. */
  commits: number;
}

/** A running count. */
export interface FirestoreCounter {
  snapshot(): FirestoreOperations;
  reset(): void;
  stop(): void;
}

// firebase-admin's own copy of the client, so the wrapped classes are the ones the use cases run.
const fromAdmin = createRequire(createRequire(import.meta.url).resolve('firebase-admin/firestore'));
type Method = (this: unknown, ...args: unknown[]) => unknown;
type Prototype = Record<string, Method>;
const load = (path: string, name: string): Prototype => {
  const exported = fromAdmin(`@google-cloud/firestore/build/src/${path}`) as Record<
    string,
    { prototype: Prototype }
  >;
  return exported[name]!.prototype;
};

/** Starts counting; only one counter may run at a time. */
export function countFirestoreOperations(): FirestoreCounter {
  const reader = load('document-reader.js', 'DocumentReader');
  const query = load('reference/query.js', 'Query');
  const batch = load('write-batch.js', 'WriteBatch');
  const originals: [Prototype, string, Method][] = [
    [reader, '_get', reader._get!],
    [query, '_get', query._get!],
    [query, 'stream', query.stream!],
    [batch, '_commit', batch._commit!],
  ];
  if (originals.some(([, , m]) => (m as { counting?: boolean }).counting))
    throw new Error('a Firestore counter is already running');
  let ops: FirestoreOperations = { reads: 0, writes: 0, commits: 0 };
  const wrap = (proto: Prototype, name: string, method: Method) => {
    proto[name] = Object.assign(method, { counting: true });
  };
  const [readerGet, queryGet, queryStream, commit] = originals.map(([, , m]) => m);
  wrap(reader, '_get', async function (this: unknown, ...args) {
    const answer = await readerGet!.apply(this, args);
    ops.reads += (this as { allDocuments: unknown[] }).allDocuments.length;
    return answer;
  });
  wrap(query, '_get', async function (this: unknown, ...args) {
    const answer = (await queryGet!.apply(this, args)) as { result: { size: number } };
    ops.reads += Math.max(1, answer.result.size);
    return answer;
  });
  wrap(query, 'stream', function (this: unknown, ...args) {
    const stream = queryStream!.apply(this, args) as NodeJS.ReadableStream & {
      push(chunk: unknown): boolean;
    };
    // Counted as the stream hands each document on, whoever reads it (a listener or an async iterator).
    let returned = 0;
    const push = stream.push.bind(stream);
    stream.push = (chunk: unknown) => {
      if (chunk !== null) returned += 1;
      else ops.reads += Math.max(1, returned);
      return push(chunk);
    };
    return stream;
  });
  wrap(batch, '_commit', async function (this: unknown, ...args) {
    const writes = (this as { _ops: unknown[] })._ops.length;
    const answer = await commit!.apply(this, args);
    ops.writes += writes;
    ops.commits += 1;
    return answer;
  });
  return {
    snapshot: () => ({ ...ops }),
    reset: () => {
      ops = { reads: 0, writes: 0, commits: 0 };
    },
    stop: () => {
      for (const [proto, name, method] of originals) proto[name] = method;
    },
  };
}
