/** Test helper: calls a served function with any method, headers and body, and checks it answered clean JSON. */
import { request } from 'node:http';
import { expect } from 'vitest';

/** What the function answered. */
export interface Answer {
  status: number;
  contentType: string | undefined;
  text: string;
}

/** Sends one request (a GET may carry a body here, unlike with fetch). */
export function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  const headers = { ...options.headers };
  // Node sends a GET's body with no length unless told, and the server would read it as a second request.
  if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The answer's JSON body, after checking its status and that it shows no HTML, stack trace or path of this machine. */
export function jsonBody(answer: Answer, status: number): Record<string, unknown> {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.contentType).toMatch(/^application\/json/);
  expect(answer.text).not.toMatch(/<!DOCTYPE|<html|<pre>/i);
  expect(answer.text).not.toMatch(/\n\s+at |node_modules|\.[jt]s:\d+/);
  expect(answer.text).not.toContain(process.cwd());
  return JSON.parse(answer.text) as Record<string, unknown>;
}

/** A JSON body larger than any function takes (64 KiB and more). */
export const OVERSIZED_BODY = JSON.stringify({ padding: 'x'.repeat(70 * 1024) });

/**
 * Checks that `call` is answered 503 'unavailable' in JSON while the Sheets emulator answers theodoi's one read
 * with 503 through every attempt of the retry policy (1 + 4, Retry-After 0 so nobody waits); the fault is then
 * cleared.
 */
export async function expectUnavailable(
  emulator: { addFault(rule: object): void; clearFaults(): void },
  call: () => Promise<Answer>,
): Promise<void> {
  emulator.addFault({
    status: 503,
    count: 5,
    methods: ['sheets.spreadsheets.getByDataFilter'],
    retryAfterSeconds: 0,
  });
  try {
    expect(jsonBody(await call(), 503)).toEqual({
      error: 'Google did not answer; try again later',
      code: 'unavailable',
    });
  } finally {
    emulator.clearFaults();
  }
}
