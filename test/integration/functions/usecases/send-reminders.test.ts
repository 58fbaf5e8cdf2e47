// sendReminders against a real SMTP server and the Firestore emulator: a refused mailbox or a wrong login is
// reported and not recorded, so the next run sends it; a unit without an address is named, never mailed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Firestore } from 'firebase-admin/firestore';
import { loadConfig } from '@theodoi/functions/config';
import { ManualClock } from '@theodoi/functions/clock';
import { createSmtpMailer } from '@theodoi/functions/mail/smtp';
import { openFirestore } from '@theodoi/functions/store/firestore';
import type { ReminderItem } from '@theodoi/functions/domain/deadlines/reminders';
import { sendReminders } from '@theodoi/functions/usecases/send-reminders';
import { startSmtp, type TestSmtp } from '../../../support/smtp.js';

const FROM = 'Phòng Nội vụ <no-reply@thapmuoi.example.vn>';
const item = (unitCode: string, emails: string[]): ReminderItem => ({
  directiveId: 'cchc-2024',
  organisation: 'huyen-thap-muoi',
  directiveRef: 'Công văn số 06/UBND-NV ngày 05/02/2024',
  subject: 'tuyên truyền CCHC năm 2024',
  spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc/edit',
  directiveContact: { person: 'Chuyên viên Phòng Nội vụ' },
  periodKey: '2024-Q1',
  periodLabel: 'Quý I/2024',
  deadline: '2024-03-18',
  unitCode,
  unitName: `Đơn vị ${unitCode}`,
  status: 'qua-han',
  statusText: 'Quá hạn chưa báo cáo (quá hạn 1 ngày làm việc)',
  workingDaysOverdue: 1,
  contact: {},
  emails,
});

describe('sendReminders over SMTP', () => {
  let db: Firestore;
  let smtp: TestSmtp;
  const clock = new ManualClock('2024-03-19T01:00:00Z');
  beforeAll(async () => {
    db = await openFirestore(loadConfig({ ...process.env, GOOGLE_CLOUD_PROJECT: 'theodoi-it-reminders' }));
    smtp = await startSmtp({ refuse: ['gone@thapmuoi.example.vn'] });
  });
  afterAll(async () => smtp?.stop());

  it('mails who it can, names the unit without an address, and retries a refused mailbox next time', async () => {
    const items = [
      item('A', ['a@thapmuoi.example.vn']),
      item('B', ['gone@thapmuoi.example.vn']),
      item('C', []),
    ];
    const mailer = await createSmtpMailer({ url: smtp.url, from: FROM });
    try {
      const first = await sendReminders({ db, clock, mailer }, items);
      expect(first.sent.map((s) => s.unitCode)).toEqual(['A']);
      expect(first.failed).toMatchObject([
        { unitCode: 'B', error: expect.stringContaining('all recipients were rejected') as string },
      ]);
      expect(first.noAddress).toEqual(['C']);
      expect(first.firestoreWrites).toBe(1);
      expect(smtp.received.map((m) => m.to)).toEqual([['a@thapmuoi.example.vn']]);
      expect(smtp.received[0]?.from).toBe('no-reply@thapmuoi.example.vn');
      expect(smtp.received[0]?.raw).toMatch(/^Date: Tue, 19 Mar 2024 01:00:00 \+0000$/m);
      const record = await db.doc('reminders/huyen-thap-muoi~A').get();
      expect(record.data()).toMatchObject({ day: '2024-03-19', to: ['a@thapmuoi.example.vn'] });
      expect(record.get('items')).toEqual(['cchc-2024/2024-Q1:qua-han']);
      expect((await db.doc('reminders/huyen-thap-muoi~B').get()).exists).toBe(false);

      clock.advance(60 * 60_000);
      const second = await sendReminders({ db, clock, mailer }, items);
      expect(second).toMatchObject({ sent: [], unchanged: ['A'], noAddress: ['C'], firestoreWrites: 0 });
      expect(second.failed.map((f) => f.unitCode)).toEqual(['B']);
    } finally {
      mailer.close();
    }
  });

  it('reports every unit as failed when the SMTP login is wrong, and records nothing', async () => {
    const mailer = await createSmtpMailer({ url: smtp.url.replace(':mat-khau-thu@', ':sai@'), from: FROM });
    try {
      const before = smtp.received.length;
      const outcome = await sendReminders({ db, clock, mailer }, [item('D', ['d@thapmuoi.example.vn'])]);
      expect(outcome.failed.map((f) => f.unitCode)).toEqual(['D']);
      expect(outcome.failed[0]?.error).toMatch(/Invalid login|Invalid username or password/);
      expect(smtp.received.length).toBe(before);
      expect((await db.doc('reminders/huyen-thap-muoi~D').get()).exists).toBe(false);
    } finally {
      mailer.close();
    }
  });
});
