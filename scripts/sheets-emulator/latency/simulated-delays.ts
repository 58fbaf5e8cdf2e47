/** Delays that pass on a simulated clock instead of being waited: a bench's simulated day under the latency model. */

/**
 * A simulated clock the delays pass on (a bench's day): `now()` in ms, and `advanceTo(ms)`, which moves it forward
 * only (an instant already past leaves it where it is).
 */
export interface SimulatedTime {
  now(): number;
  advanceTo(ms: number): void;
}

/** Real time given to calls in flight to start their own delays before the clock jumps (ms). */
const GATHER_MS = 1;

/**
 * Delays as wake-up instants on a simulated clock. A delay started at t wakes at t + ms; the earliest pending one
 * wakes first, the clock jumping to its instant after a moment of real time in which calls in flight together
 * start theirs. Calls side by side overlap as on Google, calls one after another add up, and work done meanwhile
 * counts once (the clock runs with the machine between jumps).
 */
export class SimulatedDelays {
  private pending: { at: number; wake: () => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly time: SimulatedTime) {}

  /** Resolves when the clock has reached now + `ms`. */
  sleep(ms: number): Promise<void> {
    return new Promise((wake) => {
      this.pending.push({ at: this.time.now() + ms, wake });
      this.schedule();
    });
  }

  /** Wakes every pending delay at once (the emulator is stopping, or delays are waited again). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const p of this.pending.splice(0)) p.wake();
  }

  private schedule(): void {
    if (this.timer || this.pending.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      let earliest = 0;
      for (let i = 1; i < this.pending.length; i++)
        if (this.pending[i]!.at < this.pending[earliest]!.at) earliest = i;
      const [next] = this.pending.splice(earliest, 1);
      this.time.advanceTo(next!.at);
      next!.wake();
      this.schedule();
    }, GATHER_MS);
  }
}
