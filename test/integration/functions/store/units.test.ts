// Importing an organisation writes only what changed, retires units dropped from the file, and lists them back.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@theodoi/functions/config';
import { parseOrganisation, type Organisation } from '@theodoi/functions/domain/organisation';
import { openFirestore } from '@theodoi/functions/store/firestore';
import {
  getOrganisation,
  importOrganisation,
  listUnits,
  setDashboardFingerprint,
  setDashboardSpreadsheet,
} from '@theodoi/functions/store/units';
import type { Firestore } from 'firebase-admin/firestore';

const thapMuoi = parseOrganisation(
  JSON.parse(
    readFileSync(new URL('../../../../examples/thap-muoi-2024/organisation.json', import.meta.url), 'utf8'),
  ),
);

describe('importOrganisation', () => {
  let db: Firestore;
  beforeAll(async () => {
    db = await openFirestore(loadConfig({ ...process.env, GOOGLE_CLOUD_PROJECT: 'theodoi-it-units' }));
  });

  it('creates every unit once, then writes nothing when the file has not changed', async () => {
    const org: Organisation = { ...thapMuoi, id: 'thap-muoi-a' };
    const first = await importOrganisation(db, org, new Date('2024-02-01T01:00:00Z'));
    expect(first).toMatchObject({ updated: [], unchanged: [], retired: [], writes: 26 });
    expect(first.created).toHaveLength(25);

    const again = await importOrganisation(db, org, new Date('2024-02-02T01:00:00Z'));
    expect(again).toMatchObject({ created: [], updated: [], retired: [], writes: 0 });
    expect(again.unchanged).toHaveLength(25);

    const units = await listUnits(db, 'thap-muoi-a');
    expect(units).toHaveLength(25);
    expect(units[0]).toMatchObject({ group: 'ban-nganh', active: true });
    expect(units.find((u) => u.code === '30052')?.name).toBe('UBND xã Mỹ Hòa');
  });

  it("lists the units in the file's order, and follows the file when it is reordered", async () => {
    const org: Organisation = { ...thapMuoi, id: 'thap-muoi-order' };
    await importOrganisation(db, org, new Date('2024-02-01T01:00:00Z'));
    // Văn phòng HĐND và UBND first, as the file lists it, not 11th as its code "VP" would sort.
    expect((await listUnits(db, org.id)).map((u) => u.code)).toEqual(thapMuoi.units.map((u) => u.code));
    const reordered = [...thapMuoi.units.slice(12), ...thapMuoi.units.slice(0, 12)];
    const result = await importOrganisation(
      db,
      { ...org, units: reordered },
      new Date('2024-02-02T01:00:00Z'),
    );
    expect(result.updated).toHaveLength(25);
    expect((await listUnits(db, org.id)).map((u) => u.code)).toEqual(reordered.map((u) => u.code));
  });

  it("keeps the dashboard's spreadsheet and fingerprint over a re-import, writing nothing when the file is the same", async () => {
    const org: Organisation = { ...thapMuoi, id: 'thap-muoi-dashboard' };
    await importOrganisation(db, org, new Date('2024-02-01T01:00:00Z'));
    const dashboard = { spreadsheetId: 'dash-1', spreadsheetUrl: 'https://example.test/dash-1' };
    await setDashboardSpreadsheet(db, org.id, dashboard);
    await setDashboardFingerprint(db, org.id, 'fp-1', { evaluationChart: true });
    const again = await importOrganisation(db, org, new Date('2024-02-02T01:00:00Z'));
    expect(again.writes).toBe(0);
    const renamed = await importOrganisation(
      db,
      { ...org, name: `${org.name} (mới)` },
      new Date('2024-02-03T01:00:00Z'),
    );
    expect(renamed.writes).toBe(1);
    expect(await getOrganisation(db, org.id)).toMatchObject({
      dashboardSpreadsheetId: 'dash-1',
      dashboardSpreadsheetUrl: 'https://example.test/dash-1',
      dashboardFingerprint: 'fp-1',
      dashboardEvaluationChart: true,
    });
  });

  it('updates a renamed unit and retires one dropped from the file without deleting it', async () => {
    const org: Organisation = { ...thapMuoi, id: 'thap-muoi-b' };
    await importOrganisation(db, org, new Date('2024-02-01T01:00:00Z'));
    const changed: Organisation = {
      ...org,
      units: org.units
        .filter((u) => u.code !== '30073')
        .map((u) => (u.code === '30055' ? { ...u, name: 'UBND xã Mỹ Quí' } : u)),
    };
    const result = await importOrganisation(db, changed, new Date('2024-07-01T01:00:00Z'));
    expect(result).toMatchObject({ created: [], updated: ['30055'], retired: ['30073'], writes: 3 });
    expect(await listUnits(db, 'thap-muoi-b')).toHaveLength(24);
    const all = await listUnits(db, 'thap-muoi-b', { includeInactive: true });
    expect(all.find((u) => u.code === '30073')).toMatchObject({ active: false, name: 'UBND xã Thanh Mỹ' });
  });
});

describe('theodoi units import', () => {
  const run = (args: string[], project: string) =>
    promisify(execFile)('npx', ['tsx', 'scripts/cli/main.ts', ...args], {
      env: { ...process.env, GOOGLE_CLOUD_PROJECT: project },
    });

  it('loads the Tháp Mười example and reports what it wrote, in Vietnamese', async () => {
    const { stdout } = await run(
      ['units', 'import', 'examples/thap-muoi-2024/organisation.json'],
      'theodoi-it-cli',
    );
    expect(stdout).toContain(
      'Đã nạp danh sách đơn vị của Ủy ban nhân dân huyện Tháp Mười: 25 thêm mới, 0 cập nhật, 0 không đổi, 0 thôi trực thuộc (26 lượt ghi Firestore).',
    );
    const listed = await run(['units', 'list', 'huyen-thap-muoi'], 'theodoi-it-cli');
    expect(listed.stdout).toContain('30052\tUBND xã Mỹ Hòa\txa-thi-tran');
    expect(listed.stdout).toContain('Tổng cộng 25 đơn vị.');
  }, 30_000);

  it('refuses an invalid file, naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'org-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'id: Bad Id\nname: X\n');
    await expect(run(['units', 'import', file], 'theodoi-it-cli')).rejects.toMatchObject({
      stderr: expect.stringMatching(
        /không hợp lệ:[\s\S]*- id: mã tổ chức chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang[\s\S]*- level: Tùy chọn không hợp lệ/,
      ) as unknown,
    });
  }, 30_000);
});
