// Reading a register row: ticks, a date typed as a date, and the "Gia hạn" lines.
import { describe, expect, it } from 'vitest';
import { columnIndex } from '@theodoi/functions/domain/register/columns';
import { deadlineOf, extensionLines, readRegisterRow } from '@theodoi/functions/domain/register/row';

describe('readRegisterRow', () => {
  it('reads ticks as booleans and a date Sheets stored as a serial as dd/mm/yyyy', () => {
    const cells = new Map<number, string | number | boolean>([
      [columnIndex('text'), 'V/v …'],
      [columnIndex('deadline'), 45380],
      [columnIndex('create'), true],
      [columnIndex('close'), false],
    ]);
    const row = readRegisterRow(3, (r, c) => (r === 3 ? cells.get(c) : undefined), 'cv-1-2024');
    expect(row).toMatchObject({
      row: 3,
      create: true,
      close: false,
      confirmPast: false,
      directiveId: 'cv-1-2024',
    });
    expect(row.cells.deadline).toBe('29/03/2024');
    expect(deadlineOf(row.cells.deadline)).toBe('2024-03-29');
  });
});

describe('extensionLines', () => {
  it('reads one unit per line, with or without a reason, and keeps what it cannot read', () => {
    expect(
      extensionLines('30073: 31/12/2026 — chờ số liệu quý\nPhòng Nội vụ: 2026-12-15\n\n30052 đến 31/12'),
    ).toEqual([
      {
        line: '30073: 31/12/2026 — chờ số liệu quý',
        unit: '30073',
        until: '2026-12-31',
        reason: 'chờ số liệu quý',
      },
      { line: 'Phòng Nội vụ: 2026-12-15', unit: 'Phòng Nội vụ', until: '2026-12-15', reason: '' },
      { line: '30052 đến 31/12', unreadable: true },
    ]);
  });

  it('reads the task a line names after its unit, for a directive of tasks', () => {
    expect(
      extensionLines('TP nv2: 04/12/2026 — chờ bàn giao\nPhòng Văn hóa và Thông tin NV1: 30/11/2026'),
    ).toEqual([
      {
        line: 'TP nv2: 04/12/2026 — chờ bàn giao',
        unit: 'TP',
        task: 'nv2',
        until: '2026-12-04',
        reason: 'chờ bàn giao',
      },
      {
        line: 'Phòng Văn hóa và Thông tin NV1: 30/11/2026',
        unit: 'Phòng Văn hóa và Thông tin',
        task: 'nv1',
        until: '2026-11-30',
        reason: '',
      },
    ]);
  });
});
