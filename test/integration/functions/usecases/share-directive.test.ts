// Sharing a directive's spreadsheet on the strict emulator: Drive's sharing limit (403 sharingRateLimitExceeded) is
// waited out; a limit that outlasts the backoff leaves the directive registered with its spreadsheet and the rest of
// the addresses pending, and running `directive create` again finishes on the same spreadsheet, sharing each address
// once; `directive share` gets an address in once it became a Google account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDirective, type DirectiveRecord } from '@theodoi/functions/store/directives';
import { createDirective, type CreateDirectiveDeps } from '@theodoi/functions/usecases/create-directive';
import { shareDirective } from '@theodoi/functions/usecases/share-directive';
import { buildWorld, quarterlyDirective, thapMuoi, type LocalWorld } from '@theodoi/test-kit/world';

const NAME = 'share1';
/** Three units whose officers are Google accounts, and Phòng Y tế, whose address is not one. */
const RECIPIENTS = ['VP', 'TP', 'TCKH', 'YT'];
const HEALTH = 'yt@thapmuoi.example.vn';

interface EmulatorFile {
  id: string;
  mimeType: string;
  owner: string;
}
interface Email {
  to: string;
  fileId: string;
  kind: 'share' | 'invitation';
}

describe('sharing a directive under Drive’s sharing limit', () => {
  let world: LocalWorld;
  let deps: CreateDirectiveDeps;
  const admin = async <T>(path: string, init?: RequestInit): Promise<T> =>
    (await (await fetch(`${world.emulator.url}${path}`, init)).json()) as T;
  const emailsAbout = async (fileId: string) =>
    (await admin<{ emails: Email[] }>('/__emulator/emails')).emails.filter((e) => e.fileId === fileId);
  const spreadsheets = async () =>
    (await admin<{ files: EmulatorFile[] }>('/__emulator/files')).files.filter(
      (f) => f.mimeType === 'application/vnd.google-apps.spreadsheet',
    );
  const limitSharing = (count: number) =>
    admin('/__emulator/faults', {
      method: 'POST',
      body: JSON.stringify({
        status: 403,
        reason: 'sharingRateLimitExceeded',
        count,
        methods: ['drive.permissions.create'],
      }),
    });

  beforeAll(async () => {
    world = await buildWorld({
      project: `theodoi-it-${NAME}`,
      clock: '2024-03-05T02:00:00Z',
      organisation: { ...thapMuoi, id: `org-${NAME}` },
      retry: { retries: 2, baseMs: 1, maxWaitMs: 5 },
    });
    // Three waits of a few milliseconds where production waits up to a minute.
    deps = { ...world.deps, sharingRetry: { retries: 3, baseMs: 1, maxWaitMs: 5 } };
  });
  afterAll(async () => world?.close());

  it('waits out a short limit and shares every address once, inviting the one that is no Google account', async () => {
    await limitSharing(3);
    const created = await createDirective(
      deps,
      quarterlyDirective(`cchc-${NAME}-a`, world.organisation, RECIPIENTS),
    );
    expect(created.sharing.map((o) => [o.address, o.status])).toEqual([
      ['vp@thapmuoi.example.vn', 'shared'],
      ['tp@thapmuoi.example.vn', 'shared'],
      ['tckh@thapmuoi.example.vn', 'shared'],
      [HEALTH, 'needs-google-account'],
    ]);
    expect((await admin<{ faults: unknown[] }>('/__emulator/faults')).faults).toEqual([]);
    const sent = await emailsAbout(created.spreadsheetId);
    expect(sent.map((e) => [e.to, e.kind])).toEqual([
      ['vp@thapmuoi.example.vn', 'share'],
      ['tp@thapmuoi.example.vn', 'share'],
      ['tckh@thapmuoi.example.vn', 'share'],
      [HEALTH, 'invitation'],
    ]);
  });

  it('leaves the rest pending when the limit outlasts the backoff; the rerun finishes on the same spreadsheet', async () => {
    const before = (await spreadsheets()).length;
    // Drive refuses every share for longer than the backoff waits.
    await limitSharing(100);
    const stopped = await createDirective(
      deps,
      quarterlyDirective(`cchc-${NAME}-b`, world.organisation, RECIPIENTS),
    );
    expect(stopped.sharing.map((o) => o.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
    // Registered before any sharing: the directive is open, its spreadsheet recorded, the addresses stored pending.
    const stored = await loadDirective(world.db, `cchc-${NAME}-b`);
    expect(stored?.state).toBe('ready');
    expect(stored?.record.spreadsheetId).toBe(stopped.spreadsheetId);
    expect((stored?.record as DirectiveRecord | undefined)?.sharing?.map((o) => o.status)).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
    ]);

    await admin('/__emulator/faults', { method: 'DELETE' });
    const resumed = await createDirective(
      deps,
      quarterlyDirective(`cchc-${NAME}-b`, world.organisation, RECIPIENTS),
    );
    expect(resumed.resumed).toBe(true);
    expect(resumed.spreadsheetId).toBe(stopped.spreadsheetId);
    expect(resumed.warnings).toContain(
      `Công văn "cchc-${NAME}-b" đã được đăng ký nhưng lần tạo trước chưa xong; tiếp tục từ bước còn dở.`,
    );
    expect(resumed.sharing.map((o) => o.status)).toEqual([
      'shared',
      'shared',
      'shared',
      'needs-google-account',
    ]);
    expect(await spreadsheets()).toHaveLength(before + 1);
    expect((await emailsAbout(stopped.spreadsheetId)).map((e) => e.to)).toEqual([
      'vp@thapmuoi.example.vn',
      'tp@thapmuoi.example.vn',
      'tckh@thapmuoi.example.vn',
      HEALTH,
    ]);
  });

  it('shares, with `directive share`, an address that became a Google account, and only that one', async () => {
    const id = `cchc-${NAME}-b`;
    const spreadsheetId = (await loadDirective(world.db, id))!.record.spreadsheetId!;
    const nothingYet = await shareDirective(deps, id);
    expect(nothingYet.sharedNow).toBe(0);
    const res = await fetch(`${world.emulator.url}/__emulator/accounts`, {
      method: 'POST',
      body: JSON.stringify({ email: HEALTH, kind: 'consumer' }),
    });
    expect(res.status).toBe(200);
    const report = await shareDirective(deps, id);
    expect(report.sharedNow).toBe(1);
    expect(report.outcomes.every((o) => o.status === 'shared')).toBe(true);
    const toHealth = (await emailsAbout(spreadsheetId)).filter((e) => e.to === HEALTH);
    expect(toHealth.map((e) => e.kind)).toEqual(['invitation', 'share']);
  });
});
