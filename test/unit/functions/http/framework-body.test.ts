// The Functions Framework's own body parsers answer malformed JSON with an HTML page showing the stack and this
// machine's paths, before any function runs. Once replaced, every body reaches the function as raw bytes, and one
// the reader refuses is marked on the request for the edge to answer.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { http, type Request } from '@google-cloud/functions-framework';
import { getTestServer } from '@google-cloud/functions-framework/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BODY_CEILING_BYTES,
  bodyRefusalOf,
  replaceFrameworkBodyParsers,
} from '@theodoi/functions/http/framework-body';
import { send, type Answer } from '../../../support/json-answer.js';

http('bodyProbe', (req: Request, res) => {
  res.json({ rawBytes: req.rawBody?.length ?? null, refusal: bodyRefusalOf(req) ?? null });
});

const servers: Server[] = [];
async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}
const malformed = (url: string): Promise<Answer> =>
  send(url, { headers: { 'content-type': 'application/json' }, body: '{"directiveId": ' });

describe("the framework's body parsers", () => {
  afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

  it('left as they are, answer malformed JSON with an HTML page naming files of this machine', async () => {
    const answer = await malformed(await listen(getTestServer('bodyProbe')));
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^text\/html/);
    expect(answer.text).toContain('node_modules');
  });

  it('replaced, hand every body to the function as raw bytes, malformed JSON and other types alike', async () => {
    expect(replaceFrameworkBodyParsers()).toBe(true);
    expect(replaceFrameworkBodyParsers()).toBe(true);
    const url = await listen(getTestServer('bodyProbe'));
    expect(JSON.parse((await malformed(url)).text)).toEqual({ rawBytes: 16, refusal: null });
    const text = await send(url, { headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(JSON.parse(text.text)).toEqual({ rawBytes: 5, refusal: null });
    const empty = await send(url, { method: 'GET' });
    expect(JSON.parse(empty.text)).toEqual({ rawBytes: null, refusal: null });
  });

  it('mark a body over the ceiling for the edge to refuse, instead of handing express an error', async () => {
    const url = await listen(getTestServer('bodyProbe'));
    const answer = await send(url, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ x: 'x'.repeat(BODY_CEILING_BYTES) }),
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ rawBytes: null, refusal: 'too-large' });
  });
});
