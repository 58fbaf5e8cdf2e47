/** Starts and stops Google's Firestore emulator on a free port, wherever this machine has it. */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, delimiter } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

const run = promisify(execFile);

/** Where the running emulator came from. */
export type EmulatorSource = 'existing' | 'gcloud' | 'jar' | 'firebase-cache';

/** A running (or reused) Firestore emulator. */
export interface FirestoreEmulator {
  /** host:port, the value for FIRESTORE_EMULATOR_HOST. */
  host: string;
  source: EmulatorSource;
  /** Stops the emulator and every process it started; a reused emulator is left running. */
  stop(): Promise<void>;
}

/** Options for starting the emulator; `env` is the environment to read, `port` 0 picks a free one. */
export interface StartOptions {
  env?: Readonly<Record<string, string | undefined>>;
  port?: number;
  timeoutMs?: number;
  /** Receives the emulator's own output lines (silent by default). */
  onOutput?: (line: string) => void;
}

/** No emulator could be found; the message says how to get one. */
export class EmulatorNotFoundError extends Error {
  constructor() {
    super(
      [
        'No Firestore emulator found. Provide one of:',
        '  - FIRESTORE_EMULATOR_HOST=host:port of an emulator already running;',
        '  - gcloud with the component: gcloud components install cloud-firestore-emulator (needs Java 11+);',
        '  - FIRESTORE_EMULATOR_JAR=/path/to/cloud-firestore-emulator.jar (needs Java 11+);',
        '  - firebase-tools with its emulator cached (npx firebase setup:emulators:firestore).',
      ].join('\n'),
    );
    this.name = 'EmulatorNotFoundError';
  }
}

/** A way to launch the emulator on a port. */
interface Launcher {
  source: Exclude<EmulatorSource, 'existing'>;
  command: string;
  args(port: number): string[];
}

/** Starts the emulator found first in this order: FIRESTORE_EMULATOR_HOST, gcloud, FIRESTORE_EMULATOR_JAR, firebase-tools' cache. */
export async function startFirestoreEmulator(options: StartOptions = {}): Promise<FirestoreEmulator> {
  const env = options.env ?? process.env;
  const existing = env.FIRESTORE_EMULATOR_HOST;
  if (existing) {
    await waitUntilReady(existing, options.timeoutMs ?? 10_000, () => undefined);
    return { host: existing, source: 'existing', stop: async () => {} };
  }
  const launcher = await findLauncher(env);
  const port = options.port || (await freePort());
  const host = `127.0.0.1:${port}`;
  // A process group of its own, so stop() also ends the java process gcloud forks.
  const child = spawn(launcher.command, launcher.args(port), {
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
    await waitUntilReady(host, options.timeoutMs ?? 60_000, () =>
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

async function findLauncher(env: Readonly<Record<string, string | undefined>>): Promise<Launcher> {
  const gcloud = findOnPath('gcloud', env.PATH);
  if (gcloud && (await gcloudHasFirestoreEmulator(gcloud, env))) {
    return {
      source: 'gcloud',
      command: gcloud,
      args: (port) => ['emulators', 'firestore', 'start', `--host-port=127.0.0.1:${port}`, '--quiet'],
    };
  }
  const jar = env.FIRESTORE_EMULATOR_JAR;
  if (jar) {
    if (!existsSync(jar)) throw new Error(`FIRESTORE_EMULATOR_JAR points at a missing file: ${jar}`);
    return javaLauncher('jar', jar, env);
  }
  const cached = firebaseCachedJar(env.HOME ?? homedir());
  if (cached) return javaLauncher('firebase-cache', cached, env);
  throw new EmulatorNotFoundError();
}

function javaLauncher(
  source: 'jar' | 'firebase-cache',
  jar: string,
  env: Readonly<Record<string, string | undefined>>,
): Launcher {
  const java = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : findOnPath('java', env.PATH);
  if (!java) throw new Error(`Java is needed to run the Firestore emulator jar (${jar}); install a JRE 11+.`);
  return {
    source,
    command: java,
    args: (port) => [
      '-Duser.language=en',
      '-cp',
      jar,
      'com.google.cloud.datastore.emulator.firestore.CloudFirestore',
      'start',
      '--host=127.0.0.1',
      `--port=${port}`,
    ],
  };
}

async function gcloudHasFirestoreEmulator(
  gcloud: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<boolean> {
  try {
    const { stdout } = await run(gcloud, ['info', '--format=value(installation.sdk_root)'], {
      env: { ...env, CLOUDSDK_CORE_DISABLE_PROMPTS: '1' },
      timeout: 15_000,
    });
    return existsSync(join(stdout.trim(), 'platform', 'cloud-firestore-emulator'));
  } catch {
    return false;
  }
}

function firebaseCachedJar(home: string): string | undefined {
  const dir = join(home, '.cache', 'firebase', 'emulators');
  if (!existsSync(dir)) return undefined;
  const jars = readdirSync(dir)
    .filter((f) => /^cloud-firestore-emulator-v[\d.]+\.jar$/.test(f))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const newest = jars.at(-1);
  return newest ? join(dir, newest) : undefined;
}

function findOnPath(command: string, path: string | undefined): string | undefined {
  for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, command);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Polls the emulator's root URL (it answers "Ok") until it does, the launcher dies, or time runs out. */
async function waitUntilReady(
  host: string,
  timeoutMs: number,
  died: () => string | undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = died();
    if (reason) throw new Error(`Firestore emulator failed to start: ${reason}`);
    try {
      const res = await fetch(`http://${host}/`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline)
      throw new Error(`Firestore emulator at ${host} did not answer within ${timeoutMs} ms`);
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
