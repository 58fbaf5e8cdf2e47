/** Worker threads that run scripts, and the main-thread end of their synchronous service calls. */
import { MessageChannel, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { installAppsScript } from './globals.js';
import type { SandboxJob, SandboxResult, SandboxWorkerData } from './sandbox.js';
import { sandboxWorker } from './sandbox.js';

/** Answers one service call of a running script: a value, or a thrown ScriptException (seen by the script). */
export type ServiceHandler = (op: string, args: unknown) => Promise<unknown>;

/** How an execution ended, including the ends the pool itself decides (timeout, crash). */
export type PoolResult = SandboxResult | { status: 'timed out'; error: string };

interface Slot {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
  handler: ServiceHandler | undefined;
}

interface Waiting {
  job: SandboxJob;
  handler: ServiceHandler;
  timeoutMs: number;
  resolve: (r: PoolResult) => void;
}

/**
 * Wraps a function's source so it runs where esbuild's `__name` helper is missing: tsx (npm run demo, bench) compiles
 * with keepNames, which puts `__name(fn, "fn")` calls inside the functions whose source the sandbox evaluates.
 */
export function withNameHelper(source: string): string {
  return `((__name) => (${source}))((fn) => fn)`;
}

const WORKER_SOURCE = `${withNameHelper(sandboxWorker.toString())}(require, ${JSON.stringify(
  withNameHelper(installAppsScript.toString()),
)})`;

/** Runs executions on up to `size` workers (made on first use); the rest wait their turn. */
export class SandboxPool {
  private readonly all = new Set<Slot>();
  private readonly idle: Slot[] = [];
  private readonly queue: Waiting[] = [];
  private busy = 0;
  private closed = false;

  constructor(
    private readonly size: number,
    /** Receives a description of every service call that failed with something other than a ScriptException. */
    private readonly onInternalError: (op: string, err: unknown) => void,
    /** True for errors to hand to the script as they are (Apps Script's own exceptions). */
    private readonly isScriptError: (err: unknown) => err is Error,
    private readonly timeoutMessage: string,
  ) {}

  /** Runs one execution; resolves when it has ended, whatever the end. */
  run(job: SandboxJob, handler: ServiceHandler, timeoutMs: number): Promise<PoolResult> {
    return new Promise((resolve) => {
      if (this.closed) {
        resolve({ status: 'failed', error: 'The emulator is stopping.' });
        return;
      }
      this.queue.push({ job, handler, timeoutMs, resolve });
      this.next();
    });
  }

  /** Terminates every worker (running executions end as failed); queued executions end as failed too. */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.queue.splice(0)) w.resolve({ status: 'failed', error: 'The emulator is stopping.' });
    this.idle.length = 0;
    await Promise.all([...this.all].map((s) => this.dispose(s)));
  }

  private next(): void {
    while (this.queue.length > 0 && (this.idle.length > 0 || this.busy < this.size)) {
      const waiting = this.queue.shift()!;
      const slot = this.idle.pop() ?? this.spawn();
      this.busy += 1;
      this.dispatch(slot, waiting);
    }
  }

  private spawn(): Slot {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const data: SandboxWorkerData = { port: port2, signal };
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: data, transferList: [port2] });
    const slot: Slot = { worker, port: port1, flag: new Int32Array(signal), handler: undefined };
    this.all.add(slot);
    port1.on('message', (msg: { op: string; payload: string }) => void this.answer(slot, msg));
    return slot;
  }

  private async answer(slot: Slot, msg: { op: string; payload: string }): Promise<void> {
    let reply: string;
    try {
      if (!slot.handler) throw new Error('service call outside an execution');
      const value = await slot.handler(msg.op, JSON.parse(msg.payload) as unknown);
      reply = JSON.stringify({ ok: true, value: value ?? null });
    } catch (err) {
      if (this.isScriptError(err)) {
        reply = JSON.stringify({ ok: false, error: err.message });
      } else {
        this.onInternalError(msg.op, err);
        reply = JSON.stringify({
          ok: false,
          error: 'We are sorry, a server error occurred. Please wait a bit and try again.',
        });
      }
    }
    slot.port.postMessage(reply);
    Atomics.store(slot.flag, 0, 1);
    Atomics.notify(slot.flag, 0);
  }

  private dispatch(slot: Slot, waiting: Waiting): void {
    slot.handler = waiting.handler;
    slot.worker.ref();
    let settled = false;
    const finish = (result: PoolResult, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      slot.worker.off('message', onMessage);
      slot.worker.off('error', onFailure);
      slot.worker.off('exit', onFailure);
      slot.handler = undefined;
      this.busy -= 1;
      if (reusable && !this.closed) {
        slot.worker.unref();
        this.idle.push(slot);
      } else {
        void this.dispose(slot);
      }
      waiting.resolve(result);
      this.next();
    };
    const onMessage = (result: SandboxResult) => finish(result, true);
    const onFailure = (err: unknown) =>
      finish({ status: 'failed', error: `The script's sandbox stopped: ${String(err)}` }, false);
    // A script stuck in a loop or a wait is stopped by ending its thread, as Google ends it after 6 minutes.
    const timer = setTimeout(
      () => finish({ status: 'timed out', error: this.timeoutMessage }, false),
      waiting.timeoutMs,
    );
    slot.worker.on('message', onMessage);
    slot.worker.once('error', onFailure);
    slot.worker.once('exit', onFailure);
    slot.worker.postMessage(waiting.job);
  }

  private async dispose(slot: Slot): Promise<void> {
    this.all.delete(slot);
    slot.port.close();
    await slot.worker.terminate();
  }
}
