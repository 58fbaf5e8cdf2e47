// The logger writes one JSON line per event with Cloud Logging's severity and message, above its level.
import { describe, expect, it } from 'vitest';
import { createLogger } from '@theodoi/functions/logger';
import { createLogs } from '@theodoi/functions/logs';

describe('createLogger', () => {
  it('writes one JSON line per event with severity, message and fields', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (l) => lines.push(l));
    logger.debug('hidden');
    logger.info('Health checked', { latencyMs: 3 });
    logger.error('Failed', { error: new Error('boom') });
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toEqual({ severity: 'INFO', message: 'Health checked', latencyMs: 3 });
    expect(JSON.parse(lines[1]!)).toMatchObject({
      severity: 'ERROR',
      error: { name: 'Error', message: 'boom' },
    });
  });

  it('names events in logs.ts', () => {
    const lines: string[] = [];
    const logs = createLogs(createLogger('debug', (l) => lines.push(l)));
    logs.firestoreUnavailable(new Error('ECONNREFUSED'), 12);
    expect(JSON.parse(lines[0]!)).toEqual({
      severity: 'WARNING',
      message: 'Firestore did not answer the health probe',
      error: 'Error: ECONNREFUSED',
      latencyMs: 12,
    });
  });
});
