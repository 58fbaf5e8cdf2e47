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
