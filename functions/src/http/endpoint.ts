/** What one HTTP function is to the edge: its methods, its body limit, how a call becomes input, and its use case. */
import type { z } from 'zod';
import type { Runtime } from '../runtime.js';
import { errorAnswer, type ErrorBody, type HttpAnswer } from './answer.js';
import type { BodyRefusal } from './framework-body.js';

/** What an incoming call carries, whatever server received it. */
export interface IncomingCall {
  method: string;
  /** The body as received; undefined when there was none. */
  rawBody: Buffer | undefined;
  /** Set when the server's reader gave up on the body. */
  bodyRefusal?: BodyRefusal;
  header(name: string): string | undefined;
}

/** The outcome of parsing a call: the use case's input, or the answer refusing it. */
export type Parsed<I> = { ok: true; input: I } | { ok: false; answer: HttpAnswer & { body: ErrorBody } };

/** One HTTP function: parse → use case → answer. The edge does the rest (http/edge.ts). */
export interface Endpoint<I> {
  /** The function's name, in its log lines. */
  name: string;
  /** The methods it answers; any other is refused with 405. */
  methods: readonly string[];
  /** Bodies larger than this are refused with 413 before anything parses them. */
  maxBodyBytes: number;
  /** The use case's input from the call, or a refusal (400, 401, …). */
  parse(call: IncomingCall, rt: Runtime): Parsed<I>;
  /** Runs the use case and says what to answer. */
  run(rt: Runtime, input: I): Promise<HttpAnswer>;
}

/** The body as JSON (an empty body is `{}`), or the answer refusing it: 400 'malformed-json'. */
export function parseJsonBody(rawBody: Buffer | undefined): Parsed<unknown> {
  const text = rawBody?.toString('utf8') ?? '';
  if (text.trim() === '') return { ok: true, input: {} };
  try {
    return { ok: true, input: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, answer: errorAnswer(400, 'malformed-json', 'the body is not JSON') };
  }
}

/** The body as JSON validated by `schema`; 400 'invalid-body' naming `expected` when it does not match. */
export function parseJsonInput<S extends z.ZodType>(
  rawBody: Buffer | undefined,
  schema: S,
  expected: string,
): Parsed<z.output<S>> {
  const json = parseJsonBody(rawBody);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.input);
  if (!parsed.success) return { ok: false, answer: errorAnswer(400, 'invalid-body', `expected ${expected}`) };
  return { ok: true, input: parsed.data };
}

/**
 * The secret the triggers' signatures and channel tokens are made with, or 503 'not-configured' without it: the
 * log line names the missing setting, the caller learns nothing of the configuration.
 */
export function triggerSecret(rt: Runtime): Parsed<string> {
  const secret = rt.config.triggerSecret;
  if (secret) return { ok: true, input: secret };
  const answer = errorAnswer(503, 'not-configured', 'not available');
  return { ok: false, answer: { ...answer, reason: 'THEODOI_TRIGGER_SECRET is not configured' } };
}
