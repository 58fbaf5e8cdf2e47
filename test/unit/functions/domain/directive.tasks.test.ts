// A directive file's tasks (decision 007): Vietnamese dates accepted, ids and units checked, and every task's unit
// among the recipients (specFromDraft adds them).
import { describe, expect, it } from 'vitest';
import { DIRECTIVE_FORMAT, parseDirectiveSpec, withTaskUnits } from '@theodoi/functions/domain/directive';

const base = {
  format: DIRECTIVE_FORMAT,
  id: 'cds-2026',
  organisation: 'thap-muoi',
  number: '2468/UBND-VHTT',
  date: '02/11/2026',
  issuer: 'UBND huyện Tháp Mười',
  subject: 'triển khai nhiệm vụ chuyển đổi số',
  recipients: ['VHTT', 'NV', 'TP', 'VP'],
  template: 'tien-do-nhiem-vu@1',
  schedule: { kind: 'once', opensOn: '02/11/2026', deadline: '27/11/2026' },
};

describe('DirectiveSpec.tasks', () => {
  it('reads a task due by a day written dd/mm/yyyy, and an ongoing one', () => {
    const spec = parseDirectiveSpec({
      ...base,
      tasks: [
        {
          id: 'nv1',
          text: 'Rà soát dịch vụ công',
          lead: 'VHTT',
          support: ['NV'],
          due: { kind: 'by', date: '20/11/2026' },
        },
        { id: 'nv2', text: 'Theo dõi thường xuyên', lead: 'TP', due: { kind: 'ongoing' } },
      ],
    });
    expect(spec.tasks).toEqual([
      {
        id: 'nv1',
        text: 'Rà soát dịch vụ công',
        lead: 'VHTT',
        support: ['NV'],
        due: { kind: 'by', date: '2026-11-20' },
      },
      { id: 'nv2', text: 'Theo dõi thường xuyên', lead: 'TP', support: [], due: { kind: 'ongoing' } },
    ]);
  });

  it('refuses a task given to a unit that is not a recipient, and a task id given twice', () => {
    const task = { id: 'nv1', text: 'X', lead: 'YT', due: { kind: 'ongoing' } };
    expect(() => parseDirectiveSpec({ ...base, tasks: [task] })).toThrow(/not among the recipients: YT/);
    const twice = { ...task, lead: 'NV' };
    expect(() => parseDirectiveSpec({ ...base, tasks: [twice, twice] })).toThrow(/duplicate task id nv1/);
  });

  it('adds the task units to the recipients, in order, each once', () => {
    expect(
      withTaskUnits(
        ['NV'],
        [{ id: 'nv1', text: 'X', lead: 'TP', support: ['NV', 'VP'], due: { kind: 'ongoing' } }],
      ),
    ).toEqual(['NV', 'TP', 'VP']);
  });
});
