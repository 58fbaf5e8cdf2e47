/** An error the coordinator caused and can fix (a missing flag, a bad date): shown as its Vietnamese message alone. */
export class UsageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UsageError';
  }
}
