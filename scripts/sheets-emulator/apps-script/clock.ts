/** The fields of a time-driven trigger's event object, in the script's time zone [doc triggers/events, "Time-driven"]. */

/** year, month, day-of-month, day-of-week (Monday = 1), hour, minute, second, week-of-year (ISO) and timezone. */
export function clockEventFields(at: Date, timeZone: string): Record<string, number | string> {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  // The local calendar date, computed in UTC to find its weekday and ISO week.
  const local = new Date(Date.UTC(year, month - 1, day));
  const dayOfWeek = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
  const thursday = new Date(local);
  thursday.setUTCDate(local.getUTCDate() + 4 - dayOfWeek);
  const weekYearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const weekOfYear = Math.ceil(((thursday.getTime() - weekYearStart) / 86_400_000 + 1) / 7);
  return {
    year,
    month,
    'day-of-month': day,
    'day-of-week': dayOfWeek,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    'week-of-year': weekOfYear,
    timezone: timeZone,
  };
}
