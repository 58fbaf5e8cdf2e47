// The seed công văn of UBND huyện Tháp Mười (CCHC propaganda 2024): every field of its draft, as domain-facts §1 gives them.
import { describe, expect, it } from 'vitest';
import { DirectiveDraftSchema } from '@theodoi/functions/domain/importer/draft';
import { importDirective } from '@theodoi/functions/domain/importer/import';
import { ALL_UNITS, fixture, thapMuoi } from '../../../../support/importer-helpers.js';

const draft = importDirective(fixture('congvan-thap-muoi-cchc-2024.txt'), thapMuoi, {
  file: 'congvan-thap-muoi-cchc-2024.txt',
  format: 'txt',
});

describe('importing the seed công văn', () => {
  it('is a valid draft of the organisation, tagged with its source', () => {
    expect(DirectiveDraftSchema.parse(draft)).toEqual(draft);
    expect(draft.format).toBe('theodoi/directive-draft@1');
    expect(draft.organisation).toBe('huyen-thap-muoi');
    expect(draft.source).toEqual({ file: 'congvan-thap-muoi-cchc-2024.txt', format: 'txt', ocr: null });
  });

  it('reads the issuer from the two header lines, properly cased, with no parent line', () => {
    expect(draft.issuer).toEqual({
      name: 'Ủy ban nhân dân huyện Tháp Mười',
      parent: null,
      lines: ['ỦY BAN NHÂN DÂN', 'HUYỆN THÁP MƯỜI'],
    });
  });

  it('keeps "Số: /UBND-NV" as not yet numbered', () => {
    expect(draft.numberSymbol).toEqual({ raw: '/UBND-NV', number: null, year: null, symbol: 'UBND-NV' });
  });

  it('reads the place and a date whose day is blank, without inventing the day', () => {
    expect(draft.place).toBe('Tháp Mười');
    expect(draft.date).toEqual({ year: 2024, month: 2, day: null, raw: 'ngày tháng 02 năm 2024' });
  });

  it('is a công văn (V/v, no type title) whose subject runs over three lines', () => {
    expect(draft.kind).toBe('cong-van');
    expect(draft.kindLabel).toBe('Công văn');
    expect(draft.subject).toBe(
      'triển khai Quyết định ban hành Kế hoạch thông tin, tuyên truyền CCHC năm 2024 của Bộ Nội vụ',
    );
  });

  it('resolves both "Kính gửi" lines to whole groups: every department and every commune and town', () => {
    expect(draft.recipients).toEqual({
      lines: [
        { text: 'Các ban, ngành thuộc UBND huyện', units: [], groups: ['ban-nganh'], unresolved: [] },
        { text: 'Ủy ban nhân dân các xã, thị trấn', units: [], groups: ['xa-thi-tran'], unresolved: [] },
      ],
      unitCodes: ALL_UNITS,
      groups: ['ban-nganh', 'xa-thi-tran'],
      unresolved: [],
    });
    expect(draft.recipients.unitCodes).toHaveLength(25);
  });

  it('finds the four referenced documents with type, number, date, issuer and subject', () => {
    expect(draft.references).toEqual([
      {
        kind: 'cong-van',
        kindLabel: 'Công văn',
        raw: 'Công văn số 06/UBND-HCC ngày 26/01/2024 của Ủy ban nhân dân tỉnh',
        numberSymbol: { raw: '06/UBND-HCC', number: 6, year: null, symbol: 'UBND-HCC' },
        title: null,
        date: { year: 2024, month: 1, day: 26 },
        issuer: 'Ủy ban nhân dân tỉnh',
        subject:
          'triển khai Quyết định ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024 của Bộ Nội vụ',
      },
      {
        kind: 'quyet-dinh',
        kindLabel: 'Quyết định',
        raw: 'Quyết định số 35/QĐ-BNV ngày 22/01/2024 của Bộ Nội vụ',
        numberSymbol: { raw: '35/QĐ-BNV', number: 35, year: null, symbol: 'QĐ-BNV' },
        title: null,
        date: { year: 2024, month: 1, day: 22 },
        issuer: 'Bộ Nội vụ',
        subject: 'ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024',
      },
      {
        kind: 'quyet-dinh',
        kindLabel: 'Quyết định',
        raw: 'Quyết định số 12133/QĐ-UBND ngày 31/12/2021 của Ủy ban nhân dân huyện',
        numberSymbol: { raw: '12133/QĐ-UBND', number: 12133, year: null, symbol: 'QĐ-UBND' },
        title: null,
        date: { year: 2021, month: 12, day: 31 },
        issuer: 'Ủy ban nhân dân huyện',
        subject:
          'ban hành Kế hoạch “Tăng cường công tác thông tin, tuyên truyền cải cách hành chính huyện Tháp Mười giai đoạn 2021 – 2025, định hướng đến 2030”',
      },
      {
        kind: 'ke-hoach',
        kindLabel: 'Kế hoạch',
        raw: 'Kế hoạch số 9327/KH-UBND ngày 29/12/2023 của Ủy ban nhân dân huyện',
        numberSymbol: { raw: '9327/KH-UBND', number: 9327, year: null, symbol: 'KH-UBND' },
        title: null,
        date: { year: 2023, month: 12, day: 29 },
        issuer: 'Ủy ban nhân dân huyện',
        subject: 'cải cách hành chính năm 2024',
      },
    ]);
  });

  it('finds task 1, led by the heads of departments and the commune chairs (both groups), with no deadline', () => {
    const task = draft.tasks[0];
    expect(task?.id).toBe('1');
    expect(task?.source).toBe('item');
    expect(task?.headings).toEqual([]);
    expect(task?.text).toMatch(
      /^Thủ trưởng các ban, ngành huyện, Chủ tịch UBND các xã, thị trấn tăng cường thông tin/,
    );
    expect(task?.text).toMatch(/cải cách hành chính năm 2024\.$/);
    expect(task?.lead).toEqual({
      raw: 'Thủ trưởng các ban, ngành huyện, Chủ tịch UBND các xã, thị trấn',
      units: [],
      groups: ['ban-nganh', 'xa-thi-tran'],
      unresolved: [],
      unspecified: [],
    });
    expect(task?.cooperating).toEqual({ raw: null, units: [], groups: [], unresolved: [], unspecified: [] });
    expect(task?.deadlines).toEqual([]);
  });

  it('finds task 2, led (chủ trì) by Phòng Nội vụ with "related agencies" as co-operating, and no closing paragraph as a task', () => {
    expect(draft.tasks).toHaveLength(2);
    const task = draft.tasks[1];
    expect(task?.id).toBe('2');
    expect(task?.text).toMatch(/^Giao Phòng Nội vụ huyện chủ trì/);
    expect(task?.text).not.toMatch(/Yêu cầu/);
    expect(task?.lead).toEqual({
      raw: 'Phòng Nội vụ huyện',
      units: ['NV'],
      groups: [],
      unresolved: [],
      unspecified: [],
    });
    expect(task?.cooperating).toEqual({
      raw: 'các cơ quan, đơn vị liên quan liên quan',
      units: [],
      groups: [],
      unresolved: [],
      unspecified: ['các cơ quan, đơn vị liên quan liên quan'],
    });
    expect(task?.deadlines).toEqual([]);
  });

  it('reads the signer with "**" bold markers stripped', () => {
    expect(draft.signer).toEqual({
      authorities: [{ kind: 'TM', of: 'Ủy ban nhân dân' }],
      title: 'Chủ tịch',
      name: 'Đoàn Thanh Bình',
    });
  });

  it('reads "Nơi nhận" with the archive line split', () => {
    expect(draft.distribution).toEqual({
      entries: [
        'Như trên',
        'CT, các PCT.UBND huyện',
        'Chi nhánh VP đăng ký đất đai huyện',
        'LĐVP',
        'Lưu: VT, NCNV (s)',
      ],
      archive: ['VT', 'NCNV (s)'],
      units: [],
      groups: [],
    });
  });

  it('names exactly what is missing — the number, the day, the two deadlines — and warns of nothing', () => {
    expect(draft.missing).toEqual(['number', 'date.day', 'tasks[1].deadline', 'tasks[2].deadline']);
    expect(draft.warnings).toEqual([]);
  });
});
