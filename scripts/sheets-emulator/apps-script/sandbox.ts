/** The code of a script's worker thread: runs .gs source in node:vm and blocks on the main thread for each service call. */
// sandboxWorker runs in a worker started with `eval: true` (sandbox-pool.ts), so it must reference nothing outside its
// own body: modules come through `require`, the services' source through `installSource`. A service call posts
// {op, payload} on the RPC port and sleeps on a shared flag (Atomics.wait) until the main thread has answered, so
// UrlFetchApp.fetch is synchronous for the script, as in Apps Script, and its wait is part of the execution's time.
import type * as Crypto from 'node:crypto';
import type * as Vm from 'node:vm';
import type * as Threads from 'node:worker_threads';
import type { ServiceJob } from './globals.js';

/** One execution handed to a worker. */
export interface SandboxJob {
  scriptId: string;
  source: string;
  fileName: string;
  functionName: string;
  /** What Apps Script says when the function does not exist. */
  notFound: string;
  services: ServiceJob;
  /** The first values Utilities.getUuid() returns (drawn when the execution was queued). */
  uuids: string[];
}

/** How an execution ended, as the worker reports it. */
export interface SandboxResult {
  status: 'completed' | 'failed';
  error?: string;
  result?: unknown;
}

/** What the worker receives at start: the RPC port and the flag it sleeps on. */
export interface SandboxWorkerData {
  port: Threads.MessagePort;
  signal: SharedArrayBuffer;
}

/** The worker's main function (serialised with toString and evaluated in the worker). */
export function sandboxWorker(require: NodeJS.Require, installSource: string): void {
  const threads = require('node:worker_threads') as typeof Threads;
  const vm = require('node:vm') as typeof Vm;
  const crypto = require('node:crypto') as typeof Crypto;
  const { port, signal } = threads.workerData as SandboxWorkerData;
  const flag = new Int32Array(signal);
  const parent = threads.parentPort!;

  function remote(op: string, payload: string): string {
    Atomics.store(flag, 0, 0);
    port.postMessage({ op, payload });
    Atomics.wait(flag, 0, 0);
    const reply = threads.receiveMessageOnPort(port);
    if (!reply) throw new Error(`no answer to ${op}`);
    return reply.message as string;
  }

  const bufferOf = (data: unknown, charset: string): Buffer =>
    Array.isArray(data)
      ? Buffer.from((data as number[]).map((b) => b & 0xff))
      : Buffer.from(String(data), charset === 'US_ASCII' ? 'ascii' : 'utf8');
  const javaBytes = (buf: Buffer): number[] => Array.from(buf, (b) => (b > 127 ? b - 256 : b));
  const ALGORITHMS: Record<string, string> = {
    MD5: 'md5',
    SHA_1: 'sha1',
    SHA_256: 'sha256',
    SHA_384: 'sha384',
    SHA_512: 'sha512',
    HMAC_MD5: 'md5',
    HMAC_SHA_1: 'sha1',
    HMAC_SHA_256: 'sha256',
    HMAC_SHA_384: 'sha384',
    HMAC_SHA_512: 'sha512',
  };
  const algorithm = (name: string): string => {
    const a = ALGORITHMS[name];
    if (!a) throw new Error(`Invalid argument: algorithm ${name}`);
    return a;
  };

  /** Work done in the worker itself; undefined means "ask the main thread". */
  function local(op: string, a: Record<string, unknown>, uuids: string[]): { value: unknown } | undefined {
    switch (op) {
      case 'uuid':
        return { value: uuids.shift() ?? crypto.randomUUID() };
      case 'hmac':
        return {
          value: javaBytes(
            crypto
              .createHmac(algorithm(String(a.algorithm)), bufferOf(a.key, String(a.charset)))
              .update(bufferOf(a.value, String(a.charset)))
              .digest(),
          ),
        };
      case 'digest':
        return {
          value: javaBytes(
            crypto
              .createHash(algorithm(String(a.algorithm)))
              .update(bufferOf(a.value, String(a.charset)))
              .digest(),
          ),
        };
      case 'base64Encode': {
        const b64 = bufferOf(a.data, String(a.charset)).toString('base64');
        return { value: a.webSafe ? b64.replace(/\+/g, '-').replace(/\//g, '_') : b64 };
      }
      case 'base64Decode':
        return { value: javaBytes(Buffer.from(String(a.encoded), a.webSafe ? 'base64url' : 'base64')) };
      case 'bytesToString':
        return { value: bufferOf(a.bytes, 'UTF_8').toString(a.charset === 'US_ASCII' ? 'ascii' : 'utf8') };
      case 'stringToBytes':
        return { value: javaBytes(Buffer.from(String(a.text), 'utf8')) };
      case 'sleep': {
        // Utilities.sleep blocks the script, and its time counts, as on Google (at most 5 minutes).
        const ms = Math.min(Math.max(0, Number(a.ms) || 0), 300_000);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
        return { value: null };
      }
      default:
        return undefined;
    }
  }

  function describe(err: unknown): string {
    if (err !== null && typeof err === 'object' && 'message' in err) {
      const e = err as { name?: unknown; message?: unknown };
      return `${typeof e.name === 'string' ? e.name : 'Error'}: ${String(e.message)}`;
    }
    return String(err);
  }

  parent.on('message', (job: SandboxJob) => {
    const uuids = job.uuids.slice();
    const host = (op: string, payload: string): string => {
      try {
        const done = local(op, (JSON.parse(payload) ?? {}) as Record<string, unknown>, uuids);
        if (done) return JSON.stringify({ ok: true, value: done.value });
      } catch (err) {
        return JSON.stringify({ ok: false, error: err instanceof Error ? err.message : String(err) });
      }
      return remote(op, payload);
    };
    let result: SandboxResult;
    try {
      const context = vm.createContext({}, { name: `apps-script ${job.scriptId}` });
      const global = vm.runInContext('globalThis', context) as Record<string, unknown>;
      const install = vm.runInContext(`(${installSource})`, context) as (
        g: Record<string, unknown>,
        h: typeof host,
        s: ServiceJob,
      ) => { event: unknown };
      const services = install(global, host, job.services);
      vm.runInContext(job.source, context, { filename: job.fileName });
      const fn = global[job.functionName];
      if (typeof fn !== 'function') {
        result = { status: 'failed', error: job.notFound };
      } else {
        const value = (fn as (e: unknown) => unknown).call(undefined, services.event);
        let json: unknown;
        try {
          json = value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
        } catch {
          json = undefined;
        }
        result = json === undefined ? { status: 'completed' } : { status: 'completed', result: json };
      }
    } catch (err) {
      result = { status: 'failed', error: describe(err) };
    }
    parent.postMessage(result);
  });
}
