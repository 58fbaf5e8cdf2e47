// A spreadsheet no longer shared with the account theodoi acts as (Sheets: 403 PERMISSION_DENIED) or deleted
// (404 NOT_FOUND): a Vietnamese error, the directive marked in Firestore, the sweep and the deadline check
// carry on with the other directives, and the mark is cleared by the first sync that opens the spreadsheet again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogFields } from '@theodoi/functions/logger';
import { getDirective } from '@theodoi/functions/store/directives';
import { checkDeadlines } from '@theodoi/functions/usecases/check-deadlines';
import { sweepDirectives } from '@theodoi/functions/usecases/sweep';
import { buildDashboard } from '@theodoi/functions/usecases/build-dashboard';
import { createLogs } from '@theodoi/functions/logs';
import { syncDirective } from '@theodoi/functions/usecases/sync-directive';
import { clientsFor } from '@theodoi/test-kit/clients';
import { startWorld, type World } from '@theodoi/test-kit/world';

/** A colleague of the coordinator (Phòng Nội vụ's own address, a Google account) the files are handed over to. */
const COLLEAGUE = 'nv@thapmuoi.example.vn';

describe('a spreadsheet theodoi can no longer open', () => {
  let world: World;
  let shared = '';
  let unshared = '';
  let deleted = '';
  const logged: { message: string; fields?: LogFields }[] = [];
  const log = (message: string, fields?: LogFields) =>
    logged.push({ message, ...(fields ? { fields } : {}) });
  const deps = () => ({
    ...world.deps,
    events: createLogs({ debug: log, info: log, warning: log, error: log }),
  });
  const colleague = () => clientsFor(world.emulator, COLLEAGUE).drive;
  /**
   * The coordinator hands the file over to a colleague (staying a writer), as Drive's Share dialog allows; the colleague
   * moves it out of theodoi's folder (whose owner, the coordinator, would still reach it) into their own Drive.
   */
  const handOver = async (spreadsheetId: string) => {
    await world.clients.drive.permissions.create({
      fileId: spreadsheetId,
      transferOwnership: true,
      requestBody: { type: 'user', role: 'owner', emailAddress: COLLEAGUE },
    });
    const file = await colleague().files.get({ fileId: spreadsheetId, fields: 'parents' });
    await colleague().files.update({
      fileId: spreadsheetId,
      addParents: 'root',
      removeParents: file.data.parents!.join(','),
    });
  };
  const edit = (spreadsheetId: string) =>
    world.clients.sheets.spreadsheets.values.update({
      spreadsheetId,
      range: "'Quý I/2024'!C6",
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['2']] },
    });

  beforeAll(async () => {
    world = await startWorld('access');
    shared = world.directive.spreadsheetId;
    unshared = (await world.another('cchc-access-b')).spreadsheetId;
    deleted = (await world.another('cchc-access-c')).spreadsheetId;
    await sweepDirectives(deps());
    await sweepDirectives(deps());
  });
  afterAll(async () => world?.close());

  it('answers as Google does: 403 for a file no longer shared, 404 for a file deleted', async () => {
    await handOver(unshared);
    const drive = colleague();
    const permissions = await drive.permissions.list({
      fileId: unshared,
      fields: 'permissions(id,emailAddress)',
    });
    const ours = permissions.data.permissions?.find((p) => p.emailAddress === world.deps.actingAccount);
    await drive.permissions.delete({ fileId: unshared, permissionId: ours!.id! });
    await handOver(deleted);
    await drive.files.delete({ fileId: deleted });

    const read = (spreadsheetId: string) =>
      world.clients.sheets.spreadsheets.get({ spreadsheetId }).then(
        () => undefined,
        (error: { status: number; response: { data: unknown } }) => ({
          status: error.status,
          body: error.response.data,
        }),
      );
    expect(await read(unshared)).toEqual({
      status: 403,
      body: {
        error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' },
      },
    });
    expect(await read(deleted)).toEqual({
      status: 404,
      body: { error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' } },
    });
  });

  it('fails a sync with a Vietnamese error and marks the directive', async () => {
    const syncB = () => syncDirective(deps(), { directiveId: 'cchc-access-b', trigger: 'test' });
    await expect(syncB()).rejects.toMatchObject({
      name: 'UserFacingError',
      code: 'access-lost',
      message: expect.stringContaining(
        `Hệ thống không còn quyền mở bảng tính của công văn "cchc-access-b" (mã ${unshared})`,
      ) as string,
    });
    const marked = await getDirective(world.db, 'cchc-access-b');
    expect(marked?.access).toMatchObject({
      state: 'lost',
      reason: 'permission-denied',
      message: expect.stringContaining(`chia sẻ lại bảng tính cho ${world.deps.actingAccount}`) as string,
    });
    const since = marked!.access!.since.toDate();
    // A later failure keeps when the loss began; the lease was released each time.
    world.clock.advance(5 * 60_000);
    await expect(syncB()).rejects.toMatchObject({ code: 'access-lost' });
    const again = await getDirective(world.db, 'cchc-access-b');
    expect(again?.access?.since.toDate()).toEqual(since);
    expect(again?.access?.lastFailedAt.toDate().getTime()).toBeGreaterThan(since.getTime());
    expect(logged.filter((l) => l.message === 'Spreadsheet access lost')[0]?.fields).toEqual({
      directiveId: 'cchc-access-b',
      spreadsheetId: unshared,
      reason: 'permission-denied',
      since: since.toISOString(),
    });
  });

  it("shows the lost directive on the organisation's dashboard, the others as usual", async () => {
    const dashboard = await buildDashboard(world.deps, { organisationId: world.spec.organisation });
    const lines = new Map(dashboard.model.directives.map((d) => [d.id, d.accessLost ?? false]));
    expect(lines.get('cchc-access-b')).toBe(true);
    expect(lines.get(world.spec.id)).toBe(false);
  });

  it('lets the sweep and the deadline check carry on with the other directives', async () => {
    await edit(shared);
    const sweep = await sweepDirectives(deps());
    expect(sweep.changedDirectives).toBe(3);
    expect(sweep.outcomes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ directiveId: world.spec.id, result: 'synced', changedUnits: 1 }),
        {
          directiveId: 'cchc-access-b',
          code: 'access-lost',
          error: expect.stringContaining('không còn được chia sẻ với tài khoản') as string,
        },
        {
          directiveId: 'cchc-access-c',
          code: 'access-lost',
          error: expect.stringContaining(
            `Không tìm thấy bảng tính của công văn "cchc-access-c" (mã ${deleted})`,
          ) as string,
        },
      ]),
    );
    expect((await getDirective(world.db, 'cchc-access-c'))?.access?.reason).toBe('not-found');

    const check = await checkDeadlines(deps());
    expect(check.directives.map((d) => d.directiveId)).toEqual([world.spec.id]);
    expect(check.failed).toEqual([
      {
        directiveId: 'cchc-access-b',
        code: 'access-lost',
        error: expect.stringContaining('chia sẻ lại') as string,
      },
      {
        directiveId: 'cchc-access-c',
        code: 'access-lost',
        error: expect.stringContaining('Không tìm thấy') as string,
      },
    ]);
  });

  it('clears the mark on the first sync after the spreadsheet is shared again', async () => {
    await colleague().permissions.create({
      fileId: unshared,
      sendNotificationEmail: false,
      requestBody: { type: 'user', role: 'writer', emailAddress: world.deps.actingAccount },
    });
    // Sharing is a Drive change the coordinator's account sees: the sweep syncs that spreadsheet, not the deleted
    // one, nor the one whose statuses the last sweep wrote (theodoi's own write: decision 011).
    const sweep = await sweepDirectives(deps());
    expect(sweep.outcomes.map((o) => o.directiveId)).toEqual(['cchc-access-b']);
    expect(sweep.outcomes[0]).toMatchObject({ result: 'synced', accessRestored: true });
    expect((await getDirective(world.db, 'cchc-access-b'))?.access).toBeNull();
    expect(logged.filter((l) => l.message === 'Spreadsheet access restored')).toHaveLength(1);
    const next = await syncDirective(deps(), { directiveId: 'cchc-access-b', trigger: 'test' });
    expect(next.accessRestored).toBeUndefined();
    expect(next).toMatchObject({ firestoreWrites: 1, calls: { sheetsWrites: 0 } });
  });
});
