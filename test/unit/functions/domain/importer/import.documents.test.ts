// Four more documents written in the same style: a kế hoạch with a task table, a one-recipient công văn,
// a quyết định with "Căn cứ" and articles, and a thông báo from an office under the People's Committee.
import { describe, expect, it } from 'vitest';
import type { DirectiveDraft, Task } from '@theodoi/functions/domain/importer/draft';
import { importDirective } from '@theodoi/functions/domain/importer/import';
import { fixture, thapMuoi } from '../../../../support/importer-helpers.js';

interface TaskSummary {
  id: string;
  lead: string[];
  leadUnresolved?: string[];
  cooperating?: string[];
  cooperatingUnresolved?: string[];
  deadlines: string[];
}

interface Case {
  name: string;
  file: string;
  header: Pick<DirectiveDraft, 'kind' | 'numberSymbol' | 'place' | 'date' | 'subject'> & {
    issuer: string;
    parent: string | null;
  };
  recipients: string[];
  references: string[];
  tasks: TaskSummary[];
  headings?: Record<string, string[]>;
  signer: DirectiveDraft['signer'];
  archive: string[];
  missing: string[];
  warnings: string[];
}

/** Deadlines as "kind year-month-day" (blanks as "_"), "periodic quarter", "within-quarter 2/2024". */
function deadline(d: Task['deadlines'][number]): string {
  if (d.kind === 'periodic') return `periodic ${d.every ?? '_'}`;
  if (d.kind === 'continuous') return 'continuous';
  if (d.kind === 'within-quarter') return `within-quarter ${d.quarter ?? '_'}/${d.date?.year ?? '_'}`;
  const part = (n: number | null | undefined): string => (n == null ? '_' : String(n));
  return `${d.kind} ${part(d.date?.year)}-${part(d.date?.month)}-${part(d.date?.day)}`;
}

function summarise(task: Task): TaskSummary {
  return {
    id: task.id,
    lead: [...task.lead.units, ...task.lead.groups.map((g) => `group:${g}`)],
    ...(task.lead.unresolved.length ? { leadUnresolved: task.lead.unresolved } : {}),
    ...(task.cooperating.units.length + task.cooperating.groups.length
      ? { cooperating: [...task.cooperating.units, ...task.cooperating.groups.map((g) => `group:${g}`)] }
      : {}),
    ...(task.cooperating.unresolved.length ? { cooperatingUnresolved: task.cooperating.unresolved } : {}),
    deadlines: task.deadlines.map(deadline),
  };
}

