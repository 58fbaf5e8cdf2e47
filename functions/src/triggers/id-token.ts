/**
 * Who is calling: the Google-signed OpenID Connect ID token a caller sends as `Authorization: Bearer`, verified with
 * google-auth-library against Google's public keys (decision 004). The token is never logged: the library's own
 * error messages quote it, so they are reduced to a reason here.
 */
import type { OAuth2Client } from 'google-auth-library';

/** Google's two spellings of its issuer; google-auth-library accepts both by default. */
export const GOOGLE_ISSUERS = ['accounts.google.com', 'https://accounts.google.com'];

/** Why a caller was refused. Every reason is a 401: the caller did not prove who it is. */
export type TokenRefusal =
  'missing-token' | 'invalid-token' | 'expired-token' | 'wrong-audience' | 'unverified-email';

/** The verified caller's address, or why there is none. */
export type VerifiedCaller = { ok: true; email: string } | { ok: false; reason: TokenRefusal };

/** Checks callers' ID tokens; keeps Google's certificates cached as long as Google says. */
export interface IdTokenVerifier {
  verify(authorization: string | undefined): Promise<VerifiedCaller>;
}

/** Google's keys could not be fetched: nobody can be verified now, so the caller should try again (503). */
export class CertificatesUnavailableError extends Error {
  constructor(options: { cause: unknown }) {
    super("Google's ID-token certificates could not be fetched", options);
    this.name = 'CertificatesUnavailableError';
  }
}

/** Where the verifier finds Google's PEM certificates: Google's, or the Sheets emulator's at Google's path. */
export function certificatesUrl(sheetsEmulatorUrl: string | undefined): string | undefined {
  return sheetsEmulatorUrl ? `${sheetsEmulatorUrl.replace(/\/+$/, '')}/oauth2/v1/certs` : undefined;
}

/** A verifier accepting tokens for `audience` (the script's OAuth client id), loading google-auth-library lazily. */
export function createIdTokenVerifier(options: { audience: string; certsUrl?: string }): IdTokenVerifier {
  let client: Promise<OAuth2Client> | undefined;
  const open = () =>
    (client ??= import('google-auth-library').then(
      ({ OAuth2Client }) =>
        new OAuth2Client(
          options.certsUrl ? { endpoints: { oauth2FederatedSignonPemCertsUrl: options.certsUrl } } : {},
        ),
    ));
  return {
    async verify(authorization) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
      if (!token) return { ok: false, reason: 'missing-token' };
      const verifier = await open();
      // Fetched (or taken from the cache) apart from the check, so a failure to fetch is not blamed on the caller.
      try {
        await verifier.getFederatedSignonCertsAsync();
      } catch (error) {
        throw new CertificatesUnavailableError({ cause: error });
      }
      let payload;
      try {
        const ticket = await verifier.verifyIdToken({ idToken: token, audience: options.audience });
        payload = ticket.getPayload();
      } catch (error) {
        return { ok: false, reason: refusalOf(error) };
      }
      if (payload?.iss === undefined || !GOOGLE_ISSUERS.includes(payload.iss))
        return { ok: false, reason: 'invalid-token' };
      if (!payload.email || payload.email_verified !== true) return { ok: false, reason: 'unverified-email' };
      return { ok: true, email: payload.email.toLowerCase() };
    },
  };
}

/** The reason behind one of google-auth-library's verification errors (their messages quote the token). */
function refusalOf(error: unknown): TokenRefusal {
  const message = error instanceof Error ? error.message : '';
  if (message.startsWith('Token used too late')) return 'expired-token';
  if (message.startsWith('Wrong recipient')) return 'wrong-audience';
  return 'invalid-token';
}
