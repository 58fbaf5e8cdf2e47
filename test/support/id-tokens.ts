/**
 * Test helper: ID tokens as a caller could present them to theodoi — Google's (the emulator's keys), expired, for
 * another audience, or forged (signed with a key of the caller's own under the kid Google publishes).
 */
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { GOOGLE_ISSUER, subjectOf } from '@theodoi/sheets-emulator/identity-tokens';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';

/** A valid token Google would issue to `email`'s script whose OAuth client is `audience`. */
export function googleToken(emulator: EmulatorServer, audience: string, email: string): Promise<string> {
  return emulator.identityTokens.idToken({ audience, email, includeEmail: true });
}

/** Claims of a token for `email` and `audience`, issued `ageSeconds` ago, valid one hour from then. */
function claims(audience: string, email: string, ageSeconds: number): Record<string, unknown> {
  const iat = Math.floor(Date.now() / 1000) - ageSeconds;
  return {
    iss: GOOGLE_ISSUER,
    azp: audience,
    aud: audience,
    sub: subjectOf(email),
    email,
    email_verified: true,
    iat,
    exp: iat + 3600,
  };
}

/** A token signed with Google's (the emulator's) key, but expired an hour ago. */
export function expiredToken(emulator: EmulatorServer, audience: string, email: string): Promise<string> {
  return emulator.identityTokens.sign(claims(audience, email, 2 * 3600));
}

/** A token with perfect claims, signed with the caller's own key under the kid Google publishes. */
export async function forgedToken(
  emulator: EmulatorServer,
  audience: string,
  email: string,
): Promise<string> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = await emulator.identityTokens.signingKid();
  return new SignJWT(claims(audience, email, 0))
    .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
    .sign(privateKey);
}

/** The headers of a call from a script: JSON and the token. */
export function bearer(token: string): Record<string, string> {
  return { 'content-type': 'application/json', authorization: `Bearer ${token}` };
}
