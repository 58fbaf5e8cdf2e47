// The tasks of a directive file from a công văn's draft: numbered nv1…, leads and co-operating units as resolved,
// deadlines ("trước ngày …", "hằng tháng", none), tasks without a lead kept apart, and the schedule they give.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDirective } from '@theodoi/functions/domain/importer/import';
import {
  draftHasTasks,
  taskDirectiveSchedule,
  tasksFromDraft,
} from '@theodoi/functions/domain/importer/draft-tasks';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const org = parseOrganisation(JSON.parse(read('../../../../../examples/thap-muoi-2024/organisation.json')));
const draftOf = (name: string) =>
  importDirective(read(`../../../../fixtures/coordinator/${name}`), org, { file: 'cv.txt', format: 'txt' });

describe('tasksFromDraft', () => {
  it('reads three tasks: two due by their own day, one monthly, with their lead and co-operating units', () => {
    const draft = draftOf('congvan-nhiem-vu-cds-2026.txt');
    const { tasks, unassigned } = tasksFromDraft(draft, { opensOn: '2026-11-02' });
    expect(unassigned).toEqual([]);
    expect(tasks.map((t) => [t.id, t.lead, t.support, t.due.kind])).toEqual([
      ['nv1', 'VHTT', ['NV'], 'by'],
      ['nv2', 'TP', ['VP'], 'by'],
      ['nv3', 'NV', [], 'periodic'],
    ]);
    expect(tasks[0]!.due).toEqual({ kind: 'by', date: '2026-11-20' });
    expect(tasks[2]!.due).toMatchObject({
      kind: 'periodic',
      schedule: { kind: 'monthly', first: '2026-M11' },
    });
    expect(tasks[1]!.text).toMatch(/^Giao Phòng Tư pháp chủ trì.*số hóa hồ sơ hộ tịch/);
    expect(taskDirectiveSchedule(tasks, '2026-11-02')).toMatchObject({ kind: 'monthly', first: '2026-M11' });
    expect(draftHasTasks(draft)).toBe(true);
  });

  it('keeps apart a task whose lead names no unit, and takes the lead the coordinator gave', () => {
    const draft = draftOf('congvan-bao-cao-cchc-2024.txt');
    expect(draftHasTasks(draft)).toBe(false);
    const first = tasksFromDraft(draft, { opensOn: '2024-11-20' });
    expect(first.unassigned.map((t) => t.id)).toEqual(['nv1']);
    expect(first.tasks.map((t) => [t.id, t.lead, t.due])).toEqual([['nv2', 'NV', { kind: 'ongoing' }]]);
    const answered = tasksFromDraft(draft, { opensOn: '2024-11-20', leads: { nv1: 'VP' } });
    expect(answered.unassigned).toEqual([]);
    expect(answered.tasks[0]).toMatchObject({
      id: 'nv1',
      lead: 'VP',
      due: { kind: 'by', date: '2024-12-10' },
    });
    expect(taskDirectiveSchedule(answered.tasks, '2024-11-20')).toEqual({
      kind: 'once',
      opensOn: '2024-11-20',
      deadline: '2024-12-10',
    });
  });
});
