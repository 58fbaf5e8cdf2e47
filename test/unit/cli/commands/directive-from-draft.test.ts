// Completing an import draft into a directive without writing JSON: proposals from the draft, flags, questions in
// a terminal (a scripted asker here), Vietnamese dates, a deadline already past confirmed first, and Vietnamese
// messages naming what is missing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { importDirective } from '@theodoi/functions/domain/importer/import';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';
import {
  directiveFromDraft,
  readDraft,
  type DraftFlags,
} from '../../../../scripts/cli/commands/directive-from-draft.js';
import { readDirectiveFile } from '../../../../scripts/cli/commands/directive-create.js';
import type { Asker } from '../../../../scripts/cli/prompt.js';
import { UsageError } from '../../../../scripts/cli/usage-error.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const org = parseOrganisation(JSON.parse(read('../../../../examples/thap-muoi-2024/organisation.json')));
const calendar = createCalendar();
const REPORT = read('../../../fixtures/coordinator/congvan-bao-cao-cchc-2024.txt');
const SEED = read('../../../../examples/thap-muoi-2024/congvan-cchc-2024.txt');
const TASKS = read('../../../fixtures/coordinator/congvan-nhiem-vu-cds-2026.txt');
const draftOf = (text: string) => importDirective(text, org, { file: 'cv.txt', format: 'txt' });
const coordinator = { email: 'nv@thapmuoi.example.vn', person: 'Chuyên viên Phòng Nội vụ' };

/** An asker answering from a script, recording each question and its proposal; '' takes the proposal. */
function scripted(answers: string[], confirmations: boolean[] = []) {
  const asked: { question: string; proposed: string | undefined }[] = [];
  const asker: Asker = {
    ask: (question, proposed) => {
      asked.push({ question, proposed });
      const answer = answers.shift() ?? '';
      return Promise.resolve(answer === '' ? (proposed ?? '') : answer);
    },
    confirm: (question) => {
      asked.push({ question, proposed: undefined });
      return Promise.resolve(confirmations.shift() ?? false);
    },
  };
  return { asker, asked };
}

const complete = (text: string, flags: DraftFlags, today: string, asker?: Asker) =>
  directiveFromDraft(draftOf(text), flags, { draftFile: 'draft.json', today, calendar, coordinator, asker });

