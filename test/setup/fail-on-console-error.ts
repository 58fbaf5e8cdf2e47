// Makes an unexpected console.error fail the test that caused it; a test that expects one spies on it first.
import { afterEach, beforeEach, vi } from 'vitest';

let unexpected: unknown[][] = [];

beforeEach(() => {
  unexpected = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    unexpected.push(args);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  if (unexpected.length > 0) {
    throw new Error(`console.error was called unexpectedly: ${JSON.stringify(unexpected[0])}`);
  }
});