const cases: Case[] = [
  {
    name: 'kế hoạch with I./II. sections, a) items and a "Nội dung | Đơn vị chủ trì | …" task table',
    file: 'kehoach-tuyen-truyen-cchc-2024.txt',
    header: {
      kind: 'ke-hoach',
      issuer: 'Ủy ban nhân dân huyện Tháp Mười',
      parent: null,
      numberSymbol: { raw: '1520/KH-UBND', number: 1520, year: null, symbol: 'KH-UBND' },
      place: 'Tháp Mười',
      date: { year: 2024, month: 3, day: 5, raw: 'ngày 05 tháng 3 năm 2024' },
      subject:
        'Triển khai công tác thông tin, tuyên truyền cải cách hành chính năm 2024 trên địa bàn huyện Tháp Mười',
    },
    recipients: [],
    references: [
      'quyet-dinh 35/QĐ-BNV 2024-1-22 Bộ Nội vụ',
      'cong-van 06/UBND-HCC 2024-1-26 Ủy ban nhân dân tỉnh',
    ],
    tasks: [
      {
        id: 'II.1.a',
        lead: ['VHTT'],
        cooperatingUnresolved: ['Trung tâm Văn hóa - Thể thao và Truyền thanh huyện'],
        deadlines: ['continuous'],
      },
      { id: 'II.1.b', lead: ['group:xa-thi-tran'], deadlines: ['within-quarter 2/2024'] },
      { id: 'II.2.T1', lead: ['VP'], cooperating: ['VHTT'], deadlines: ['continuous'] },
      {
        id: 'II.2.T2',
        lead: ['NV'],
        cooperating: ['GDDT'],
        cooperatingUnresolved: ['Huyện Đoàn'],
        deadlines: ['within-quarter 3/2024'],
      },
      {
        id: 'II.2.T3',
        lead: [],
        leadUnresolved: ['Trung tâm Văn hóa - Thể thao và Truyền thanh huyện'],
        cooperating: ['VHTT'],
        deadlines: ['periodic month'],
      },
      { id: 'II.2.T4', lead: ['group:xa-thi-tran'], cooperating: ['NV'], deadlines: ['by-date 2024-4-30'] },
      {
        id: 'II.2.T5',
        lead: ['NV'],
        cooperating: ['group:ban-nganh', 'group:xa-thi-tran'],
        deadlines: ['by-date 2024-12-15'],
      },
      { id: 'IV.1', lead: ['NV'], deadlines: ['periodic quarter', 'by-date 2024-12-5'] },
      {
        id: 'IV.2',
        lead: ['group:ban-nganh', 'group:xa-thi-tran'],
        deadlines: ['within-month 2024-3-_', 'periodic quarter'],
      },
      { id: 'IV.3', lead: [], deadlines: [] },
    ],
    headings: {
      'II.1.a': ['II. NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN', '1. Nội dung tuyên truyền'],
      'II.2.T3': ['II. NỘI DUNG VÀ HÌNH THỨC TUYÊN TRUYỀN', '2. Hình thức tuyên truyền'],
      'IV.1': ['IV. TỔ CHỨC THỰC HIỆN'],
    },
    signer: {
      authorities: [
        { kind: 'TM', of: 'Ủy ban nhân dân' },
        { kind: 'KT', of: 'Chủ tịch' },
      ],
      title: 'Phó Chủ tịch',
      name: 'Nguyễn Văn An',
    },
    archive: ['VT', 'NV'],
    missing: ['recipients', 'tasks[II.2.T3].lead', 'tasks[IV.3].lead', 'tasks[IV.3].deadline'],
    warnings: ['cooperating-unresolved', 'cooperating-unresolved', 'lead-unresolved'],
  },
  {
    name: 'công văn with one recipient on the "Kính gửi:" line and "Mỹ Quí" spelled the local way',
    file: 'congvan-mot-don-vi-nhan.txt',
    header: {
      kind: 'cong-van',
      issuer: 'Ủy ban nhân dân huyện Tháp Mười',
      parent: null,
      numberSymbol: { raw: '315/UBND-NV', number: 315, year: null, symbol: 'UBND-NV' },
      place: 'Tháp Mười',
      date: { year: 2024, month: 3, day: 8, raw: 'ngày 08 tháng 3 năm 2024' },
      subject: 'đôn đốc hoàn chỉnh báo cáo cải cách hành chính quý I năm 2024',
    },
    recipients: ['NV'],
    references: [
      'bao-cao 12/BC-UBND 2024-3-1 Ủy ban nhân dân xã Mỹ Quí',
      'ke-hoach 9327/KH-UBND 2023-12-29 Ủy ban nhân dân huyện',
    ],
    tasks: [
      { id: '1', lead: ['NV'], deadlines: ['by-date 2024-3-15'] },
      {
        id: '2',
        lead: ['NV'],
        cooperating: ['30055'],
        cooperatingUnresolved: ['Công an huyện'],
        deadlines: ['within-month 2024-3-_'],
      },
    ],
    signer: { authorities: [{ kind: 'KT', of: 'Chủ tịch' }], title: 'Phó Chủ tịch', name: 'Nguyễn Văn An' },
    archive: ['VT', 'NV'],
    missing: [],
    warnings: ['cooperating-unresolved'],
  },
  {
    name: 'quyết định: "QUYẾT ĐỊNH / Về việc …", "Căn cứ" references (laws by name too) and "Điều" articles',
    file: 'quyetdinh-to-kiem-tra-cchc-2024.txt',
    header: {
      kind: 'quyet-dinh',
      issuer: 'Ủy ban nhân dân huyện Tháp Mười',
      parent: null,
      numberSymbol: { raw: '215/QĐ-UBND', number: 215, year: null, symbol: 'QĐ-UBND' },
      place: 'Tháp Mười',
      date: { year: 2024, month: 3, day: 12, raw: 'ngày 12 tháng 3 năm 2024' },
      subject:
        'Về việc thành lập Tổ kiểm tra công tác cải cách hành chính năm 2024 trên địa bàn huyện Tháp Mười',
    },
    recipients: [],
    references: [
      'luat Tổ chức chính quyền địa phương 2015-6-19 -',
      'luat sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương 2019-11-22 -',
      'nghi-dinh 30/2020/NĐ-CP 2020-3-5 Chính phủ',
      'ke-hoach 9327/KH-UBND 2023-12-29 Ủy ban nhân dân huyện',
    ],
    tasks: [
      { id: 'Điều 1', lead: [], deadlines: [] },
      {
        id: 'Điều 2',
        lead: ['NV'],
        cooperating: ['VP'],
        deadlines: ['within-month 2024-10-_', 'by-date 2024-3-31'],
      },
      { id: 'Điều 3', lead: [], deadlines: [] },
      { id: 'Điều 4', lead: ['VP', 'NV', 'group:ban-nganh', 'group:xa-thi-tran'], deadlines: [] },
    ],
    signer: { authorities: [], title: 'Chủ tịch', name: 'Đoàn Thanh Bình' },
    archive: ['VT', 'NV'],
    missing: [
      'recipients',
      'tasks[Điều 1].lead',
      'tasks[Điều 1].deadline',
      'tasks[Điều 3].lead',
      'tasks[Điều 3].deadline',
      'tasks[Điều 4].deadline',
    ],
    warnings: [],
  },
  {
    name: 'thông báo of the office, with its parent line above ("UBND HUYỆN THÁP MƯỜI / VĂN PHÒNG HĐND VÀ UBND")',
    file: 'thongbao-ket-luan-van-phong.txt',
    header: {
      kind: 'thong-bao',
      issuer: 'Văn phòng HĐND và UBND',
      parent: 'UBND huyện Tháp Mười',
      numberSymbol: { raw: '45/TB-VP', number: 45, year: null, symbol: 'TB-VP' },
      place: 'Tháp Mười',
      date: { year: 2024, month: 3, day: 20, raw: 'ngày 20 tháng 3 năm 2024' },
      subject:
        'Kết luận của Chủ tịch Ủy ban nhân dân huyện tại cuộc họp đánh giá công tác cải cách hành chính quý I năm 2024',
    },
    recipients: [],
    references: [],
    tasks: [
      { id: '1', lead: ['NV'], cooperating: ['TCKH'], deadlines: ['by-date 2024-4-15'] },
      { id: '2', lead: ['30055', '30052'], deadlines: ['by-date 2024-4-10'] },
      { id: '3', lead: ['group:ban-nganh', 'group:xa-thi-tran'], deadlines: ['periodic quarter'] },
    ],
    signer: {
      authorities: [{ kind: 'TL', of: 'Chủ tịch' }],
      title: 'Chánh Văn phòng',
      name: 'Trần Thị Hồng',
    },
    archive: ['VT'],
    missing: ['recipients'],
    warnings: ['issuer-not-organisation'],
  },
  {
    name: 'công văn of a department: V/v above the Quốc hiệu, rules, "Kính gửi" without bullets, "1)" items, "(Đã ký)"',
    file: 'congvan-phong-noi-vu-de-nghi-bao-cao.txt',
    header: {
      kind: 'cong-van',
      issuer: 'Phòng Nội vụ',
      parent: 'UBND huyện Tháp Mười',
      numberSymbol: { raw: '18/PNV', number: 18, year: null, symbol: 'PNV' },
      place: 'Tháp Mười',
      date: { year: 2024, month: 3, day: 1, raw: 'ngày 01 tháng 3 năm 2024' },
      subject: 'đề nghị báo cáo kết quả tuyên truyền CCHC quý I/2024',
    },
    recipients: ['30043', '30046'],
    references: ['cong-van 312/UBND-NV 2024-2-15 Ủy ban nhân dân huyện'],
    tasks: [
      // "Phòng Nội vụ đề nghị các đơn vị:" names no unit: the lead is left for the coordinator.
      { id: '1', lead: [], deadlines: ['by-date 2024-3-14'] },
      { id: '2', lead: [], deadlines: ['by-date 2024-3-15'] },
    ],
    signer: { authorities: [], title: 'Trưởng phòng', name: 'Lê Văn Hùng' },
    archive: ['VT'],
    missing: ['tasks[1].lead', 'tasks[2].lead'],
    warnings: ['issuer-not-organisation', 'recipient-unresolved'],
  },
];

