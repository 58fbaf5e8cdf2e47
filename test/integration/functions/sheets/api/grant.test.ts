// The coordinator's grant as Google treats it: inspected, it names the account and the non-sensitive scopes; once it
// expired (an OAuth client left "in Testing": refresh tokens last 7 days) or was revoked, every use is refused with
// the Vietnamese message naming `theodoi auth login`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoogleGrant } from '@theodoi/functions/config';
import { GRANT_SCOPES, inspectGrant } from '@theodoi/functions/sheets/api/grant';
import { start, type EmulatorServer } from '@theodoi/sheets-emulator/server';
import { THEODOI_DESKTOP_CLIENT } from '@theodoi/test-kit/emulators/local';
import { loginThroughEmulator } from '@theodoi/test-kit/login';

const COORDINATOR = 'dieu.phoi.thapmuoi@gmail.com';
const RELOGIN = 'Đăng nhập lại bằng lệnh "theodoi auth login"';

describe("the coordinator's grant", () => {
  let emulator: EmulatorServer;
  let now = new Date('2024-03-05T02:00:00Z');
  const refused = (grant: GoogleGrant) =>
    inspectGrant(grant, emulator.url).then(
      () => {
        throw new Error('the grant was accepted');
      },
      (e: unknown) => e as { code?: string; message: string },
    );

  beforeAll(async () => {
    emulator = await start({
      now: () => now,
      googleAccounts: [{ email: COORDINATOR, kind: 'consumer' }],
      // Left "in Testing" on the consent screen, with the coordinator as a test user.
      oauthClients: [{ ...THEODOI_DESKTOP_CLIENT, publishing: 'testing', testUsers: [COORDINATOR] }],
    });
  });
  afterAll(async () => emulator?.stop());

  it('names the account and the scopes granted while it is good', async () => {
    const grant = await loginThroughEmulator(emulator.url, COORDINATOR);
    const info = await inspectGrant(grant, emulator.url);
    expect(info.email).toBe(COORDINATOR);
    expect([...info.scopes].sort()).toEqual([...GRANT_SCOPES].sort());
  });

  it('is refused in Vietnamese, naming `theodoi auth login`, once its 7 days in Testing are over', async () => {
    const grant = await loginThroughEmulator(emulator.url, COORDINATOR);
    now = new Date(now.getTime() + 8 * 24 * 3_600_000);
    const error = await refused(grant);
    expect(error.code).toBe('invalid-grant');
    expect(error.message).toContain(RELOGIN);
  });

  it('is refused the same way once the coordinator revoked it', async () => {
    const grant = await loginThroughEmulator(emulator.url, COORDINATOR);
    const revoked = await fetch(`${emulator.url}/revoke?token=${encodeURIComponent(grant.refreshToken)}`, {
      method: 'POST',
    });
    expect(revoked.status).toBe(200);
    const error = await refused(grant);
    expect(error.code).toBe('invalid-grant');
    expect(error.message).toContain(RELOGIN);
  });
});
