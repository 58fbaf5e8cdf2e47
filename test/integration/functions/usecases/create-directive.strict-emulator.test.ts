// The product on Google's terms, against the strict emulator (Google's account model). The old way stays as proof:
// a service account owns no My Drive file, so its spreadsheets.create is refused 403, and so is provisioning through
// it (Drive's files.create of theodoi's folder: storageQuotaExceeded): nothing is made, the directive stays
// `provisioning`. The way Google allows, beside it: the coordinator logged in through the loopback flow, the
// spreadsheet created by Drive in theodoi's folder of the coordinator's My Drive, owned by the coordinator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Firestore } from 'firebase-admin/firestore';
import { ManualClock } from '@theodoi/functions/clock';
import { loadConfig } from '@theodoi/functions/config';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { createGoogleClients } from '@theodoi/functions/sheets/api/clients';
import { SERVICE_ACCOUNT_SCOPES } from '@theodoi/functions/sheets/api/grant';
import { loadDirective } from '@theodoi/functions/store/directives';
import { openFirestore } from '@theodoi/functions/store/firestore';
import { importOrganisation } from '@theodoi/functions/store/units';
import { createDirective, type CreateDirectiveDeps } from '@theodoi/functions/usecases/create-directive';
import { start, type EmulatorServer } from '@theodoi/sheets-emulator/server';
import { clientsFor } from '@theodoi/test-kit/clients';
import { THEODOI_DESKTOP_CLIENT } from '@theodoi/test-kit/emulators/local';
import { loginThroughEmulator } from '@theodoi/test-kit/login';
import { quarterlyDirective, thapMuoi } from '@theodoi/test-kit/world';

const NAME = 'strict';
const ORG = { ...thapMuoi, id: `org-${NAME}` };
const COORDINATOR = thapMuoi.coordinator.email;

interface EmulatorFile {
  id: string;
  name: string;
  mimeType: string;
  owner: string;
  parents: string[];
}

describe('createDirective against the strict emulator', () => {
  let emulator: EmulatorServer;
  let db: Firestore;
  const clock = new ManualClock('2024-03-05T02:00:00Z');
  const base = { clock, calendar: createCalendar() };
  const files = async () =>
    ((await (await fetch(`${emulator.url}/__emulator/files`)).json()) as { files: EmulatorFile[] }).files;

  beforeAll(async () => {
    emulator = await start({ oauthClients: [THEODOI_DESKTOP_CLIENT], notifications: { batchMs: 0 } }); // strict
    db = await openFirestore(loadConfig({ ...process.env, GOOGLE_CLOUD_PROJECT: `theodoi-it-${NAME}` }));
    await importOrganisation(db, ORG, clock.now());
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  describe('the old way: the service account creates and owns', () => {
    const serviceAccount = loadConfig({ GOOGLE_CLOUD_PROJECT: `theodoi-it-${NAME}` }).serviceAccount;
    const asServiceAccount = () =>
      clientsFor(emulator, serviceAccount, {
        retry: false,
        scopes: ['https://www.googleapis.com/auth/spreadsheets', ...SERVICE_ACCOUNT_SCOPES],
      });

    it('is refused by Sheets: spreadsheets.create answers Google’s 403 storage-quota error', async () => {
      const error = (await asServiceAccount()
        .sheets.spreadsheets.create({ requestBody: { properties: { title: 'x' } } })
        .catch((e: unknown) => e)) as { status?: number; response?: { data?: unknown } };
      expect(error.status).toBe(403);
      expect(error.response?.data).toEqual({
        error: {
          code: 403,
          message: "The user's Drive storage quota has been exceeded.",
          status: 'PERMISSION_DENIED',
        },
      });
    });

    it('stops provisioning at the first file with Drive’s storageQuotaExceeded: nothing made, nothing open', async () => {
      const deps: CreateDirectiveDeps = {
        db,
        clients: { ...asServiceAccount(), retry: { retries: 1, baseMs: 1, maxWaitMs: 5 } },
        actingAccount: serviceAccount,
        ...base,
      };
      const spec = quarterlyDirective(`cchc-${NAME}-sa`, ORG);
      const error = (await createDirective(deps, spec).then(
        () => {
          throw new Error('createDirective succeeded where Google refuses it');
        },
        (e: unknown) => e,
      )) as { code?: string; status?: number; reason?: string };
      expect([error.code, error.status, error.reason]).toEqual([
        'permission-denied',
        403,
        'storageQuotaExceeded',
      ]);
      expect(await files()).toEqual([]);
      const stored = await loadDirective(db, spec.id);
      expect(stored?.state).toBe('provisioning');
      expect(stored?.record.spreadsheetId).toBeUndefined();
    });
  });

  describe("the way Google allows: the coordinator's grant", () => {
    it('creates the spreadsheet in theodoi’s folder of the coordinator’s My Drive, owned by the coordinator', async () => {
      const grant = await loginThroughEmulator(emulator.url, COORDINATOR);
      const config = loadConfig({
        GOOGLE_CLOUD_PROJECT: `theodoi-it-${NAME}`,
        SHEETS_EMULATOR_URL: emulator.url,
        THEODOI_GOOGLE_GRANT: JSON.stringify({
          client_id: grant.clientId,
          client_secret: grant.clientSecret,
          refresh_token: grant.refreshToken,
          email: grant.email,
        }),
      });
      const deps: CreateDirectiveDeps = {
        db,
        clients: { ...(await createGoogleClients(config)), retry: { retries: 1, baseMs: 1, maxWaitMs: 5 } },
        actingAccount: config.actingAccount!,
        sharingRetry: { retries: 1, baseMs: 1, maxWaitMs: 5 },
        ...base,
      };
      const created = await createDirective(deps, quarterlyDirective(`cchc-${NAME}`, ORG));
      const made = await files();
      const folder = made.find((f) => f.mimeType === 'application/vnd.google-apps.folder');
      const sheet = made.find((f) => f.id === created.spreadsheetId);
      expect(folder).toMatchObject({ name: 'theodoi — Theo dõi văn bản chỉ đạo', owner: COORDINATOR });
      expect(sheet).toMatchObject({ owner: COORDINATOR, parents: [folder!.id] });
      expect(made.filter((f) => f.owner.endsWith('.iam.gserviceaccount.com'))).toEqual([]);
      expect((await loadDirective(db, `cchc-${NAME}`))?.state).toBe('ready');
      // One Sheets call: the batchUpdate that shapes and fills the spreadsheet Drive made.
      expect(created.calls.sheets).toBe(1);
    });
  });
});
