// The emulator's ID tokens verify with google-auth-library exactly as Google's do, against the emulator's certificate
// endpoints; every kind of bad token is refused by the library; rotation keeps tokens verifiable while they live.
import { createPublicKey, generateKeyPairSync, sign, X509Certificate } from 'node:crypto';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOGLE_ISSUER, subjectOf } from '@theodoi/sheets-emulator/identity-tokens';
import { start } from '@theodoi/sheets-emulator/server';
import type { EmulatorServer } from '@theodoi/sheets-emulator/server';
import { fakeSheets } from '../../support/fake-sheets.js';

const AUDIENCE = '350493150091-6a380514f09097f5f424c0d9044fc59a.apps.googleusercontent.com';
const EMAIL = 'dieu.phoi.thapmuoi@gmail.com';

let server: EmulatorServer;
let clock = Date.now();

/** A verifier configured as a receiver would be, pointed at the emulator instead of Google. */
function verifier(): OAuth2Client {
  return new OAuth2Client({
    endpoints: {
      oauth2FederatedSignonPemCertsUrl: `${server.url}/oauth2/v1/certs`,
      oauth2FederatedSignonJwkCertsUrl: `${server.url}/oauth2/v3/certs`,
    },
  });
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const parts = (token: string) => token.split('.') as [string, string, string];
const claims = (token: string) =>
  JSON.parse(Buffer.from(parts(token)[1], 'base64url').toString('utf8')) as Record<string, unknown>;

beforeAll(async () => {
  server = await start({ sheets: fakeSheets, now: () => new Date(clock) });
});
afterAll(async () => {
  await server.stop();
});

describe('the certificate endpoints', () => {
  it('serve the same keys as self-signed X.509 certificates (v1) and as a JWKS (v3), with a cache lifetime', async () => {
    const v1 = await fetch(`${server.url}/oauth2/v1/certs`);
    expect(v1.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const pems = (await v1.json()) as Record<string, string>;
    const jwks = (await (await fetch(`${server.url}/oauth2/v3/certs`)).json()) as {
      keys: { kid: string; kty: string; alg: string; use: string; n: string; e: string }[];
    };
    expect(Object.keys(pems)).toHaveLength(2); // the signing key and the one published ahead of use
    expect(jwks.keys.map((k) => k.kid).sort()).toEqual(Object.keys(pems).sort());
    for (const jwk of jwks.keys) {
      expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
      expect(jwk.kid).toMatch(/^[0-9a-f]{40}$/);
      const cert = new X509Certificate(pems[jwk.kid]!);
      expect(cert.subject).toBe('CN=federated-signon.system.gserviceaccount.com');
      expect(cert.issuer).toBe(cert.subject);
      expect(cert.verify(cert.publicKey)).toBe(true);
      expect(new Date(cert.validTo).getTime()).toBeGreaterThan(clock);
      const fromJwk = createPublicKey({ key: jwk, format: 'jwk' });
      expect(fromJwk.equals(cert.publicKey)).toBe(true);
    }
    const discovery = (await (await fetch(`${server.url}/.well-known/openid-configuration`)).json()) as {
      issuer: string;
      jwks_uri: string;
    };
    expect(discovery).toMatchObject({ issuer: GOOGLE_ISSUER, jwks_uri: `${server.url}/oauth2/v3/certs` });
  });
});

describe('google-auth-library verifyIdToken against the emulator', () => {
  it('accepts a token of the emulator with Google’s claims', async () => {
    const token = await server.identityTokens.idToken({
      audience: AUDIENCE,
      email: EMAIL,
      includeEmail: true,
    });
    const ticket = await verifier().verifyIdToken({ idToken: token, audience: AUDIENCE });
    expect(ticket.getPayload()).toEqual({
      iss: 'https://accounts.google.com',
      azp: AUDIENCE,
      aud: AUDIENCE,
      sub: subjectOf(EMAIL),
      email: EMAIL,
      email_verified: true,
      iat: Math.floor(clock / 1000),
      exp: Math.floor(clock / 1000) + 3600,
    });
    expect(subjectOf(EMAIL)).toMatch(/^1\d{20}$/);
    expect(subjectOf(EMAIL.toUpperCase())).toBe(subjectOf(EMAIL));
    expect(subjectOf('can.bo.myhoa@gmail.com')).not.toBe(subjectOf(EMAIL));
  });

  it('refuses a tampered payload, a foreign signature, an expired token, another audience and another issuer', async () => {
    const token = await server.identityTokens.idToken({
      audience: AUDIENCE,
      email: EMAIL,
      includeEmail: true,
    });
    const [header, , signature] = parts(token);
    const verify = (idToken: string) => verifier().verifyIdToken({ idToken, audience: AUDIENCE });

    const tampered = `${header}.${b64({ ...claims(token), email: 'chu.tich@gmail.com' })}.${signature}`;
    await expect(verify(tampered)).rejects.toThrow(/^Invalid token signature/);

    const foreign = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const body = parts(token)[1];
    const forged = `${header}.${body}.${sign('sha256', Buffer.from(`${header}.${body}`), foreign).toString('base64url')}`;
    await expect(verify(forged)).rejects.toThrow(/^Invalid token signature/);

    const issuedAt = clock;
    clock -= 2 * 3_600_000; // the emulator's clock two hours back: the token expired an hour ago
    const expired = await server.identityTokens.idToken({
      audience: AUDIENCE,
      email: EMAIL,
      includeEmail: true,
    });
    clock = issuedAt;
    await expect(verify(expired)).rejects.toThrow(/^Token used too late/);

    const other = await server.identityTokens.idToken({
      audience: 'another-client',
      email: EMAIL,
      includeEmail: true,
    });
    await expect(verify(other)).rejects.toThrow('Wrong recipient, payload audience != requiredAudience');

    const iat = Math.floor(clock / 1000);
    const evil = await server.identityTokens.sign({
      ...claims(token),
      iss: 'https://accounts.evil.example',
      iat,
    });
    await expect(verify(evil)).rejects.toThrow(/^Invalid issuer/);
  });

  it('keeps tokens verifiable across one rotation, and drops the oldest key at the next', async () => {
    const before = await server.identityTokens.idToken({
      audience: AUDIENCE,
      email: EMAIL,
      includeEmail: false,
    });
    expect(claims(before)).not.toHaveProperty('email');
    const rotated = (await (
      await fetch(`${server.url}/__emulator/keys/rotate`, { method: 'POST' })
    ).json()) as {
      kids: string[];
      signingKid: string;
    };
    expect(rotated.kids).toHaveLength(3);
    const after = await server.identityTokens.idToken({
      audience: AUDIENCE,
      email: EMAIL,
      includeEmail: false,
    });
    const kidOf = (t: string) =>
      (JSON.parse(Buffer.from(parts(t)[0], 'base64url').toString()) as { kid: string }).kid;
    expect(kidOf(after)).toBe(rotated.signingKid);
    expect(kidOf(after)).not.toBe(kidOf(before));
    await verifier().verifyIdToken({ idToken: before, audience: AUDIENCE });
    await verifier().verifyIdToken({ idToken: after, audience: AUDIENCE });
    await server.identityTokens.rotate();
    await expect(verifier().verifyIdToken({ idToken: before, audience: AUDIENCE })).rejects.toThrow(
      /^No pem found for envelope/,
    );
    await verifier().verifyIdToken({ idToken: after, audience: AUDIENCE });
  });
});