describe('directive create --from-draft', () => {
  it('in a terminal, proposes the id from the number and the deadline the công văn gives; Enter accepts both', async () => {
    const { asker, asked } = scripted(['', '']);
    const spec = await complete(REPORT, {}, '2024-11-25', asker);
    expect(asked.map((a) => a.proposed)).toEqual(['1234-ubnd-nv-2024', '10/12/2024']);
    expect(spec).toMatchObject({
      id: '1234-ubnd-nv-2024',
      number: '1234/UBND-NV',
      date: '2024-11-20',
      subject: 'báo cáo kết quả thông tin, tuyên truyền cải cách hành chính năm 2024',
      template: 'cchc-tuyen-truyen@1',
      schedule: { kind: 'once', opensOn: '2024-11-20', deadline: '2024-12-10' },
      coordinators: ['nv@thapmuoi.example.vn'],
      contact: { person: 'Chuyên viên Phòng Nội vụ', email: 'nv@thapmuoi.example.vn' },
    });
    expect(spec.recipients).toHaveLength(25);
  });

  it('takes everything as flags outside a terminal, dates written dd/mm/yyyy', async () => {
    const spec = await complete(REPORT, { id: 'bao-cao-cchc-2024', deadline: '5/12/2024' }, '2024-11-25');
    expect(spec.id).toBe('bao-cao-cchc-2024');
    expect(spec.schedule).toMatchObject({ kind: 'once', opensOn: '2024-11-20', deadline: '2024-12-05' });
  });

  it('makes the seed a quarterly directive from --period quy, as the example file says', async () => {
    const spec = await complete(
      SEED,
      { period: 'quy', from: '2024-Q1', to: '2024-Q4', yes: true },
      '2024-02-20',
    );
    const example = JSON.parse(read('../../../../examples/thap-muoi-2024/directive-cchc-2024.json')) as {
      schedule: unknown;
      recipients: string[];
    };
    expect(spec.schedule).toMatchObject(example.schedule as object);
    expect(spec.recipients).toEqual(example.recipients);
    // No number yet: the id comes from the subject's first words and the year.
    expect(spec.id).toBe('trien-khai-quyet-dinh-ban-hanh-2024');
  });

  it('asks for a periodic schedule when the deadline is left empty', async () => {
    const { asker } = scripted(['', '', 'quy', '2024-Q1', '2024-Q4', '3']);
    const spec = await complete(SEED, {}, '2024-02-20', asker);
    expect(spec.schedule).toMatchObject({
      kind: 'quarterly',
      first: '2024-Q1',
      last: '2024-Q4',
      deadline: { type: 'working-days-after-cutoff', days: 3 },
    });
  });

  it("takes the công văn's one deadline outside a terminal", async () => {
    const spec = await complete(REPORT, {}, '2024-11-25');
    expect(spec.schedule).toMatchObject({ kind: 'once', deadline: '2024-12-10' });
  });

  it('names the flags to add when no schedule is given outside a terminal', async () => {
    await expect(complete(SEED, {}, '2024-02-20')).rejects.toThrow(
      /^Chưa có hạn báo cáo\. Thêm --deadline dd\/mm\/yyyy .* --period quy --from 2026-Q1/,
    );
  });

  it('refuses a date that is not one, in Vietnamese', async () => {
    await expect(complete(REPORT, { deadline: '31/11/2024' }, '2024-11-25')).rejects.toThrow(
      '"31/11/2024" (--deadline) không phải một ngày — viết theo dạng ngày/tháng/năm, ví dụ 15/12/2026.',
    );
  });

  describe('a deadline already past', () => {
    it('is refused outside a terminal unless --yes, naming the period and its deadline', async () => {
      const attempt = complete(REPORT, { deadline: '10/12/2024' }, '2024-12-20');
      await expect(attempt).rejects.toThrow(UsageError);
      await expect(attempt).rejects.toThrow(
        'Hạn báo cáo đã qua (hôm nay 20/12/2024): Báo cáo theo văn bản (hạn 10/12/2024). Nếu tạo, lần kiểm tra tới',
      );
      await expect(attempt).rejects.toThrow('chạy lại lệnh với --yes');
      await expect(complete(REPORT, { yes: true }, '2024-12-20')).resolves.toMatchObject({
        schedule: { deadline: '2024-12-10' },
      });
    });

    it('is asked in a terminal; "không" stops before anything is created', async () => {
      const no = scripted(['', ''], [false]);
      await expect(complete(REPORT, {}, '2024-12-20', no.asker)).rejects.toThrow('Đã dừng; chưa tạo gì.');
      const yes = scripted(['', ''], [true]);
      await expect(complete(REPORT, {}, '2024-12-20', yes.asker)).resolves.toMatchObject({
        id: '1234-ubnd-nv-2024',
      });
    });
  });
});

