// The one proposal the CLI and the register tab make for a draft: id, report form, a one-off schedule from the
// document's single deadline, the organisation's coordinator as coordinator and contact.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDirective } from '@theodoi/functions/domain/importer/import';
import { formsFor, proposeDirective } from '@theodoi/functions/domain/importer/proposal';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';
import { listTemplates } from '@theodoi/sheets-schema/registry';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const org = parseOrganisation(JSON.parse(read('../../../../../examples/thap-muoi-2024/organisation.json')));
const REPORT = read('../../../../fixtures/coordinator/congvan-bao-cao-cchc-2024.txt');
const SEED = read('../../../../../examples/thap-muoi-2024/congvan-cchc-2024.txt');
const draftOf = (text: string) => importDirective(text, org);
/** The công văn of three tasks the task e2e test imports. */
const TASKS = read('../../../../fixtures/coordinator/congvan-nhiem-vu-cds-2026.txt');
const coordinator = { email: 'nv@thapmuoi.example.vn', person: 'Chuyên viên Phòng Nội vụ' };

describe('proposeDirective', () => {
  it('proposes the id from the number, the one deadline as a one-off report, the coordinator as contact', () => {
    const proposal = proposeDirective(draftOf(REPORT), {
      today: '2024-11-25',
      templates: listTemplates(),
      coordinator,
    });
    expect(proposal).toMatchObject({
      id: '1234-ubnd-nv-2024',
      template: 'cchc-tuyen-truyen@1',
      deadlines: ['2024-12-10'],
      schedule: { kind: 'once', opensOn: '2024-11-20', deadline: '2024-12-10' },
      coordinators: ['nv@thapmuoi.example.vn'],
      contact: coordinator,
    });
  });

  it('proposes no schedule for a công văn giving no deadline, and an id from its subject while it has no number', () => {
    const proposal = proposeDirective(draftOf(SEED), { today: '2024-03-05', templates: listTemplates() });
    expect(proposal.schedule).toBeNull();
    expect(proposal.deadlines).toEqual([]);
    expect(proposal.id).toMatch(/^trien-khai-quyet-dinh-.*-2024$/);
    expect(proposal.coordinators).toEqual([]);
  });
});

describe('formsFor', () => {
  const forms = [
    { ref: 'cchc-tuyen-truyen@1', shape: 'row-per-unit', title: 'Báo cáo CCHC' },
    { ref: 'tien-do-nhiem-vu@1', shape: 'row-per-task', title: 'Tiến độ nhiệm vụ' },
  ];
  const ofTasks = { tasks: draftOf(TASKS).tasks };

  it('offers a report request (the seed: what to report, no tasks led by units) only the forms of one row per unit', () => {
    expect(formsFor({ tasks: draftOf(SEED).tasks }, forms).map((f) => f.ref)).toEqual([
      'cchc-tuyen-truyen@1',
    ]);
    expect(formsFor({ tasks: [] }, forms).map((f) => f.ref)).toEqual(['cchc-tuyen-truyen@1']);
  });

  it('puts the task form first for a công văn made of tasks, each led by a unit', () => {
    expect(formsFor(ofTasks, forms).map((f) => f.ref)).toEqual(['tien-do-nhiem-vu@1', 'cchc-tuyen-truyen@1']);
    expect(proposeDirective(draftOf(TASKS), { today: '2026-11-03', templates: forms }).template).toBe(
      'tien-do-nhiem-vu@1',
    );
  });

  it('leaves out a form that cannot be provisioned', () => {
    expect(formsFor(ofTasks, forms, (f) => f.shape === 'row-per-unit').map((f) => f.ref)).toEqual([
      'cchc-tuyen-truyen@1',
    ]);
  });
});
