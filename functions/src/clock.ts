/** The injectable clock, and luxon configured to throw on invalid dates. */
import { Settings } from 'luxon';

Settings.throwOnInvalid = true;

declare module 'luxon' {
  interface TSSettings {
    throwOnInvalid: true;
  }
}

/** The time zone in which theodoi shows every time to people. */
export const VIETNAM_ZONE = 'Asia/Ho_Chi_Minh';

/** Tells the current instant; injected everywhere so tests can freeze or move time. */
export interface Clock {
  now(): Date;
  /** Lets `ms` pass (a batch run pacing itself); a real wait on the machine's clock, the clock moved on a manual one. */
  sleep?(ms: number): Promise<void>;
}

/** The machine's clock. */
export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A clock that starts at `start` and moves only when told, for tests and the demo. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
    if (Number.isNaN(this.current)) throw new RangeError(`Invalid start time: ${String(start)}`);
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('A clock does not go backwards');
    this.current += ms;
  }

  /** A simulated wait: the clock moves on by `ms` at once. */
  sleep(ms: number): Promise<void> {
    this.advance(Math.max(0, ms));
    return Promise.resolve();
  }

  /** Sets the clock to `instant`, which must not be earlier than now. */
  set(instant: Date | string): void {
    this.advance(new Date(instant).getTime() - this.current);
  }
}
