// What every endpoint shares: a function whose configuration is missing says so in its log, never to its caller.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@theodoi/functions/clock';
import { loadConfig } from '@theodoi/functions/config';
import { answerCall } from '@theodoi/functions/http/edge';
import { endpoint as driveNotification } from '@theodoi/functions/http/drive-notification';
import { endpoint as sheetEvent } from '@theodoi/functions/http/sheet-event';
import { createLogger } from '@theodoi/functions/logger';
import { createLogs } from '@theodoi/functions/logs';
import type { Runtime } from '@theodoi/functions/runtime';

function runtime(lines: string[]): Runtime {
  const unused = () => Promise.reject(new Error('not opened in this test'));
  return {
    config: loadConfig({}),
    logs: createLogs(createLogger('info', (line) => lines.push(line))),
    clock: new ManualClock('2024-03-19T01:00:00Z'),
    firestore: unused,
    google: unused,
    calendar: unused,
  };
}

describe('a trigger function without its secret', () => {
  [sheetEvent, driveNotification].forEach((endpoint) =>
    it(`${endpoint.name} answers 503 naming no setting, and logs which one is missing`, async () => {
      const lines: string[] = [];
      const answer = await answerCall(endpoint as never, () => runtime(lines), {
        method: 'POST',
        rawBody: Buffer.from('{}'),
        header: () => undefined,
      });
      expect(answer).toMatchObject({ status: 503, body: { error: 'not available', code: 'not-configured' } });
      expect(JSON.stringify(answer.body)).not.toContain('THEODOI_TRIGGER_SECRET');
      expect(lines.join('\n')).toContain('THEODOI_TRIGGER_SECRET');
    }),
  );
});
