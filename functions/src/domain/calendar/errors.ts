/** The error raised when the calendar is asked about a year it has no data for. */

/** A year outside the announced schedules and the lunar table: the calendar refuses to guess. */
export class CalendarRangeError extends RangeError {
  override readonly name = 'CalendarRangeError';

  constructor(
    readonly year: number,
    detail: string,
  ) {
    super(`No holiday data for ${year}: ${detail}`);
  }
}
