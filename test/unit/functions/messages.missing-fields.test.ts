// The fields a draft lacks, as the coordinator reads them: words, never the draft's JSON paths.
import { describe, expect, it } from 'vitest';
import { missingFieldName } from '@theodoi/functions/messages.vi';

describe('missingFieldName', () => {
  it('names header fields, tasks and references in Vietnamese', () => {
    expect(
      ['number', 'date.day', 'tasks[II.2].deadline', 'tasks[3].lead', 'references[0].date'].map(
        missingFieldName,
      ),
    ).toEqual([
      'số văn bản',
      'ngày ban hành',
      'thời hạn của nhiệm vụ II.2',
      'đơn vị chủ trì của nhiệm vụ 3',
      'ngày của văn bản dẫn chiếu thứ 1',
    ]);
  });
});
