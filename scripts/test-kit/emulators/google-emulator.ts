/**
 * Starts and stops one of Google's Java emulators (Firestore, Pub/Sub) on a free port, found in this order: its
 * `*_EMULATOR_HOST` already set, gcloud's component, the jar variable, then the jar shared beside the clone.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from '../repo-root.js';
import { freePort } from './free-port.js';

const run = promisify(execFile);

/** Where the running emulator came from. */
export type EmulatorSource = 'existing' | 'gcloud' | 'jar' | 'shared-jar' | 'firebase-cache';

/** A running (or reused) emulator. */
export interface RunningEmulator {
  /** host:port, the value for the emulator's `*_EMULATOR_HOST` variable. */
  host: string;
  source: EmulatorSource;
  /** Stops the emulator and every process it started; a reused emulator is left running. */
  stop(): Promise<void>;
}

/** Options for starting an emulator; `env` is the environment to read, `port` 0 picks a free one. */
export interface StartOptions {
  env?: Readonly<Record<string, string | undefined>>;
  port?: number;
  timeoutMs?: number;
  /** Receives the emulator's own output lines (silent by default). */
  onOutput?: (line: string) => void;
  /** The folder holding the shared jars; default `<repository>/../shared/emulators`. */
  sharedDir?: string;
}

/** How one emulator is found and launched. */
export interface EmulatorSpec {
  /** "Firestore", "Pub/Sub": for messages. */
  name: string;
  hostVariable: string;
  jarVariable: string;
  /** The folder under gcloud's `platform/` that holds the component. */
  gcloudComponent: string;
  gcloudInstall: string;
  gcloudArgs(port: number): string[];
  /** The jar's file name in the shared folder. */
  sharedJar: string;
  javaArgs(jar: string, port: number): string[];
  /** Other places to look last (firebase-tools' cache for Firestore). */
  extraJar?(env: Readonly<Record<string, string | undefined>>): string | undefined;
}

/** No emulator could be found; the message says how to get one. */
export class EmulatorNotFoundError extends Error {
  constructor(spec: EmulatorSpec, sharedDir: string, extra: string[] = []) {
    super(
      [
        `No ${spec.name} emulator found. Provide one of:`,
        `  - ${spec.hostVariable}=host:port of an emulator already running;`,
        `  - gcloud with the component: ${spec.gcloudInstall} (needs Java 11+);`,
        `  - ${spec.jarVariable}=/path/to/${spec.sharedJar} (needs Java 11+);`,
        `  - the shared jar at ${join(sharedDir, spec.sharedJar)} (needs Java 11+);`,
        ...extra,
      ].join('\n'),
    );
    this.name = 'EmulatorNotFoundError';
  }
}

interface Launcher {
  source: Exclude<EmulatorSource, 'existing'>;
  command: string;
  args: string[];
}

/** The folder beside the clone that holds Google's emulator jars (`../shared/emulators`). */
export function defaultSharedDir(): string {
  return join(repositoryRoot(), '..', 'shared', 'emulators');
}

/** Starts the emulator `spec` describes, from the first place it is found. */
export async function startGoogleEmulator(
  spec: EmulatorSpec,
  options: StartOptions = {},
  notFoundHints: string[] = [],
): Promise<RunningEmulator> {
  const env = options.env ?? process.env;
  const existing = env[spec.hostVariable];
  if (existing) {
    await waitUntilReady(spec, existing, options.timeoutMs ?? 10_000, () => undefined);
    return { host: existing, source: 'existing', stop: async () => {} };
  }
  const port = options.port || (await freePort());
  const sharedDir = options.sharedDir ?? defaultSharedDir();
  const launcher = await findLauncher(spec, env, port, sharedDir, notFoundHints);
  const host = `127.0.0.1:${port}`;
  // A process group of its own, so stop() also ends the java process gcloud forks.
  const child = spawn(launcher.command, launcher.args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...env, CLOUDSDK_CORE_DISABLE_PROMPTS: '1' },
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 50) output.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const killGroup = () => killProcessGroup(child);
  process.once('exit', killGroup);
  try {
    await waitUntilReady(spec, host, options.timeoutMs ?? 60_000, () =>
      child.exitCode !== null
        ? `the ${launcher.source} emulator exited (${child.exitCode}):\n${output.join('\n')}`
        : undefined,
    );
  } catch (error) {
    killGroup();
    process.off('exit', killGroup);
    throw error;
  }
  return {
    host,
    source: launcher.source,
    stop: async () => {
      process.off('exit', killGroup);
      await stopProcessGroup(child);
    },
  };
}

async function findLauncher(
  spec: EmulatorSpec,
  env: Readonly<Record<string, string | undefined>>,
  port: number,
  sharedDir: string,
  notFoundHints: string[],
): Promise<Launcher> {
  const gcloud = findOnPath('gcloud', env.PATH);
  if (gcloud && (await gcloudHasComponent(gcloud, spec.gcloudComponent, env))) {
    return { source: 'gcloud', command: gcloud, args: spec.gcloudArgs(port) };
  }
  const jar = env[spec.jarVariable];
  if (jar) {
    if (!existsSync(jar)) throw new Error(`${spec.jarVariable} points at a missing file: ${jar}`);
    return javaLauncher(spec, 'jar', jar, env, port);
  }
  const shared = join(sharedDir, spec.sharedJar);
  if (existsSync(shared)) return javaLauncher(spec, 'shared-jar', shared, env, port);
  const extra = spec.extraJar?.(env);
  if (extra) return javaLauncher(spec, 'firebase-cache', extra, env, port);
  throw new EmulatorNotFoundError(spec, sharedDir, notFoundHints);
}

function javaLauncher(
  spec: EmulatorSpec,
  source: Launcher['source'],
  jar: string,
  env: Readonly<Record<string, string | undefined>>,
  port: number,
): Launcher {
  const java = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : findOnPath('java', env.PATH);
  if (!java)
    throw new Error(`Java is needed to run the ${spec.name} emulator jar (${jar}); install a JRE 11+.`);
  return { source, command: java, args: spec.javaArgs(jar, port) };
}

async function gcloudHasComponent(
  gcloud: string,
  component: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<boolean> {
  try {
    const { stdout } = await run(gcloud, ['info', '--format=value(installation.sdk_root)'], {
      env: { ...env, CLOUDSDK_CORE_DISABLE_PROMPTS: '1' },
      timeout: 15_000,
    });
    return existsSync(join(stdout.trim(), 'platform', component));
  } catch {
    return false;
  }
}

/** The first `command` on PATH. */
export function findOnPath(command: string, path: string | undefined): string | undefined {
  for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Polls the emulator's root URL (both answer "Ok") until it does, the launcher dies, or time runs out. */
async function waitUntilReady(
  spec: EmulatorSpec,
  host: string,
  timeoutMs: number,
  died: () => string | undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = died();
    if (reason) throw new Error(`${spec.name} emulator failed to start: ${reason}`);
    try {
      const res = await fetch(`http://${host}/`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw new Error(`${spec.name} emulator at ${host} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function killProcessGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killProcessGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killProcessGroup(child, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  // gcloud's java child may outlive its parent by a moment: make sure the whole group is gone.
  killProcessGroup(child, 'SIGKILL');
}
