/** Request counts per discovery method id, so tests can assert how many calls a flow makes. */

/** A snapshot of the counters. */
export interface CounterSnapshot {
  /** All routed requests. */
  total: number;
  /** Requests per discovery method id (e.g. "sheets.spreadsheets.values.get"), including failed ones. */
  methods: Record<string, number>;
  /** Requests per method id that were answered with a non-2xx status. */
  errors: Record<string, number>;
}

/** Counts requests per method id. */
export class Counters {
  private methods = new Map<string, number>();
  private errors = new Map<string, number>();
  private total = 0;

  /** Counts one request to `methodId`. */
  hit(methodId: string): void {
    this.total += 1;
    this.methods.set(methodId, (this.methods.get(methodId) ?? 0) + 1);
  }

  /** Counts one non-2xx answer to `methodId`. */
  failed(methodId: string): void {
    this.errors.set(methodId, (this.errors.get(methodId) ?? 0) + 1);
  }

  /** The current counts. */
  snapshot(): CounterSnapshot {
    return {
      total: this.total,
      methods: Object.fromEntries(this.methods),
      errors: Object.fromEntries(this.errors),
    };
  }

  /** Sets everything back to zero. */
  reset(): void {
    this.methods = new Map();
    this.errors = new Map();
    this.total = 0;
  }
}
