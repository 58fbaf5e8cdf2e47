/** The statuses' public surface: per-unit status for a period and its Vietnamese wording. */
export * from './unit-status.js';
export * from './describe.js';
export * from './extensions.js';
