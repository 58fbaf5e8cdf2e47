/** The evaluation's public surface: obligations, outcomes, tallies, the rubric, scores and the model. */
export * from './range.js';
export * from './obligation.js';
export * from './outcome.js';
export * from './tally.js';
export * from './rubric.js';
export * from './score.js';
export * from './lifecycle.js';
export * from './model.js';
export * from './build.js';
export * from './owed-rows.js';
export * from './table.js';
export * from './notes.js';
