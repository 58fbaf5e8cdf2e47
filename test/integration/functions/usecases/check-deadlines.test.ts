// A quarterly directive with Tháp Mười's 25 units goes through Q1 2024 (deadline Monday 18/03/2024) day by day on
// the emulators, with a controlled clock: who is flagged each day, flags resolving as reports arrive, the
// "Tình hình báo cáo" column as read back from the sheet, Q2's tab opening on 15/03, reminders through a real
// SMTP server sent once per state, and the Sheets calls and Firestore writes each check costs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer, type Mailer } from '@theodoi/functions/mail/smtp';
import { getDirective } from '@theodoi/functions/store/directives';
import { checkDeadlines, type DeadlineCheck } from '@theodoi/functions/usecases/check-deadlines';
import { sendReminders } from '@theodoi/functions/usecases/send-reminders';
import { hasGoogleAccount, startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';
import { startSmtp, type TestSmtp } from '../../../support/smtp.js';
import { VALID_CCHC_ROW } from '../../../fixtures/cchc-rows.js';

const Q1 = "'Quý I/2024'";
const Q2 = "'Quý II/2024'";
const VALID_ROW = [...VALID_CCHC_ROW];
const codes = thapMuoi.units.map((u) => u.code);
const unit = (code: string) => thapMuoi.units.find((u) => u.code === code)!;
const rowOf = (code: string) => 5 + codes.indexOf(code);

// Who does what, among the units whose officer has a Google account (the others cannot open the spreadsheet): 5
// report early, 1 with a mistake, 10 on the deadline day (one at 23:30), 1 a day late; 8 never, in row order.
const typing = codes.filter((code) => hasGoogleAccount(unit(code).editors[0]!));
const EARLY = typing.slice(0, 5);
const WITH_ERROR = typing[5]!;
const ON_DEADLINE_DAY = typing.slice(6, 16);
const LAST_MINUTE = typing[16]!;
const LATE = typing[17]!;
const NEVER = codes.filter((code) => !typing.slice(0, 18).includes(code));

describe('checkDeadlines through a quarter', () => {
  let world: World;
  let smtp: TestSmtp;
  let mailer: Mailer;

  const type = async (code: string, values: string[] = VALID_ROW, from = 'C') =>
    world.officer(unit(code).editors[0]!).spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${Q1}!${from}${rowOf(code)}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [values] },
    });
  const at = (iso: string) => world.clock.set(iso);
  const check = async (): Promise<DeadlineCheck> => {
    world.emulator.resetCounters();
    return checkDeadlines(world.deps);
  };
  const remind = async (result: DeadlineCheck) => {
    const before = smtp.received.length;
    const outcome = await sendReminders({ db: world.db, clock: world.clock, mailer }, result.reminders);
    return { outcome, mails: smtp.received.slice(before) };
  };
  /** The "Tình hình báo cáo" (Y) cells of a tab, by unit code, as the sheet shows them. */
  const deadlineColumn = async (tab = Q1) => {
    const res = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${tab}!A5:Y29`,
    });
    return new Map((res.data.values ?? []).map((r) => [String(r[0]), String(r[24] ?? '')]));
  };
  /** Flags that are up, by unit code → kind, for one period. */
  const activeFlags = async (periodKey = '2024-Q1') => {
    const snap = await world.db.collection(`directives/${world.spec.id}/flags`).get();
    return Object.fromEntries(
      snap.docs
        .filter((d) => d.get('periodKey') === periodKey && d.get('resolvedAt') === null)
        .map((d): [string, string] => [d.get('unitCode') as string, d.get('kind') as string])
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  };
  const only = (codesWithKind: [string[], string][]) =>
    Object.fromEntries(
      codesWithKind
        .flatMap(([list, kind]) => list.map((c): [string, string] => [c, kind]))
        .sort(([a], [b]) => a.localeCompare(b)),
    );

  beforeAll(async () => {
    world = await startWorld('deadlines');
    smtp = await startSmtp();
    mailer = await createSmtpMailer({ url: smtp.url, from: 'Phòng Nội vụ <no-reply@thapmuoi.example.vn>' });
    // 05/03: five units report, one with a mistake ("5 buổi" is not a number).
    for (const code of EARLY) await type(code);
    await type(WITH_ERROR);
    await type(WITH_ERROR, ['5 buổi'], 'E');
    await world.sync('setup');
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.stop();
    await world?.close();
  });

  it('12/03, before the deadline: only the report with a mistake is flagged; every unit gets its status cell', async () => {
    at('2024-03-12T01:00:00Z'); // 08:00 in Vietnam
    const result = await check();
    expect(result.failed).toEqual([]);
    const [d] = result.directives;
    expect(d).toMatchObject({
      directiveId: world.spec.id,
      openedTabs: [],
      periods: {
        '2024-Q1': {
          'chua-den-han': 19,
          'sap-den-han': 0,
          'dung-han': 5,
          'tre-han': 0,
          'qua-han': 0,
          'co-loi': 1,
        },
      },
      flags: { raised: 1, updated: 0, resolved: 0, unchanged: 24 },
      // The six units that reported got their cell from the sync that stored them; the check writes the 19 others.
      deadlineCellsWritten: 19,
      // Drive's version before and after the write: nobody else wrote, so it is recorded (decision 011).
      calls: { sheetsReads: 1, sheetsWrites: 1, driveReads: 2 },
      firestoreWrites: 1 + 1, // the flag, then the version theodoi's write left
    });
    expect(world.emulator.counters().methods).toEqual({
      'sheets.spreadsheets.values.batchGetByDataFilter': 1,
      'sheets.spreadsheets.batchUpdate': 1,
      'drive.files.get': 2,
    });
    expect(await activeFlags()).toEqual({ [WITH_ERROR]: 'co-loi' });
    const cells = await deadlineColumn();
    expect(cells.get(EARLY[0]!)).toBe('Đã báo cáo đúng hạn');
    expect(cells.get(WITH_ERROR)).toBe('Có lỗi cần sửa (1 lỗi)');
    expect(cells.get(NEVER[0]!)).toBe('Chưa đến hạn (còn 4 ngày làm việc)');
    expect(result.reminders.map((r) => [r.unitCode, r.status])).toEqual([[WITH_ERROR, 'co-loi']]);
    expect(result.reminders[0]).toMatchObject({
      periodLabel: 'Quý I/2024',
      deadline: '2024-03-18',
      unitName: unit(WITH_ERROR).name,
      contact: unit(WITH_ERROR).contact,
      emails: [unit(WITH_ERROR).contact!.email],
    });

    const { outcome, mails } = await remind(result);
    expect(outcome).toMatchObject({ unchanged: [], noAddress: [], failed: [], firestoreWrites: 1 });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual([unit(WITH_ERROR).contact!.email]);
    expect(mails[0]!.subject).toBe(`[Nhắc việc] ${unit(WITH_ERROR).name}: 1 báo cáo cần hoàn thành`);
    expect(mails[0]!.text).toContain('Tính đến 08 giờ 00 ngày 12/03/2024');
    expect(mails[0]!.text).toContain('Kỳ báo cáo: Quý I/2024; hạn báo cáo: 18/03/2024 (thứ Hai).');
    expect(mails[0]!.text).toContain('Tình hình: Có lỗi cần sửa (1 lỗi).');
  });

  it('14/03, two working days before: the 19 silent units are due soon; a second check writes nothing', async () => {
    at('2024-03-14T01:00:00Z');
    const result = await check();
    expect(result.directives[0]).toMatchObject({
      flags: { raised: 19, updated: 0, resolved: 0, unchanged: 6 },
      deadlineCellsWritten: 19,
      calls: { sheetsReads: 1, sheetsWrites: 1, driveReads: 2 },
      firestoreWrites: 19 + 1,
    });
    const silent = codes.filter((c) => !EARLY.includes(c) && c !== WITH_ERROR);
    expect(await activeFlags()).toEqual(
      only([
        [silent, 'sap-den-han'],
        [[WITH_ERROR], 'co-loi'],
      ]),
    );
    expect((await deadlineColumn()).get(NEVER[0]!)).toBe('Sắp đến hạn (còn 2 ngày làm việc)');

    // The same morning again (Cloud Scheduler retried): one read, no write, no Firestore write.
    world.clock.advance(10 * 60_000);
    const again = await check();
    expect(again.directives[0]).toMatchObject({
      flags: { raised: 0, updated: 0, resolved: 0, unchanged: 25 },
      deadlineCellsWritten: 0,
      calls: { sheetsReads: 1, sheetsWrites: 0 },
      firestoreWrites: 0,
    });
    expect(world.emulator.counters().methods).toEqual({
      'sheets.spreadsheets.values.batchGetByDataFilter': 1,
    });

    // Reminders: the 19 due-soon units get one; the unit with a mistake already has this very digest.
    const first = await remind(again);
    expect(first.mails).toHaveLength(19);
    expect(first.outcome.unchanged).toEqual([WITH_ERROR]);
    const mail = first.mails.find((m) => m.to.includes(unit(NEVER[0]!).contact!.email!))!;
    expect(mail.text).toContain('Tình hình: Sắp đến hạn (còn 2 ngày làm việc).');
    expect(mail.text).toContain(
      `Kính gửi: đồng chí ${unit(NEVER[0]!).contact!.person} — ${unit(NEVER[0]!).name}.`,
    );
    const second = await remind(await check());
    expect(second.mails).toHaveLength(0);
    expect(second.outcome).toMatchObject({ sent: [], firestoreWrites: 0 });
    expect(second.outcome.unchanged).toHaveLength(20);
  });

  it("15/03: Q2's window starts, its tab opens in the same single write; due-soon units hear again", async () => {
    at('2024-03-15T01:00:00Z');
    const result = await check();
    expect(result.directives[0]).toMatchObject({
      openedTabs: ['2024-Q2'],
      periods: { '2024-Q2': { 'chua-den-han': 25 } },
      flags: { raised: 0, updated: 19, resolved: 0 },
      deadlineCellsWritten: 19 + 25,
      calls: { sheetsReads: 1, sheetsWrites: 1 },
      firestoreWrites: 19 + 1 + 2, // the flags, the version left, then the directive's `tabs` and `periods/2024-Q2`
    });
    expect(world.emulator.counters().methods).toEqual({
      'sheets.spreadsheets.values.batchGetByDataFilter': 1,
      'sheets.spreadsheets.batchUpdate': 1,
      'drive.files.get': 2,
    });
    const stored = await getDirective(world.db, world.spec.id);
    expect(stored?.tabs['2024-Q2']).toMatchObject({ sheetId: 1001, title: 'Quý II/2024' });
    const period = await world.db.doc(`directives/${world.spec.id}/periods/2024-Q2`).get();
    expect(period.data()).toMatchObject({
      label: 'Quý II/2024',
      start: '2024-03-15',
      deadline: '2024-06-18',
    });
    const meta = await world.clients.sheets.spreadsheets.get({
      spreadsheetId: world.directive.spreadsheetId,
      fields: 'sheets.properties(title,index)',
    });
    expect(meta.data.sheets?.map((s) => s.properties?.title)).toEqual([
      'Hướng dẫn',
      'Quý I/2024',
      'Quý II/2024',
      'Tổng hợp',
    ]);
    const q2 = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${Q2}!A1:Y6`,
    });
    expect(q2.data.values?.[1]?.[0]).toMatch(/^Hạn báo cáo: 18\/06\/2024 \(thứ Ba\)/);
    expect(q2.data.values?.[4]?.slice(0, 2)).toEqual([codes[0], unit(codes[0]!).name]);
    expect(q2.data.values?.[4]?.[24]).toMatch(/^Chưa đến hạn \(còn \d+ ngày làm việc\)$/);
    // The sync now reads both tabs in its one read, and officers can report in the new tab.
    world.emulator.resetCounters();
    const synced = await world.sync('after-q2');
    expect(Object.keys(synced.periods ?? {})).toEqual(['2024-Q1', '2024-Q2']);
    expect(world.emulator.counters().methods['sheets.spreadsheets.getByDataFilter']).toBe(1);

    const { mails } = await remind(result);
    expect(mails).toHaveLength(19);
    expect(mails[0]!.text).toContain('Sắp đến hạn (còn 1 ngày làm việc)');
  });

  it('a tab added by a check that failed before recording it is adopted by the next check, not added twice', async () => {
    // As if the check of 15/03 had crashed between its Sheets write and the record of the new tab.
    const { FieldValue } = await import('firebase-admin/firestore');
    await world.db.doc(`directives/${world.spec.id}`).update({ 'tabs.2024-Q2': FieldValue.delete() });
    await world.db.doc(`directives/${world.spec.id}/periods/2024-Q2`).delete();
    world.clock.advance(60_000);
    const result = await check();
    expect(result.directives[0]).toMatchObject({
      openedTabs: [],
      deadlineCellsWritten: 0,
      problems: [],
      calls: { sheetsReads: 2, sheetsWrites: 0 },
      firestoreWrites: 2,
    });
    expect(world.emulator.counters().methods).toEqual({
      'sheets.spreadsheets.values.batchGetByDataFilter': 1,
      'sheets.spreadsheets.get': 1,
    });
    expect((await getDirective(world.db, world.spec.id))?.tabs['2024-Q2']).toMatchObject({
      sheetId: 1001,
      title: 'Quý II/2024',
    });
    expect((await world.db.doc(`directives/${world.spec.id}/periods/2024-Q2`).get()).exists).toBe(true);
  });

  it('repeats a read Sheets refused for quota (429) under the one retry policy; reports the directive when the quota stays exhausted', async () => {
    const read = 'sheets.spreadsheets.values.batchGetByDataFilter';
    world.emulator.resetCounters();
    // One 429 is absorbed by the call's own retry (Retry-After honoured); the check does not even fail once.
    world.emulator.addFault({ status: 429, count: 1, methods: [read] });
    const retried = await checkDeadlines(world.deps);
    expect(retried.failed).toEqual([]);
    expect(retried.directives[0]).toMatchObject({
      calls: { sheetsReads: 1, sheetsWrites: 0 },
      firestoreWrites: 0,
    });
    expect(world.emulator.counters()).toMatchObject({ methods: { [read]: 2 }, errors: { [read]: 1 } });

    // A quota that stays exhausted through every attempt of the policy (1 + 4 retries): nothing above the call
    // repeats it again; the directive is reported, coded, for the scheduler to retry the run.
    world.emulator.resetCounters();
    world.emulator.addFault({ status: 429, count: 10, methods: [read] });
    const failedIds: string[] = [];
    const failed = await checkDeadlines(world.deps, { onError: (id) => failedIds.push(id) });
    expect(failed.directives).toEqual([]);
    expect(failed.failed).toMatchObject([
      {
        directiveId: world.spec.id,
        code: 'quota',
        error: expect.stringContaining('Quota exceeded') as string,
      },
    ]);
    expect(world.emulator.counters()).toMatchObject({ methods: { [read]: 5 }, errors: { [read]: 5 } });
    expect(failedIds).toEqual([world.spec.id]);
    expect(failed.reminders).toEqual([]);
    world.emulator.clearFaults();
  });

  it('18/03, the deadline day: reports arriving by 23:59 resolve their flags', async () => {
    at('2024-03-18T03:00:00Z'); // 10:00
    for (const code of ON_DEADLINE_DAY) await type(code);
    await world.sync('deadline-day');
    at('2024-03-18T16:30:00Z'); // 23:30 in Vietnam: still on time
    await type(LAST_MINUTE);
    await world.sync('last-minute');
    at('2024-03-18T16:45:00Z');
    const result = await check();
    expect(result.directives[0]).toMatchObject({
      periods: { '2024-Q1': { 'dung-han': 16, 'sap-den-han': 8, 'co-loi': 1 } },
      flags: { raised: 0, resolved: 11 },
    });
    expect(await activeFlags()).toEqual(
      only([
        [[LATE, ...NEVER], 'sap-den-han'],
        [[WITH_ERROR], 'co-loi'],
      ]),
    );
    const resolved = await world.db.doc(`directives/${world.spec.id}/flags/2024-Q1~${LAST_MINUTE}`).get();
    expect(resolved.data()).toMatchObject({ kind: 'sap-den-han', resolvedAs: 'dung-han' });
    expect((resolved.get('resolvedAt') as { toDate(): Date }).toDate().toISOString()).toBe(
      '2024-03-18T16:45:00.000Z',
    );
    const cells = await deadlineColumn();
    expect(cells.get(LAST_MINUTE)).toBe('Đã báo cáo đúng hạn');
    expect(cells.get(LATE)).toBe('Sắp đến hạn (hạn chót là hôm nay)');
    // In row order.
    expect(result.reminders.filter((r) => r.periodKey === '2024-Q1').map((r) => r.unitCode)).toEqual(
      codes.filter((code) => [WITH_ERROR, LATE, ...NEVER].includes(code)),
    );
  });

  it('19/03 and 20/03, after the deadline: overdue units flagged with their working days; a late report is on record', async () => {
    at('2024-03-19T01:00:00Z');
    let result = await check();
    expect(result.directives[0]).toMatchObject({
      periods: { '2024-Q1': { 'dung-han': 16, 'qua-han': 8, 'co-loi': 1 } },
      flags: { raised: 8, updated: 1, resolved: 0 },
    });
    expect(await activeFlags()).toEqual(
      only([
        [[LATE, ...NEVER], 'qua-han'],
        [[WITH_ERROR], 'co-loi'],
      ]),
    );
    let cells = await deadlineColumn();
    expect(cells.get(LATE)).toBe('Quá hạn chưa báo cáo (quá hạn 1 ngày làm việc)');
    expect(cells.get(WITH_ERROR)).toBe('Có lỗi cần sửa (1 lỗi, quá hạn 1 ngày làm việc)');
    const overdue = await world.db.doc(`directives/${world.spec.id}/flags/2024-Q1~${LATE}`).get();
    expect(overdue.data()).toMatchObject({ kind: 'qua-han', workingDaysOverdue: 1, resolvedAt: null });
    expect(overdue.get('history')).toMatchObject([{ kind: 'sap-den-han' }]);
    let sent = await remind(result);
    expect(sent.mails).toHaveLength(9);
    expect(sent.mails.map((m) => m.subject).join('\n')).not.toContain(unit(EARLY[0]!).name);

    // The late unit reports on the 19th; on the 20th it is "trễ 1 ngày", the others are 2 days overdue.
    at('2024-03-19T03:00:00Z');
    await type(LATE);
    await world.sync('late');
    at('2024-03-20T01:00:00Z');
    result = await check();
    expect(result.directives[0]).toMatchObject({
      periods: { '2024-Q1': { 'dung-han': 16, 'tre-han': 1, 'qua-han': 7, 'co-loi': 1 } },
      flags: { raised: 1, updated: 8, resolved: 0 },
    });
    expect(await activeFlags()).toEqual(
      only([
        [NEVER, 'qua-han'],
        [[LATE], 'tre-han'],
        [[WITH_ERROR], 'co-loi'],
      ]),
    );
    cells = await deadlineColumn();
    expect(cells.get(LATE)).toBe('Báo cáo trễ hạn (trễ 1 ngày làm việc)');
    expect(cells.get(NEVER[0]!)).toBe('Quá hạn chưa báo cáo (quá hạn 2 ngày làm việc)');
    const late = await world.db.doc(`directives/${world.spec.id}/flags/2024-Q1~${LATE}`).get();
    expect(late.data()).toMatchObject({ kind: 'tre-han', workingDaysLate: 1 });
    expect(late.get('history')).toMatchObject([{ kind: 'sap-den-han' }, { kind: 'qua-han' }]);
    // The late unit has nothing left to chase: no mail; the 7 others and the unit with a mistake hear again.
    sent = await remind(result);
    expect(sent.outcome.sent.map((s) => s.unitCode).sort()).toEqual([WITH_ERROR, ...NEVER].sort());
  });
});
