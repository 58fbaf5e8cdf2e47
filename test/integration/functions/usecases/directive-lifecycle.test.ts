// A directive's lifecycle as the coordinator runs it: a unit's deadline extended (its row and Tổng hợp change at
// once, and a report before the new day is on time), refusals in Vietnamese, and closing the directive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDeadlines } from '@theodoi/functions/usecases/check-deadlines';
import {
  endDirective,
  extendDeadline,
  listAllDirectives,
} from '@theodoi/functions/usecases/directive-lifecycle';
import { startWorld, thapMuoi, type World } from '@theodoi/test-kit/world';
import { VALID_CCHC_ROW } from '../../../fixtures/cchc-rows.js';

const TAB = "'Quý I/2024'";
const codes = thapMuoi.units.map((u) => u.code);
const rowOf = (code: string) => 5 + codes.indexOf(code);
const unitOf = (code: string) => thapMuoi.units.find((u) => u.code === code)!;

describe('directive lifecycle: extend and close', () => {
  let world: World;
  const deadlineCell = async (code: string) => {
    const res = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!Y${rowOf(code)}`,
    });
    return res.data.values?.[0]?.[0] as string | undefined;
  };
  const summaryLine = async (code: string) => {
    const res = await world.clients.sheets.spreadsheets.values.get({
      spreadsheetId: world.directive.spreadsheetId,
      range: "'Tổng hợp'!A1:H80",
    });
    const rows = (res.data.values ?? []) as string[][];
    return rows.find((r) => r.includes(unitOf(code).name))?.join(' | ');
  };
  const extend = (
    unitCode: string,
    until: string,
    directiveId = world.spec.id,
    periodKey: string | null = '2024-Q1',
  ) =>
    extendDeadline(world.deps, {
      directiveId,
      unitCode,
      until,
      periodKey: periodKey ?? undefined,
      reason: 'Công văn đề nghị số 12/UBND ngày 18/3/2024',
    });

  beforeAll(async () => {
    // Tuesday 19/03/2024, 08:00 in Vietnam: the Q1 deadline (Monday 18/03) has passed and the morning check ran.
    world = await startWorld('lifecycle', '2024-03-19T01:00:00Z');
    await world.sync('initial');
    await checkDeadlines(world.deps);
  });
  afterAll(async () => world?.close());

  it('an extension turns the overdue unit back to not yet due, on its row and in Tổng hợp, at once', async () => {
    expect(await deadlineCell('TP')).toMatch(/^Quá hạn chưa báo cáo/);
    const granted = await extend('tp', '2024-03-29');
    expect(granted.period.key).toBe('2024-Q1');
    expect(granted.extension).toMatchObject({
      unitCode: 'TP',
      until: '2024-03-29',
      grantedBy: thapMuoi.coordinator.email,
    });
    expect(await deadlineCell('TP')).toMatch(/^Chưa đến hạn/);
    // Tổng hợp shows the period taking reports now, Quý II: an extension there shows beside the unit's status.
    expect(await summaryLine('VP')).not.toContain('gia hạn');
    await extend('VP', '28/06/2024'.split('/').reverse().join('-'), world.spec.id, '2024-Q2');
    expect(await summaryLine('VP')).toContain('(gia hạn đến 28/06/2024)');
    // Another unit keeps its overdue status.
    expect(await deadlineCell('VP')).toMatch(/^Quá hạn chưa báo cáo/);
  });

  it('a report before the new day is on time', async () => {
    world.clock.set('2024-03-25T03:00:00Z');
    await world.officer(unitOf('TP').editors[0]!).spreadsheets.values.update({
      spreadsheetId: world.directive.spreadsheetId,
      range: `${TAB}!C${rowOf('TP')}`,
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [[...VALID_CCHC_ROW]] },
    });
    await world.sync();
    expect(await deadlineCell('TP')).toMatch(/đúng hạn/i);
  });

  it('refuses, in Vietnamese, a day not after the deadline in force, a unit not a recipient, an unknown directive', async () => {
    await expect(extend('VP', '2024-03-15')).rejects.toThrow(
      'Ngày gia hạn 15/03/2024 không sau hạn hiện tại 18/03/2024',
    );
    await expect(extend('XYZ', '2024-04-15')).rejects.toThrow('Đơn vị "XYZ" không có trong danh sách nhận');
    // Two periods take reports now (Quý I overdue, Quý II open since 15/03): the coordinator names one.
    await expect(extend('VP', '2024-04-15', world.spec.id, null)).rejects.toThrow(
      /đang có 2 kỳ báo cáo: Quý I\/2024 \(2024-Q1, hạn 18\/03\/2024\); Quý II\/2024 .* ghi rõ kỳ cần gia hạn bằng --period/,
    );
    await expect(extend('VP', '2024-04-15', 'khong-co')).rejects.toThrow(
      'Không có công văn "khong-co" trong hệ thống.',
    );
  });

  it('closing leaves the data and takes the directive out of the morning check', async () => {
    await endDirective(world.deps, world.spec.id);
    const listed = await listAllDirectives(world.deps);
    expect(listed.find((d) => d.id === world.spec.id)?.status).toBe('closed');
    const check = await checkDeadlines(world.deps);
    expect(check.directives.map((d) => d.directiveId)).not.toContain(world.spec.id);
    await expect(extend('VP', '2024-04-15')).rejects.toThrow('đã kết thúc theo dõi');
    await expect(endDirective(world.deps, world.spec.id)).rejects.toThrow('đã kết thúc theo dõi');
  });
});
