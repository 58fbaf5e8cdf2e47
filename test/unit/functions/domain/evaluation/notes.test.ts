// The notes printed under the evaluation's tables say how the score was computed by the rubric in force, and which
// units changed in the range.
import { describe, expect, it } from 'vitest';
import { changesNote, parseRubric, rubricNote } from '@theodoi/functions/domain/evaluation/index';
import { yearModel } from '../../../../fixtures/evaluation-year.js';

describe('evaluation notes', () => {
  it('words a custom rubric: credit by lateness, weights, points taken off', () => {
    const rubric = parseRubric({
      maxScore: 10,
      weights: { reports: 2, tasks: 1 },
      reports: { late: { credit: 0.25, steps: [{ upToWorkingDays: 2, credit: 0.75 }] } },
      tasks: { overdue: 0.1 },
      penalties: { corrected: 0.5, extended: 1 },
    });
    expect(rubricNote(rubric)).toBe(
      '- Cách tính điểm (thang 10 điểm): mỗi báo cáo đúng hạn được 100%, trễ hạn 25% (trễ đến 2 ngày làm việc 75%), ' +
        'chưa nộp 0% số điểm; mỗi nhiệm vụ đúng hạn được 100%, trễ hạn 50%, quá hạn 10% số điểm. Điểm của đơn vị là ' +
        'tỷ lệ điểm đạt được trên số báo cáo, nhiệm vụ đến hạn, với trọng số báo cáo : nhiệm vụ = 2 : 1; mỗi dòng bị ' +
        'trả lại đã sửa trừ 0,5 điểm, mỗi lần được gia hạn trừ 1 điểm.',
    );
  });

  it('names the units merged in the range, and nothing when none changed', () => {
    expect(changesNote(yearModel('2025-03-01 09:00'))).toBe(
      '- Thay đổi đơn vị trong kỳ: UBND xã Hai sáp nhập vào UBND xã Ba từ ngày 01/07/2024.',
    );
    expect(changesNote({ ...yearModel('2025-03-01 09:00'), changes: [] })).toBeUndefined();
  });
});
