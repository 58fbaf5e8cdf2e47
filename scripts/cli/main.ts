#!/usr/bin/env node
/** The `theodoi` command line's entry: runs the program, logs only with --verbose, every failure in Vietnamese. */
import { describeFailure } from './failure.js';
import { buildProgram } from './program.js';

const verbose = process.argv.includes('--verbose');
// The output is for people: the JSON log lines stay out of it unless asked for.
if (!verbose && process.env.LOG_LEVEL === undefined) process.env.LOG_LEVEL = 'off';

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  console.error(describeFailure(error, verbose || process.env.THEODOI_DEBUG !== undefined));
  process.exitCode = 1;
}