describe('importing documents of each kind', () => {
  cases.forEach((tc) => {
    describe(tc.name, () => {
      const draft = importDirective(fixture(tc.file), thapMuoi);

      it('reads the header: kind, issuer and parent, number, place, date, subject', () => {
        expect({
          kind: draft.kind,
          issuer: draft.issuer.name,
          parent: draft.issuer.parent,
          numberSymbol: draft.numberSymbol,
          place: draft.place,
          date: draft.date,
          subject: draft.subject,
        }).toEqual(tc.header);
      });

      it('resolves the recipients and the references', () => {
        expect(draft.recipients.unitCodes).toEqual(tc.recipients);
        expect(
          draft.references.map((r) =>
            [
              r.kind,
              r.numberSymbol?.raw ?? r.title,
              r.date ? `${r.date.year}-${r.date.month}-${r.date.day}` : '-',
              r.issuer ?? '-',
            ].join(' '),
          ),
        ).toEqual(tc.references);
      });

      it('finds the tasks with their lead, co-operating units and deadlines', () => {
        expect(draft.tasks.map(summarise)).toEqual(tc.tasks);
        for (const [id, headings] of Object.entries(tc.headings ?? {}))
          expect(draft.tasks.find((t) => t.id === id)?.headings).toEqual(headings);
      });

      it('reads the signer and the archive line, and lists what is missing and what to check', () => {
        expect(draft.signer).toEqual(tc.signer);
        expect(draft.distribution.archive).toEqual(tc.archive);
        expect(draft.missing).toEqual(tc.missing);
        expect(draft.warnings.map((w) => w.code)).toEqual(tc.warnings);
      });
    });
  });

  it('keeps a table row running on to the next line as one task ("(mỗi tháng ít nhất 02 chuyên mục)")', () => {
    const draft = importDirective(fixture('kehoach-tuyen-truyen-cchc-2024.txt'), thapMuoi);
    expect(draft.tasks.find((t) => t.id === 'II.2.T3')?.text).toBe(
      'Xây dựng chuyên mục "Cải cách hành chính" trên sóng truyền thanh huyện (mỗi tháng ít nhất 02 chuyên mục)',
    );
  });

  it('leaves out the "Mục đích, yêu cầu" section and keeps the unresolved names in Vietnamese warnings', () => {
    const draft = importDirective(fixture('kehoach-tuyen-truyen-cchc-2024.txt'), thapMuoi);
    expect(draft.tasks.some((t) => t.id.startsWith('I.'))).toBe(false);
    expect(draft.warnings[1]).toEqual({
      code: 'cooperating-unresolved',
      field: 'tasks[II.2.T2].cooperating',
      message: 'Nhiệm vụ II.2.T2: không xác định được đơn vị phối hợp "Huyện Đoàn".',
    });
  });

  it('resolves "Nơi nhận" entries naming groups, and not "Như trên"', () => {
    const draft = importDirective(fixture('thongbao-ket-luan-van-phong.txt'), thapMuoi);
    expect(draft.distribution.groups).toEqual(['ban-nganh', 'xa-thi-tran']);
    const congVan = importDirective(fixture('congvan-mot-don-vi-nhan.txt'), thapMuoi);
    expect(congVan.distribution).toEqual({
      entries: ['Như trên', 'UBND xã Mỹ Quí', 'Lưu: VT, NV'],
      archive: ['VT', 'NV'],
      units: ['30055'],
      groups: [],
    });
  });
});

