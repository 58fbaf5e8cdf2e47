// The scheduler retries a deadline check only for failures a retry may cure: a spreadsheet theodoi can no
// longer open stays marked on its directive until it is shared again, so it alone never makes the run fail.
import { describe, expect, it } from 'vitest';
import { retryableFailures } from '@theodoi/functions/usecases/run-deadline-check';
import type { DeadlineCheck } from '@theodoi/functions/usecases/check-deadlines';

const check = (failed: DeadlineCheck['failed']): DeadlineCheck => ({
  checkedAt: new Date('2024-03-19T00:30:00Z'),
  directives: [],
  failed,
  reminders: [],
  pacedMs: 0,
});

describe('retryableFailures', () => {
  it('leaves out a spreadsheet whose access was lost, and keeps every other failure', () => {
    const lost = { directiveId: 'a', error: 'Không mở được bảng tính', code: 'access-lost' };
    const outage = { directiveId: 'b', error: 'check failed' };
    const tab = { directiveId: 'c', error: 'Không tìm thấy trang', code: 'tab-missing' };
    expect(retryableFailures(check([lost]))).toEqual([]);
    expect(retryableFailures(check([lost, outage, tab]))).toEqual([outage, tab]);
  });
});
