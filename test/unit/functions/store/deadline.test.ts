// beforeDeadline: a Firestore step that does not answer in time, or answers UNAVAILABLE, fails clearly.
import { describe, expect, it } from 'vitest';
import { beforeDeadline, StoreUnavailableError } from '@theodoi/functions/store/deadline';

describe('beforeDeadline', () => {
  it('passes a prompt answer through', async () => {
    expect(await beforeDeadline(Promise.resolve(7), 50, 'reading')).toBe(7);
  });

  it('fails a step that does not answer within the deadline', async () => {
    const started = performance.now();
    await expect(beforeDeadline(new Promise(() => {}), 30, 'storing the reports')).rejects.toEqual(
      new StoreUnavailableError('Firestore did not answer within 30 ms while storing the reports'),
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  [
    { code: 14, name: 'UNAVAILABLE' },
    { code: 4, name: 'DEADLINE_EXCEEDED' },
  ].forEach(({ code, name }) =>
    it(`turns gRPC ${name} into a StoreUnavailableError with its cause`, async () => {
      const cause = Object.assign(new Error(`${code} ${name}`), { code });
      const error = await beforeDeadline(Promise.reject(cause), 50, 'storing').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error).toMatchObject({ code: 'store-unavailable', cause });
    }),
  );

  it('lets other errors through as they are', async () => {
    const refused = Object.assign(new Error('6 ALREADY_EXISTS'), { code: 6 });
    await expect(beforeDeadline(Promise.reject(refused), 50, 'creating')).rejects.toBe(refused);
  });
});