describe('the files given to directive create', () => {
  it('tells a draft given as --file to use --from-draft', () => {
    expect(() => readDirectiveFile('draft.json', draftOf(REPORT))).toThrow(
      'Tệp draft.json là bản nháp đọc từ công văn, chưa phải tệp công văn — dùng: theodoi directive create --from-draft draft.json',
    );
  });

  it('lists what is wrong in a directive file, field by field, in Vietnamese', () => {
    const example = JSON.parse(
      read('../../../../examples/thap-muoi-2024/directive-cchc-2024.json'),
    ) as Record<string, unknown>;
    let message = '';
    try {
      readDirectiveFile('cv.json', { ...example, recipients: [], source: 'x' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'Tệp cv.json có 2 chỗ cần sửa:',
      '  - trường recipients: Quá nhỏ: mong đợi array có >=1 phần tử',
      '  - cả tệp: Khóa không được nhận dạng: "source"',
    ]);
  });

  it('reads dates written dd/mm/yyyy in a directive file', () => {
    const example = JSON.parse(
      read('../../../../examples/thap-muoi-2024/directive-cchc-2024.json'),
    ) as Record<string, unknown>;
    const spec = readDirectiveFile('cv.json', {
      ...example,
      date: '20/11/2024',
      schedule: { kind: 'once', opensOn: '20/11/2024', deadline: '10/12/2024' },
    });
    expect(spec.date).toBe('2024-11-20');
    expect(spec.schedule).toMatchObject({ opensOn: '2024-11-20', deadline: '2024-12-10' });
  });

  it('refuses as a draft a file that is not one', () => {
    expect(() => readDraft('x.json', { format: 'theodoi/directive@1' })).toThrow(
      'Tệp x.json không phải bản nháp do "theodoi directive import" tạo ra',
    );
  });

  describe('a công văn of tasks', () => {
    const told: string[] = [];
    const withTasks = (flags: DraftFlags, today: string, asker?: Asker) =>
      directiveFromDraft(draftOf(TASKS), flags, {
        draftFile: 'draft.json',
        today,
        calendar,
        coordinator,
        asker,
        unitCodes: new Set(org.units.map((u) => u.code)),
        tell: (line) => told.push(line),
      });

    it('proposes the task form in a terminal and follows the tasks with their own deadlines and recurrence', async () => {
      const { asker, asked } = scripted(['', '']);
      const spec = await withTasks({}, '2026-11-03', asker);
      expect(asked[1]?.question).toContain('tien-do-nhiem-vu@1');
      expect(asked[1]?.question).toMatch(/1\. Tiến độ thực hiện nhiệm vụ \(tien-do-nhiem-vu@1\)/);
      expect(asked[1]?.proposed).toBe('1');
      expect(spec.template).toBe('tien-do-nhiem-vu@1');
      expect(spec.tasks?.map((t) => [t.id, t.lead, t.support, t.due.kind])).toEqual([
        ['nv1', 'VHTT', ['NV'], 'by'],
        ['nv2', 'TP', ['VP'], 'by'],
        ['nv3', 'NV', [], 'periodic'],
      ]);
      expect(spec.schedule).toMatchObject({ kind: 'monthly', first: '2026-M11' });
      expect(spec.recipients).toEqual(['VP', 'NV', 'TP', 'VHTT']);
    });

    it('takes the task form outside a terminal, and asks to confirm a task deadline already past', async () => {
      await expect(withTasks({}, '2026-11-25')).rejects.toThrow(/nhiệm vụ 1 \(hạn 20\/11\/2026\)/);
      const spec = await withTasks({ yes: true }, '2026-11-25');
      expect(spec.tasks).toHaveLength(3);
    });

    it('tells the coordinator which task has no lead and leaves it out, or takes the lead typed', async () => {
      told.length = 0;
      const draft = draftOf(REPORT);
      const flags = { template: 'tien-do-nhiem-vu@1', yes: true };
      const context = {
        draftFile: 'draft.json',
        today: '2024-11-25',
        calendar,
        coordinator,
        unitCodes: new Set(org.units.map((u) => u.code)),
        tell: (line: string) => told.push(line),
      };
      const spec = await directiveFromDraft(draft, flags, context);
      expect(spec.tasks?.map((t) => t.id)).toEqual(['nv2']);
      expect(told[0]).toMatch(/^Nhiệm vụ 1 \(".*"\) chưa xác định được đơn vị chủ trì/);
      const { asker } = scripted(['', 'VP']);
      const answered = await directiveFromDraft(draft, flags, { ...context, asker });
      expect(answered.tasks?.map((t) => [t.id, t.lead])).toEqual([
        ['nv1', 'VP'],
        ['nv2', 'NV'],
      ]);
    });
  });
});
