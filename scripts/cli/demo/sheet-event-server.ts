/**
 * The demo's sheetEvent function on a loopback port: the same edge and endpoint the Functions Framework entry
 * serves, bound to the demo's runtime, so its clock is the simulated one the emulator signs trigger calls with.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerCall } from '@theodoi/functions/http/edge';
import { endpoint as sheetEvent } from '@theodoi/functions/http/sheet-event';
import type { Runtime } from '@theodoi/functions/runtime';

/** A served sheetEvent endpoint. */
export interface SheetEventServer {
  url: string;
  close(): Promise<void>;
}

function rawBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Serves POST /sheetEvent with `rt` on 127.0.0.1. */
export async function serveSheetEvent(rt: Runtime): Promise<SheetEventServer> {
  const server = createServer((req, res) => {
    const answer = async () => {
      if (req.url !== '/sheetEvent') return { status: 404, body: { error: 'not found', code: 'not-found' } };
      const body = await rawBody(req).catch(() => undefined);
      return answerCall(sheetEvent, () => rt, {
        method: req.method ?? 'GET',
        rawBody: body,
        ...(body === undefined ? { bodyRefusal: 'unreadable' as const } : {}),
        header: (name) => {
          const value = req.headers[name.toLowerCase()];
          return Array.isArray(value) ? value[0] : value;
        },
      });
    };
    void answer().then(({ status, body }) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sheetEvent`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
