// Tests may only talk to this machine: any socket to a non-loopback address fails the test loudly
// (for instance a client probing Google's metadata server for credentials).
import { Socket } from 'node:net';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;
// eslint-disable-next-line @typescript-eslint/unbound-method -- re-applied with the socket as `this` below
const original = Socket.prototype.connect;

function hostOf(args: unknown[]): string | undefined {
  const [first, second] = args;
  if (typeof first === 'object' && first !== null) {
    const o = first as { host?: string; path?: string };
    return o.path ? undefined : (o.host ?? 'localhost');
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return typeof second === 'string' ? second : 'localhost';
  }
  return undefined; // a Unix socket path
}

Socket.prototype.connect = function connect(this: Socket, ...args: unknown[]) {
  const host = hostOf(args);
  if (host !== undefined && !LOOPBACK.test(host)) {
    throw new Error(`Test tried to connect to ${host}: only loopback addresses may be reached from tests`);
  }
  return (original as (...a: unknown[]) => Socket).apply(this, args);
};
