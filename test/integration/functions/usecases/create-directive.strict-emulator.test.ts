// The product on Google's terms: createDirective provisions its spreadsheet as the service account with theodoi's
// scopes (spreadsheets + drive.file). On the strict emulator, as on Google since 2025, a service account owns no
// My Drive file, so provisioning stops at spreadsheets.create with 403 and nothing is registered. This is what
// the identity redesign (#17) has to change; until then the product's worlds run the emulator lenient.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Firestore } from 'firebase-admin/firestore';
import { ManualClock } from '@theodoi/functions/clock';
import { loadConfig } from '@theodoi/functions/config';
import { createCalendar } from '@theodoi/functions/domain/calendar/index';
import { createGoogleClients, GOOGLE_SCOPES } from '@theodoi/functions/sheets/api/clients';
import { directiveExists } from '@theodoi/functions/store/directives';
import { openFirestore } from '@theodoi/functions/store/firestore';
import { importOrganisation } from '@theodoi/functions/store/units';
import { createDirective, type CreateDirectiveDeps } from '@theodoi/functions/usecases/create-directive';
import { start, type EmulatorServer } from '@theodoi/sheets-emulator/server';
import { quarterlyDirective, thapMuoi } from '@theodoi/test-kit/world';

const NAME = 'strict';

describe('createDirective against the strict emulator', () => {
  let emulator: EmulatorServer;
  let db: Firestore;
  let deps: CreateDirectiveDeps;

  beforeAll(async () => {
    emulator = await start(); // strict: Google's account model
    const env = {
      ...process.env,
      GOOGLE_CLOUD_PROJECT: `theodoi-it-${NAME}`,
      SHEETS_EMULATOR_URL: emulator.url,
    };
    const serviceAccount = loadConfig(env).serviceAccount;
    // The token a Cloud Function's service account gets with GoogleAuth({ scopes: GOOGLE_SCOPES }).
    const token = emulator.mintToken(serviceAccount, { scopes: [...GOOGLE_SCOPES] });
    const config = loadConfig({ ...env, SHEETS_EMULATOR_TOKEN: token });
    db = await openFirestore(config);
    const clock = new ManualClock('2024-03-05T02:00:00Z');
    const org = { ...thapMuoi, id: `org-${NAME}` };
    await importOrganisation(db, org, clock.now());
    const clients = {
      ...(await createGoogleClients(config)),
      retry: { retries: 1, baseMs: 1, maxWaitMs: 5 },
    };
    deps = { db, clients, clock, calendar: createCalendar(), serviceAccount };
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  it('fails with Google’s 403 storage-quota answer and registers nothing', async () => {
    const spec = quarterlyDirective(`cchc-${NAME}`, { ...thapMuoi, id: `org-${NAME}` });
    const error = (await createDirective(deps, spec).then(
      () => {
        throw new Error('createDirective succeeded where Google refuses it');
      },
      (e: unknown) => e,
    )) as { code?: string; status?: number; cause?: { response?: { data?: unknown } } };
    expect([error.code, error.status]).toEqual(['permission-denied', 403]);
    expect(error.cause?.response?.data).toEqual({
      error: {
        code: 403,
        message: "The user's Drive storage quota has been exceeded.",
        status: 'PERMISSION_DENIED',
      },
    });
    expect(await directiveExists(db, spec.id)).toBe(false);
    const files = (await (await fetch(`${emulator.url}/__emulator/files`)).json()) as { files: unknown[] };
    expect(files.files).toEqual([]);
  });
});
