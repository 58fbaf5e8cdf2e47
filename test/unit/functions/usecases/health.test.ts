// checkHealth degrades, in Vietnamese, when Firestore does not answer.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@theodoi/functions/clock';
import { checkHealth } from '@theodoi/functions/usecases/health';
import { createLogger } from '@theodoi/functions/logger';
import { createLogs } from '@theodoi/functions/logs';

describe('checkHealth', () => {
  it('reports degraded and logs a warning when Firestore does not answer', async () => {
    const lines: string[] = [];
    const report = await checkHealth({
      version: '1.2.3',
      revision: 'health-00002',
      clock: new ManualClock('2024-03-19T01:00:00Z'),
      logs: createLogs(createLogger('info', (l) => lines.push(l))),
      probeFirestore: () => Promise.resolve({ ok: false, latencyMs: 3000, error: new Error('timeout') }),
    });
    expect(report).toEqual({
      status: 'degraded',
      message: 'theodoi đang hoạt động nhưng không kết nối được Firestore',
      version: '1.2.3',
      revision: 'health-00002',
      firestore: { ok: false, latencyMs: 3000 },
      checkedAt: '2024-03-19T01:00:00.000Z',
    });
    expect(lines.map((l) => (JSON.parse(l) as { severity: string }).severity)).toEqual(['WARNING', 'INFO']);
  });
});