describe('a công văn whose tasks are "-" bullets after "đề nghị:"', () => {
  const text = [
    'ỦY BAN NHÂN DÂN',
    'HUYỆN THÁP MƯỜI',
    'Số: 402/UBND-VP',
    'Tháp Mười, ngày 02 tháng 4 năm 2024',
    'V/v chuẩn bị số liệu phục vụ Đoàn kiểm tra cải cách hành chính',
    'Kính gửi:',
    '- Phòng Nội vụ;',
    '- UBND xã Tân Kiều;',
    '- UBND xã Phú Điền.',
    'Để chuẩn bị làm việc với Đoàn kiểm tra của tỉnh, Ủy ban nhân dân huyện đề nghị:',
    '- Phòng Nội vụ huyện tổng hợp số liệu, hoàn thành trước ngày 10/4/2024;',
    '- UBND xã Tân Kiều, UBND xã Phú Điền chuẩn bị hồ sơ minh chứng, gửi về Phòng Nội vụ trước ngày 08/4/2024.',
    'Nhận được Công văn này, đề nghị các đơn vị khẩn trương thực hiện./.',
    'Nơi nhận:',
    '- Như trên;',
    '- Lưu: VT.',
    'KT. CHỦ TỊCH',
    'PHÓ CHỦ TỊCH',
    'Nguyễn Văn An',
  ].join('\n');
  const draft = importDirective(text, thapMuoi);

  it('takes each bullet as a task with its lead and deadline, and stops at the closing paragraph', () => {
    expect(draft.recipients.unitCodes).toEqual(['NV', '30049', '30067']);
    expect(draft.tasks.map(summarise)).toEqual([
      { id: '•1', lead: ['NV'], deadlines: ['by-date 2024-4-10'] },
      { id: '•2', lead: ['30049', '30067'], deadlines: ['by-date 2024-4-8'] },
    ]);
    expect(draft.missing).toEqual([]);
  });
});

