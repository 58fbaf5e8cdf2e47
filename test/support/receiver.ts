/** Test helper: a local HTTP receiver for sheet-trigger POSTs that records them and can hold its answers. */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One received POST. */
export interface ReceivedCall {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A running receiver on 127.0.0.1. */
export interface Receiver {
  url: string;
  received: ReceivedCall[];
  /** While set, answers wait until release() is called. */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

/** Starts a receiver on a free loopback port. */
export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedCall[] = [];
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      void (gate ?? Promise.resolve()).then(() => {
        res.writeHead(204);
        res.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sheetEvent`,
    received,
    hold: () => {
      gate = new Promise<void>((resolve) => (open = resolve));
    },
    release: () => {
      open?.();
      gate = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        open?.();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
