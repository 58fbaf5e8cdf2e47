// What every endpoint shares: a function whose configuration is missing says so in its log, never to its caller.
// (driveNotification needs none: each channel carries its own random token.)
import { describe, expect, it } from 'vitest';
import { answerCall } from '@theodoi/functions/http/edge';
import { endpoint as sheetEvent } from '@theodoi/functions/http/sheet-event';
import { endpoint as sheetTargets } from '@theodoi/functions/http/sheet-targets';
import { loggingRuntime } from '../../../support/logging-runtime.js';

describe('a trigger function without its configuration', () => {
  [sheetEvent, sheetTargets].forEach((endpoint) =>
    it(`${endpoint.name} answers 503 naming no setting, and logs which one is missing`, async () => {
      const lines: string[] = [];
      const answer = await answerCall(endpoint as never, () => loggingRuntime(lines), {
        method: 'POST',
        rawBody: Buffer.from('{}'),
        header: () => undefined,
      });
      expect(answer).toMatchObject({ status: 503, body: { error: 'not available', code: 'not-configured' } });
      expect(JSON.stringify(answer.body)).not.toContain('THEODOI_SCRIPT_CLIENT_ID');
      expect(lines.join('\n')).toContain('THEODOI_SCRIPT_CLIENT_ID');
    }),
  );
});
