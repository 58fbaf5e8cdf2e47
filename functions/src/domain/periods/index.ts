/** The periods' public surface: keys, cut-off windows, schedules, deadlines and the periods themselves. */
export * from './period-key.js';
export * from './windows.js';
export * from './schedule.js';
export * from './deadline.js';
export * from './periods.js';
