// The command line's --accounts switch (and SHEETS_EMULATOR_ACCOUNTS): strict unless asked to be lenient.
import { describe, expect, it } from 'vitest';
import { parseOptions } from '@theodoi/sheets-emulator/options';

describe('--accounts', () => {
  it('is strict by default, lenient when asked on the command line or in the environment', () => {
    expect(parseOptions([], {}).accounts).toBe('strict');
    expect(parseOptions(['--accounts', 'lenient'], {}).accounts).toBe('lenient');
    expect(parseOptions([], { SHEETS_EMULATOR_ACCOUNTS: 'lenient' }).accounts).toBe('lenient');
  });

  it('refuses anything else with a clear message', () => {
    expect(() => parseOptions(['--accounts', 'open'], {})).toThrow(
      '--accounts: expected strict or lenient, got open',
    );
  });
});

describe('--latency', () => {
  it('is off by default, Google’s model when asked on the command line or in the environment', () => {
    expect(parseOptions([], {}).latency).toBe('off');
    expect(parseOptions(['--latency', 'google'], {}).latency).toBe('google');
    expect(parseOptions([], { SHEETS_EMULATOR_LATENCY: 'google' }).latency).toBe('google');
  });

  it('takes a seed and a scale for Google’s model', () => {
    expect(
      parseOptions(['--latency', 'google', '--latency-seed', '7', '--latency-scale', '0.5'], {}).latency,
    ).toEqual({ seed: 7, scale: 0.5 });
    expect(
      parseOptions([], { SHEETS_EMULATOR_LATENCY: 'google', SHEETS_EMULATOR_LATENCY_SEED: '3' }).latency,
    ).toEqual({ seed: 3 });
    expect(parseOptions(['--latency-seed', '7'], {}).latency).toBe('off');
  });

  it('refuses anything else with a clear message', () => {
    expect(() => parseOptions(['--latency', 'slow'], {})).toThrow(
      '--latency: expected google or off, got slow',
    );
    expect(() => parseOptions(['--latency', 'google', '--latency-seed', 'x'], {})).toThrow(
      '--latency-seed: not an integer: x',
    );
    expect(() => parseOptions(['--latency', 'google', '--latency-scale=-2'], {})).toThrow(
      '--latency-scale: not a factor ≥ 0: -2',
    );
  });
});
