/**
 * Test helper: a TCP proxy in front of a local server (the Firestore emulator) that can be paused — every byte in
 * either direction held until it is resumed — as a Firestore that stops answering for a while and then answers
 * again, delivering the writes it was sent meanwhile (late).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

/** A running proxy. */
export interface PausableProxy {
  /** host:port to give clients instead of the target. */
  host: string;
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

/** Starts a proxy to `target` (host:port) on a free loopback port. */
export async function startPausableProxy(target: string): Promise<PausableProxy> {
  const [targetHost, targetPort] = splitHost(target);
  const sockets = new Set<Socket>();
  // While paused, what either side sends is held here, in order, and delivered on resume.
  const held: [Socket, Buffer][] = [];
  let paused = false;
  const forward = (from: Socket, to: Socket) => {
    sockets.add(from);
    from.on('data', (chunk: Buffer) => (paused ? held.push([to, chunk]) : to.write(chunk)));
    from.on('close', () => {
      sockets.delete(from);
      to.destroy();
    });
    from.on('error', () => from.destroy());
  };
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    host: `127.0.0.1:${address.port}`,
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      for (const [to, chunk] of held.splice(0)) if (!to.destroyed) to.write(chunk);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function splitHost(hostPort: string): [string, number] {
  const colon = hostPort.lastIndexOf(':');
  return [hostPort.slice(0, colon), Number(hostPort.slice(colon + 1))];
}
