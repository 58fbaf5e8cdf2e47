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
  const withTasks = { tasks: draftOf(SEED).tasks };

  it('offers only the forms theodoi can provision: one row per unit today', () => {
    expect(formsFor(withTasks, forms).map((f) => f.ref)).toEqual(['cchc-tuyen-truyen@1']);
  });

  it('puts a task form first for a công văn made of tasks once it can be provisioned', () => {
    expect(withTasks.tasks.length).toBeGreaterThan(1);
    expect(formsFor(withTasks, forms, () => true).map((f) => f.ref)).toEqual([
      'tien-do-nhiem-vu@1',
      'cchc-tuyen-truyen@1',
    ]);
    expect(formsFor({ tasks: [] }, forms, () => true).map((f) => f.ref)).toEqual([
      'cchc-tuyen-truyen@1',
      'tien-do-nhiem-vu@1',
    ]);
  });
});
