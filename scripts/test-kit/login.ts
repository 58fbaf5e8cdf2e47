/**
 * Logs a person in to the emulator through the same installed-app loopback flow as `theodoi auth login`: the consent
 * is queued with the emulator's admin endpoint and the consent URL "opened" by following it, as a browser would.
 */
import type { GoogleGrant } from '@theodoi/functions/config';
import { loginWithLoopback } from '@theodoi/functions/sheets/api/installed-app-login';
import type { OAuthClientKeys } from '@theodoi/functions/sheets/api/grant';
import { THEODOI_DESKTOP_CLIENT } from './emulators/local.js';

/** Queues who signs in at the emulator's next consent page, and whether they allow. */
export async function queueConsent(emulatorUrl: string, email: string, approve = true): Promise<void> {
  const res = await fetch(`${emulatorUrl}/__emulator/oauth/next-consent`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, approve }),
  });
  if (!res.ok)
    throw new Error(`the emulator refused the consent for ${email}: ${res.status} ${await res.text()}`);
}

/**
 * Plays the browser: opens the consent URL and follows Google's redirect to the loopback listener (whose page it
 * returns); a page instead of a redirect (an error page) is thrown with its text.
 */
export async function followInBrowser(url: string): Promise<string> {
  const consent = await fetch(url, { redirect: 'manual' });
  const location = consent.headers.get('location');
  if (consent.status !== 302 || !location)
    throw new Error(`the consent page answered ${consent.status}: ${await consent.text()}`);
  return (await fetch(location)).text();
}

/** `email`'s grant to theodoi's OAuth client, obtained through the loopback flow on the emulator at `emulatorUrl`. */
export async function loginThroughEmulator(
  emulatorUrl: string,
  email: string,
  client: OAuthClientKeys = THEODOI_DESKTOP_CLIENT,
): Promise<GoogleGrant> {
  await queueConsent(emulatorUrl, email);
  const { grant } = await loginWithLoopback({
    client,
    emulatorUrl,
    open: async (url) => {
      await followInBrowser(url);
    },
  });
  return grant;
}
