/** The calendar's public surface: days, holidays, the working calendar and its data. */
export * from './iso-date.js';
export * from './holidays.js';
export * from './lunar-dates.js';
export * from './announced-schedules.js';
export * from './default-rule.js';
export * from './override.js';
export * from './errors.js';
export * from './working-calendar.js';
