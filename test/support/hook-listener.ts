/** Test helper: a local web_hook receiver that records Drive push notifications. */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One received notification. */
export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A running receiver. */
export interface HookListener {
  url: string;
  received: Received[];
  /** Statuses to answer with, in order; 200 once they run out. */
  answers: number[];
  /** Received notifications with this X-Goog-Resource-State. */
  states(): string[];
  close(): Promise<void>;
}

/** Starts a receiver on a free port. */
export async function listenForHooks(): Promise<HookListener> {
  const received: Received[] = [];
  const answers: number[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answers.shift() ?? 200);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/drive`,
    received,
    answers,
    states: () => received.map((r) => String(r.headers['x-goog-resource-state'])),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
