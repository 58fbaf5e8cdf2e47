// Two projects: `unit` (pure code and in-process servers) and `integration` (needs the Firestore and Pub/Sub emulators,
// which the integration project's global setup starts and stops).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['test/setup/loopback-only.ts', 'test/setup/fail-on-console-error.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/setup/google-emulators.ts'],
        },
      },
    ],
  },
});
