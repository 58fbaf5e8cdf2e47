/**
 * The Functions Framework's body parsers, replaced. Its express app parses every JSON body before any function
 * runs, and answers malformed JSON, an unreadable or a too large body with an HTML page showing the stack and this
 * machine's paths (GoogleCloudPlatform/functions-framework-nodejs#686, open: there is no option for it). Here
 * every parser the framework asks body-parser for only keeps the raw bytes (req.rawBody, as the framework's own
 * `verify` saves them) up to BODY_CEILING_BYTES, and a body it cannot read is marked on the request instead of
 * being handed to express: theodoi's edge (http/edge.ts) checks each function's own limit, parses JSON itself and
 * answers every refusal in JSON.
 */
import { createRequire } from 'node:module';
import { sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The largest body any function reads; each function's own, smaller limit is checked by the edge. */
export const BODY_CEILING_BYTES = 64 * 1024;

/** Why the body could not be read: larger than the ceiling, or broken (aborted, bad encoding). */
export type BodyRefusal = 'too-large' | 'unreadable';

type Next = (error?: unknown) => void;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;
type ParserFactory = (options?: { verify?: unknown; type?: unknown; limit?: unknown }) => Middleware;
interface BodyParser {
  json: ParserFactory;
  raw: ParserFactory;
  text: ParserFactory;
  urlencoded: ParserFactory;
}

/** The framework's server module, which requires body-parser and builds the parsers in getServer. */
const SERVER_MODULE = ['', '@google-cloud', 'functions-framework', 'build', 'src', 'server.js'].join(sep);
const REFUSAL = Symbol.for('theodoi.bodyRefusal');
const REPLACED = Symbol.for('theodoi.bodyParsersReplaced');

/** Why the framework's reader refused this request's body, if it did. */
export function bodyRefusalOf(req: object): BodyRefusal | undefined {
  return (req as { [REFUSAL]?: BodyRefusal })[REFUSAL];
}

/**
 * Replaces the parsers of the body-parser the Functions Framework's server module loaded; true when they are (or
 * already were) replaced, false when that module is not loaded yet. The framework builds its parsers when it
 * builds a server, so this must run before: `functions-framework` loads its server before this package (index.ts
 * calls this at import); whoever builds servers from the registry (tests, `theodoi serve`) calls it after loading
 * `@google-cloud/functions-framework/testing`. Never loads body-parser itself: that would cost cold start.
 */
export function replaceFrameworkBodyParsers(): boolean {
  const require = createRequire(import.meta.url);
  // Found by scanning the module cache rather than resolving: a bare import (the cold start) pays nothing.
  const server = Object.keys(require.cache).find((path) => path.endsWith(SERVER_MODULE));
  if (!server) return false;
  const loaded = require.cache[createRequire(server).resolve('body-parser')]?.exports as
    (BodyParser & { [REPLACED]?: true }) | undefined;
  if (!loaded) return false;
  if (loaded[REPLACED]) return true;
  const raw = loaded.raw;
  const keepRawBytes: ParserFactory = (options = {}) => {
    const read = raw({ type: () => true, limit: BODY_CEILING_BYTES, verify: options.verify });
    return (req, res, next) =>
      read(req, res, (error?: unknown) => {
        if (error) (req as { [REFUSAL]?: BodyRefusal })[REFUSAL] = refusalOf(error);
        next();
      });
  };
  Object.assign(loaded, {
    json: keepRawBytes,
    raw: keepRawBytes,
    text: keepRawBytes,
    urlencoded: keepRawBytes,
  });
  loaded[REPLACED] = true;
  return true;
}

function refusalOf(error: unknown): BodyRefusal {
  const e = error as { status?: unknown; type?: unknown };
  return e.status === 413 || e.type === 'entity.too.large' ? 'too-large' : 'unreadable';
}
