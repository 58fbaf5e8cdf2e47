// The reminder digests: one per unit across directives, a hash that follows the state and not the clock, and
// the Nhắc việc list as the command prints it.
import { describe, expect, it } from 'vitest';
import { formatReminderList } from '@theodoi/cli/commands/check';
import type { ReminderItem } from '@theodoi/functions/domain/deadlines/reminders';
import { buildDigests, digestText } from '@theodoi/functions/usecases/send-reminders';

const item = (over: Partial<ReminderItem> = {}): ReminderItem => ({
  directiveId: 'cchc-2024',
  organisation: 'huyen-thap-muoi',
  directiveRef: 'Công văn số 06/UBND-NV ngày 05/02/2024',
  subject: 'tuyên truyền CCHC năm 2024',
  spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
  directiveContact: { person: 'Chuyên viên Phòng Nội vụ', phone: '0277 3821 101' },
  periodKey: '2024-Q1',
  periodLabel: 'Quý I/2024',
  deadline: '2024-03-18',
  unitCode: '30052',
  unitName: 'UBND xã Mỹ Hòa',
  status: 'qua-han',
  statusText: 'Quá hạn chưa báo cáo (quá hạn 1 ngày làm việc)',
  workingDaysOverdue: 1,
  contact: { person: 'Nguyễn Văn An', phone: '0277 3838 288', email: 'myhoa@x.vn' },
  emails: ['myhoa@x.vn', 'vanthu.myhoa@x.vn'],
  ...over,
});

describe('buildDigests', () => {
  it('gathers a unit’s reports across directives into one digest, one per unit and organisation', () => {
    const digests = buildDigests([
      item(),
      item({ unitCode: 'NV', unitName: 'Phòng Nội vụ', emails: ['nv@x.vn'] }),
      item({
        directiveId: 'pcbl-2024',
        directiveRef: 'Kế hoạch số 12/KH-UBND',
        subject: 'phòng chống bão lũ',
      }),
      item({ organisation: 'huyen-cao-lanh', emails: ['other@y.vn'] }),
    ]);
    expect(digests.map((d) => [d.organisation, d.unitCode, d.items.length])).toEqual([
      ['huyen-thap-muoi', '30052', 2],
      ['huyen-thap-muoi', 'NV', 1],
      ['huyen-cao-lanh', '30052', 1],
    ]);
    const [first] = digests;
    expect(first?.to).toEqual(['myhoa@x.vn', 'vanthu.myhoa@x.vn']);
    expect(first?.subject).toBe('[Nhắc việc] UBND xã Mỹ Hòa: 2 báo cáo cần hoàn thành');
    expect(first?.lines).toContain(
      '2. Kế hoạch số 12/KH-UBND — V/v phòng chống bão lũ\n' +
        '   Kỳ báo cáo: Quý I/2024; hạn báo cáo: 18/03/2024 (thứ Hai).\n' +
        '   Tình hình: Quá hạn chưa báo cáo (quá hạn 1 ngày làm việc).',
    );
  });

  it('hashes the state: the same reports give the same hash on another day, one more day overdue another', () => {
    const [a] = buildDigests([item()]);
    const [b] = buildDigests([item()]);
    const [c] = buildDigests([item({ statusText: 'Quá hạn chưa báo cáo (quá hạn 2 ngày làm việc)' })]);
    expect(a?.hash).toBe(b?.hash);
    expect(c?.hash).not.toBe(a?.hash);
    expect(digestText(a!, new Date('2024-03-19T01:00:00Z'))).toContain('Tính đến 08 giờ 00 ngày 19/03/2024');
    expect(digestText(a!, new Date('2024-03-20T01:00:00Z'))).toContain('Tính đến 08 giờ 00 ngày 20/03/2024');
  });
});

describe('formatReminderList', () => {
  it('prints "Nhắc việc" by directive and period, with whom to contact', () => {
    expect(
      formatReminderList(
        [item(), item({ unitCode: 'NV', unitName: 'Phòng Nội vụ', contact: {} })],
        new Date('2024-03-19T01:00:00Z'),
      ),
    ).toBe(
      [
        'NHẮC VIỆC — tình hình báo cáo lúc 08:00 19/03/2024',
        '',
        'Công văn số 06/UBND-NV ngày 05/02/2024 — V/v tuyên truyền CCHC năm 2024',
        '  Quý I/2024, hạn báo cáo 18/03/2024 (thứ Hai):',
        '    • UBND xã Mỹ Hòa: Quá hạn chưa báo cáo (quá hạn 1 ngày làm việc) — liên hệ: đ/c Nguyễn Văn An, 0277 3838 288, myhoa@x.vn',
        '    • Phòng Nội vụ: Quá hạn chưa báo cáo (quá hạn 1 ngày làm việc) — liên hệ: chưa có thông tin liên hệ',
      ].join('\n'),
    );
    expect(formatReminderList([], new Date('2024-03-19T01:00:00Z'))).toContain(
      'Không có đơn vị nào cần nhắc',
    );
  });
});
