// Which spreadsheets get the coordinator's edit triggers: the nearer of the due deadline and the latest officer
// edit ranks a directive; at most 19, each spreadsheet once.
import { describe, expect, it } from 'vitest';
import {
  rankSheetTargets,
  urgencyMs,
  type TriggerCandidate,
} from '@theodoi/functions/domain/triggers/sheet-targets';

const NOW = new Date('2024-03-12T02:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
const candidate = (id: string, fields: Partial<TriggerCandidate> = {}): TriggerCandidate => ({
  directiveId: id,
  spreadsheetId: `sheet-${id}`,
  ...fields,
});

describe('rankSheetTargets', () => {
  it('puts the directive due soonest or edited last first, whichever is nearer', () => {
    const ranked = rankSheetTargets(
      [
        candidate('far', { dueAt: hours(24 * 60) }),
        candidate('due-tomorrow', { dueAt: hours(24) }),
        candidate('edited-an-hour-ago', { dueAt: hours(24 * 30), lastActivityAt: hours(-1) }),
        candidate('overdue-yesterday', { dueAt: hours(-20) }),
        candidate('nothing-yet'),
      ],
      NOW,
    );
    expect(ranked).toEqual([
      'sheet-edited-an-hour-ago',
      'sheet-overdue-yesterday',
      'sheet-due-tomorrow',
      'sheet-far',
      'sheet-nothing-yet',
    ]);
  });

  it('lists at most 19 spreadsheets, the most urgent ones', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      candidate(`d${String(i).padStart(2, '0')}`, { dueAt: hours(i + 1) }),
    );
    const ranked = rankSheetTargets(many.reverse(), NOW);
    expect(ranked).toHaveLength(19);
    expect(ranked).toEqual(Array.from({ length: 19 }, (_, i) => `sheet-d${String(i).padStart(2, '0')}`));
  });

  it('breaks ties by the latest edit, then by id, and names a shared spreadsheet once', () => {
    const ranked = rankSheetTargets(
      [
        candidate('b', { dueAt: hours(5), lastActivityAt: hours(-48) }),
        candidate('a', { dueAt: hours(5), lastActivityAt: hours(-24) }),
        candidate('c', { dueAt: hours(5) }),
        { directiveId: 'c2', spreadsheetId: 'sheet-c', dueAt: hours(5) },
      ],
      NOW,
    );
    expect(ranked).toEqual(['sheet-a', 'sheet-b', 'sheet-c']);
  });

  it('measures urgency as the nearer of the two distances, Infinity with neither', () => {
    expect(urgencyMs(candidate('x', { dueAt: hours(3), lastActivityAt: hours(-2) }), NOW)).toBe(
      2 * 3_600_000,
    );
    expect(urgencyMs(candidate('x', { dueAt: hours(-3) }), NOW)).toBe(3 * 3_600_000);
    expect(urgencyMs(candidate('x'), NOW)).toBe(Infinity);
  });
});
