// firestore.rules deny every client read and write: theodoi's data is reached only through the functions.
import { readFileSync } from 'node:fs';
import {
  assertFails,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import { setLogLevel } from 'firebase/firestore';
import { afterAll, beforeAll, describe, it } from 'vitest';

describe('firestore.rules', () => {
  let env: RulesTestEnvironment;
  beforeAll(async () => {
    // Each refusal is the expected outcome; keep the client SDK from logging it as a stream error.
    setLogLevel('silent');
    const [host, port] = process.env.FIRESTORE_EMULATOR_HOST!.split(':');
    env = await initializeTestEnvironment({
      projectId: 'theodoi-it-rules',
      firestore: {
        rules: readFileSync(new URL('../../firestore.rules', import.meta.url), 'utf8'),
        host: host!,
        port: Number(port),
      },
    });
    await env.withSecurityRulesDisabled(async (ctx) => {
      await ctx.firestore().doc('directives/d1/reports/2024-Q1~30052').set({ status: 'valid' });
    });
  });
  afterAll(async () => env?.cleanup());

  const paths = [
    'directives/d1',
    'directives/d1/reports/2024-Q1~30052',
    'organisations/o/units/30052',
    'events/x',
    'system/driveChanges',
  ];
  const who = [
    { name: 'an anonymous client', ctx: () => env.unauthenticatedContext() },
    {
      name: 'a signed-in officer',
      ctx: () => env.authenticatedContext('officer', { email: 'ubnd.myhoa@thapmuoi.example.vn' }),
    },
  ];
  who.forEach(({ name, ctx }) =>
    paths.forEach((path) => {
      it(`refuses ${name} reading or writing ${path}`, async () => {
        const db = ctx().firestore();
        await assertFails(db.doc(path).get());
        await assertFails(db.doc(path).set({ forged: true }));
      });
    }),
  );
});
