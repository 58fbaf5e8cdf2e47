/**
 * A simulated clock that runs at the machine's pace and skips the waits: time passes while work runs (Google's
 * modelled latencies, our processing), a pacer's or a retry's sleep and a jump to the next scheduled event pass
 * at once. A day of scheduled jobs then takes only the time its work takes, with each job's duration on it true.
 */
import { ManualClock } from '@theodoi/functions/clock';

/** ManualClock's interface (the world takes one), on the machine's monotonic time plus the time skipped. */
export class RunningClock extends ManualClock {
  private readonly startedAt: number;
  private readonly origin: number;
  private skipped = 0;

  constructor(
    start: Date | string,
    private readonly machine: () => number = () => performance.now(),
  ) {
    super(start);
    this.origin = new Date(start).getTime();
    this.startedAt = machine();
  }

  override now(): Date {
    return new Date(this.origin + (this.machine() - this.startedAt) + this.skipped);
  }

  /** Skips `ms` at once. */
  override advance(ms: number): void {
    if (ms < 0) throw new RangeError('A clock does not go backwards');
    this.skipped += ms;
  }

  override sleep(ms: number): Promise<void> {
    this.advance(Math.max(0, ms));
    return Promise.resolve();
  }

  /** Skips to `instant`; an instant already past leaves the clock where it is (work ran late). */
  override set(instant: Date | string): void {
    this.advance(Math.max(0, new Date(instant).getTime() - this.now().getTime()));
  }

  /** Time skipped so far, in ms (simulated, not waited). */
  get skippedMs(): number {
    return this.skipped;
  }
}