describe('a commune kế hoạch: upper-case subject, "1.1." numbering, a "Mục tiêu" section', () => {
  const draft = importDirective(fixture('kehoach-xa-my-hoa-cchc-2024.txt'), thapMuoi);

  it('reads the upper-case subject in sentence case, even though it opens with "Thực hiện"', () => {
    expect(draft.kind).toBe('ke-hoach');
    expect(draft.issuer.name).toBe('Ủy ban nhân dân xã Mỹ Hòa');
    expect(draft.place).toBe('Mỹ Hòa');
    expect(draft.subject).toBe('Thực hiện công tác cải cách hành chính năm 2024');
  });

  it('numbers nested items under their section, skips the goals, and reads a labelled time', () => {
    expect(draft.tasks.map((t) => [t.id, t.headings.at(-1), t.deadlines.map((d) => d.raw)])).toEqual([
      ['II.1.1', '1. Cải cách thể chế', ['hoàn thành trước ngày 30/6/2024']],
      ['II.1.2', '1. Cải cách thể chế', ['thường xuyên']],
      ['II.2', 'II. NHIỆM VỤ TRỌNG TÂM', ['Quý II/2024']],
    ]);
    expect(draft.tasks[2]?.text).toBe(
      'Cải cách thủ tục hành chính\n- Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa.\n- Thời gian thực hiện: Quý II/2024.',
    );
  });

  it('resolves a unit named in "Nơi nhận" and warns that the issuer is not the organisation', () => {
    expect(draft.distribution.units).toEqual(['NV']);
    expect(draft.warnings.map((w) => w.code)).toEqual(['issuer-not-organisation']);
  });
});

describe('the task table pasted from Word, tab-separated', () => {
  it('gives the same tasks as the "|" table', () => {
    const piped = fixture('kehoach-tuyen-truyen-cchc-2024.txt');
    const tabbed = piped
      .split('\n')
      .filter((line) => !/^\|-/.test(line))
      .map((line) =>
        line.startsWith('|')
          ? line
              .slice(1, -1)
              .split('|')
              .map((c) => c.trim())
              .join('\t')
          : line,
      )
      .join('\n');
    expect(tabbed).toContain('STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian');
    expect(importDirective(tabbed, thapMuoi).tasks).toEqual(importDirective(piped, thapMuoi).tasks);
  });
});

describe('which sections hold tasks', () => {
  it('skips "I. MỤC ĐÍCH, YÊU CẦU" but not a section that only mentions a requirement', () => {
    const text = [
      'KẾ HOẠCH',
      'Kiểm tra cải cách hành chính năm 2024',
      '',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Đánh giá đúng thực chất kết quả cải cách hành chính.',
      'II. TỔ CHỨC THỰC HIỆN VÀ YÊU CẦU BÁO CÁO',
      '1. Phòng Nội vụ chủ trì kiểm tra, hoàn thành trong tháng 10/2024.',
    ].join('\n');
    expect(importDirective(text, thapMuoi).tasks.map((t) => [t.id, t.lead.units])).toEqual([
      ['II.1', ['NV']],
    ]);
  });
});
