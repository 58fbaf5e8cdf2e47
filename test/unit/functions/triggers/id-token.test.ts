// Who is calling: the verifier takes only a Google-signed ID token for theodoi's audience, unexpired, with a verified
// address, and says why it refuses any other; Google's keys out of reach is theodoi's problem, not the caller's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  certificatesUrl,
  CertificatesUnavailableError,
  createIdTokenVerifier,
  type IdTokenVerifier,
} from '@theodoi/functions/triggers/id-token';
import { GOOGLE_ISSUER, subjectOf } from '@theodoi/sheets-emulator/identity-tokens';
import { expiredToken, forgedToken, googleToken } from '../../../support/id-tokens.js';
import { startHarness, stopHarness, type Harness } from '../../../support/sheets-harness.js';

const AUDIENCE = '1234567890-kichhoat.apps.googleusercontent.com';
const COORDINATOR = 'Dieu.Phoi@gmail.com';

describe('createIdTokenVerifier', () => {
  let h: Harness;
  let verifier: IdTokenVerifier;
  const signed = (claims: Record<string, unknown>) => {
    const iat = Math.floor(Date.now() / 1000);
    return h.server.identityTokens.sign({
      iss: GOOGLE_ISSUER,
      aud: AUDIENCE,
      azp: AUDIENCE,
      sub: subjectOf(COORDINATOR),
      iat,
      exp: iat + 3600,
      ...claims,
    });
  };

  beforeAll(async () => {
    h = await startHarness();
    verifier = createIdTokenVerifier({ audience: AUDIENCE, certsUrl: certificatesUrl(h.server.url)! });
  });
  afterAll(async () => {
    await stopHarness(h);
  });

  it('accepts a token Google issued for theodoi’s audience and names its address in lower case', async () => {
    const token = await googleToken(h.server, AUDIENCE, COORDINATOR);
    expect(await verifier.verify(`Bearer ${token}`)).toEqual({ ok: true, email: 'dieu.phoi@gmail.com' });
  });

  const refusals: { name: string; header: () => Promise<string | undefined>; reason: string }[] = [
    { name: 'no Authorization header', header: () => Promise.resolve(undefined), reason: 'missing-token' },
    { name: 'another scheme', header: () => Promise.resolve('Basic dXNlcjpwYXNz'), reason: 'missing-token' },
    { name: 'not a JWT', header: () => Promise.resolve('Bearer abc.def'), reason: 'invalid-token' },
    {
      name: 'a forged signature',
      header: async () => `Bearer ${await forgedToken(h.server, AUDIENCE, COORDINATOR)}`,
      reason: 'invalid-token',
    },
    {
      name: 'an expired token',
      header: async () => `Bearer ${await expiredToken(h.server, AUDIENCE, COORDINATOR)}`,
      reason: 'expired-token',
    },
    {
      name: 'another audience',
      header: async () =>
        `Bearer ${await googleToken(h.server, '42-khac.apps.googleusercontent.com', COORDINATOR)}`,
      reason: 'wrong-audience',
    },
    {
      name: 'another issuer',
      header: async () =>
        `Bearer ${await signed({ iss: 'https://accounts.example.com', email: COORDINATOR })}`,
      reason: 'invalid-token',
    },
    {
      name: 'a token without the address (no userinfo.email scope)',
      header: async () => `Bearer ${await signed({})}`,
      reason: 'unverified-email',
    },
    {
      name: 'an unverified address',
      header: async () => `Bearer ${await signed({ email: COORDINATOR, email_verified: false })}`,
      reason: 'unverified-email',
    },
  ];
  refusals.forEach((tc) =>
    it(`refuses ${tc.name}: ${tc.reason}`, async () => {
      expect(await verifier.verify(await tc.header())).toEqual({ ok: false, reason: tc.reason });
    }),
  );

  it('throws CertificatesUnavailableError when Google’s keys cannot be fetched', async () => {
    const cut = createIdTokenVerifier({ audience: AUDIENCE, certsUrl: 'http://127.0.0.1:9/oauth2/v1/certs' });
    const token = await googleToken(h.server, AUDIENCE, COORDINATOR);
    await expect(cut.verify(`Bearer ${token}`)).rejects.toBeInstanceOf(CertificatesUnavailableError);
  });

  it('points at Google’s certificates unless an emulator is named', () => {
    expect(certificatesUrl(undefined)).toBeUndefined();
    expect(certificatesUrl('http://127.0.0.1:8089/')).toBe('http://127.0.0.1:8089/oauth2/v1/certs');
  });
});
