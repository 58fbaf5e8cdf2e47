/**
 * Draws and waits the latency model's delays: off, Google's model, or a custom one; seeded, so runs compare. A
 * simulated day may have them pass on its clock instead of being waited.
 */
import { GOOGLE_LATENCY, LATENCY_GROUPS } from './model.js';
import type { LatencyDistribution, LatencyGroup, LatencyModel } from './model.js';
import { logNormal, uniformStream } from './random.js';
import { SimulatedDelays, type SimulatedTime } from './simulated-delays.js';

/** A custom model: Google's table with some groups replaced, every delay scaled, drawn from `seed`. */
export interface LatencySettings {
  /** Seed of the random streams (default 1): the same seed and the same calls give the same delays. */
  seed?: number;
  /** Multiplies every delay (default 1; 0.1 runs ten times faster with the same shape). */
  scale?: number;
  /** Groups whose distribution replaces Google's. */
  groups?: Partial<Record<LatencyGroup, LatencyDistribution>>;
}

/** The `latency` start option: 'off' (default), 'google', or custom settings over Google's table. */
export type LatencyOption = 'off' | 'google' | LatencySettings;

/** One delay drawn, for tests and the bench. */
export interface LatencyDraw {
  group: LatencyGroup;
  ms: number;
}

const MAX_LOG = 1000;

/** Checks a distribution; returns what is wrong with it. */
function problemOf(group: string, d: LatencyDistribution): string | undefined {
  if (!(Number.isFinite(d.medianMs) && d.medianMs > 0)) return `${group}: medianMs must be > 0`;
  if (!(Number.isFinite(d.p95Ms) && d.p95Ms >= d.medianMs)) return `${group}: p95Ms must be ≥ medianMs`;
  if (d.msPerKiB !== undefined && !(Number.isFinite(d.msPerKiB) && d.msPerKiB >= 0))
    return `${group}: msPerKiB must be ≥ 0`;
  return undefined;
}

/** The model and seed an option stands for; undefined when latency is off. Throws on a malformed custom model. */
export function resolveLatency(
  option: LatencyOption = 'off',
): { model: LatencyModel; seed: number } | undefined {
  if (option === 'off') return undefined;
  const settings = option === 'google' ? {} : option;
  const scale = settings.scale ?? 1;
  if (!(Number.isFinite(scale) && scale >= 0)) throw new Error('latency: scale must be ≥ 0');
  const seed = settings.seed ?? 1;
  if (!Number.isInteger(seed)) throw new Error('latency: seed must be an integer');
  const model = {} as LatencyModel;
  for (const group of LATENCY_GROUPS) {
    const given = settings.groups?.[group];
    const problem = given && problemOf(group, given);
    if (problem) throw new Error(`latency: ${problem}`);
    const d = given ?? GOOGLE_LATENCY[group];
    model[group] = {
      medianMs: d.medianMs * scale,
      p95Ms: d.p95Ms * scale,
      ...(d.msPerKiB !== undefined ? { msPerKiB: d.msPerKiB * scale } : {}),
    };
  }
  const unknown = Object.keys(settings.groups ?? {}).find((g) => !(g in GOOGLE_LATENCY));
  if (unknown) throw new Error(`latency: no group "${unknown}" (groups: ${LATENCY_GROUPS.join(', ')})`);
  return { model, seed };
}

/**
 * The emulator's delays. Every group has its own seeded stream, so one group's calls do not shift another's draws:
 * a run that makes the same calls in the same order per group waits the same times.
 */
export class Latency {
  /** The model in effect; undefined when latency is off. */
  readonly model: LatencyModel | undefined;
  private readonly streams = new Map<LatencyGroup, () => number>();
  private readonly seed: number;
  private readonly stopping = new AbortController();
  private log: LatencyDraw[] = [];
  private paused = false;
  private simulated: SimulatedDelays | undefined;

  constructor(option: LatencyOption = 'off') {
    const resolved = resolveLatency(option);
    this.model = resolved?.model;
    this.seed = resolved?.seed ?? 1;
  }

  /** Whether any delay is applied. */
  get enabled(): boolean {
    return this.model !== undefined && !this.paused;
  }

  /**
   * Stops (true) or resumes (false) every delay, the streams untouched: a bench provisions its world at loopback
   * speed, then measures its day under the model.
   */
  pause(paused: boolean): void {
    this.paused = paused;
  }

  /**
   * Makes every delay pass on `time` instead of being waited (undefined: waited again, any pending one ending now).
   * A delay drawn at simulated instant t ends at t + ms: calls in flight together overlap as on Google, calls one
   * after another add up (see SimulatedDelays).
   */
  simulate(time: SimulatedTime | undefined): void {
    this.simulated?.flush();
    this.simulated = time ? new SimulatedDelays(time) : undefined;
  }

  /** Monotonic ms the delays pass on: the simulated clock's when simulating, the machine's otherwise. */
  monotonicMs(): number {
    return this.simulated ? this.simulated.time.now() : performance.now();
  }

  /** Draws one delay of `group` for a call moving `bytes` of request and response bodies (0 when off). */
  sample(group: LatencyGroup, bytes = 0): number {
    const d = this.model?.[group];
    if (!d || d.medianMs === 0 || this.paused) return 0;
    let stream = this.streams.get(group);
    if (!stream) {
      stream = uniformStream(this.seed, group);
      this.streams.set(group, stream);
    }
    const ms = logNormal(stream, d.medianMs, d.p95Ms) + ((d.msPerKiB ?? 0) * bytes) / 1024;
    this.log.push({ group, ms });
    if (this.log.length > MAX_LOG) this.log.splice(0, this.log.length - MAX_LOG);
    return ms;
  }

  /** Waits one drawn delay; resolves at once when off, and early when the emulator stops. */
  wait(group: LatencyGroup, bytes = 0): Promise<void> {
    return this.sleep(this.sample(group, bytes));
  }

  /** Waits `ms`, or less when the emulator stops. */
  sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.stopping.signal.aborted) return Promise.resolve();
    if (this.simulated) return this.simulated.sleep(ms);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.stopping.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.stopping.signal.addEventListener('abort', done);
    });
  }

  /** The delays drawn so far (the last 1000), oldest first. */
  drawn(): LatencyDraw[] {
    return this.log.map((d) => ({ ...d }));
  }

  /** Ends every wait in progress (the emulator is stopping). */
  close(): void {
    this.simulated?.flush();
    this.stopping.abort();
  }
}
