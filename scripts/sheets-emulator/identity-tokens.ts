/** Google's ID-token signing keys (RS256, self-signed X.509 certificates, rotation) and the OpenID Connect tokens they sign. */
import { createHash, createPrivateKey, createPublicKey, generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { exportJWK, SignJWT } from 'jose';
import forge from 'node-forge';

/** The `iss` of every Google ID token (google-auth-library also accepts `accounts.google.com`). */
export const GOOGLE_ISSUER = 'https://accounts.google.com';
/** Subject of Google's signing certificates. */
const CERT_SUBJECT = 'federated-signon.system.gserviceaccount.com';
/** Google's ID tokens live one hour. */
export const ID_TOKEN_LIFETIME_SECONDS = 3600;
/** Certificates are valid two weeks, as Google's are. */
const CERT_VALIDITY_MS = 14 * 24 * 3_600_000;
/**
 * How long a verifier may cache the certificates. Google says ~6 h; the emulator says 5 min because its keys
 * change whenever it restarts without a dataDir.
 */
export const CERTS_MAX_AGE_SECONDS = 300;

/** One signing key as persisted: PEM private key (PKCS#8), its certificate and its key id. */
export interface SigningKey {
  kid: string;
  privateKeyPem: string;
  certificatePem: string;
  /** ISO time the key was made. */
  createdAt: string;
}

/** The keys that survive a restart: the one that signs, the one before it and the one published ahead of use. */
export interface SavedKeys {
  previous?: SigningKey;
  current: SigningKey;
  next: SigningKey;
}

const generateRsa = promisify(generateKeyPair);

/** A self-signed X.509 certificate for the key pair, signed with SHA-256 (node cannot make certificates). */
function selfSignedCertificate(privateKeyPem: string, publicKeyPem: string, now: Date): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  cert.serialNumber = `0${createHash('sha256').update(publicKeyPem).digest('hex').slice(0, 30)}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + CERT_VALIDITY_MS);
  const name = [{ name: 'commonName', value: CERT_SUBJECT }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, critical: true },
    { name: 'extKeyUsage', clientAuth: true },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n'); // Google's PEMs end lines with \n
}

/** Makes a fresh 2048-bit RSA key with its certificate; the kid is the SHA-1 of the public key (40 hex, like Google's). */
export async function newSigningKey(now: Date): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateRsa('rsa', {
    modulusLength: 2048,
    publicExponent: 0x10001,
  });
  const privatePkcs1 = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    kid: createHash('sha1').update(spki).digest('hex'),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: selfSignedCertificate(privatePkcs1, publicPem, now),
    createdAt: now.toISOString(),
  };
}

/** A Google-shaped JWK of a key's public half. */
async function publicJwk(key: SigningKey): Promise<Record<string, unknown>> {
  const jwk = await exportJWK(createPublicKey(key.certificatePem));
  return { kty: jwk.kty, alg: 'RS256', use: 'sig', kid: key.kid, n: jwk.n, e: jwk.e };
}

/** Google's stable numeric `sub` for an account (21 digits), derived from the address so it survives restarts. */
export function subjectOf(email: string): string {
  const digest = createHash('sha256').update(`google-account:${email.trim().toLowerCase()}`).digest();
  return `1${(digest.readBigUInt64BE(0) % 10n ** 20n).toString().padStart(20, '0')}`;
}

/** What an ID token says about whom, for whom. */
export interface IdTokenRequest {
  /** The OAuth client id the token is for (`aud` and `azp`). */
  audience: string;
  /** The account's address (gives `sub`; the address itself only with `includeEmail`). */
  email: string;
  /** Adds `email` and `email_verified` (the userinfo.email scope was granted). */
  includeEmail: boolean;
}

/** The emulator's signing keys, created on first use (key generation takes a moment) and rotated on demand. */
export class IdentityTokens {
  private keys: SavedKeys | undefined;
  private making: Promise<SavedKeys> | undefined;

  constructor(
    private readonly now: () => Date,
    private readonly onChange: () => void = () => undefined,
  ) {}

  /** Restores keys saved by save(). */
  load(saved: SavedKeys | undefined): void {
    if (saved) this.keys = saved;
  }

  /** The keys to persist (undefined until first used). */
  save(): SavedKeys | undefined {
    return this.keys;
  }

  /** Makes the signing key and the next one if they do not exist yet. */
  async ready(): Promise<SavedKeys> {
    if (this.keys) return this.keys;
    this.making ??= (async () => {
      const [current, next] = await Promise.all([newSigningKey(this.now()), newSigningKey(this.now())]);
      this.keys = { current, next };
      this.onChange();
      return this.keys;
    })().catch((err: unknown) => {
      this.making = undefined; // let the next caller try again
      throw err;
    });
    return this.making;
  }

  /**
   * Rotates as Google does: the key published ahead of use starts signing, the old signing key stays published
   * (tokens it signed are still valid), the one before it is dropped, and a new key is published ahead.
   */
  async rotate(): Promise<string[]> {
    const keys = await this.ready();
    const next = await newSigningKey(this.now());
    this.keys = { previous: keys.current, current: keys.next, next };
    this.onChange();
    return this.published().map((k) => k.kid);
  }

  /** The kid that signs now. */
  async signingKid(): Promise<string> {
    return (await this.ready()).current.kid;
  }

  /** `GET /oauth2/v1/certs`: `{kid: PEM certificate}`. */
  async pemCertificates(): Promise<Record<string, string>> {
    await this.ready();
    return Object.fromEntries(this.published().map((k) => [k.kid, k.certificatePem]));
  }

  /** `GET /oauth2/v3/certs`: `{keys: [JWK]}`. */
  async jwks(): Promise<{ keys: Record<string, unknown>[] }> {
    await this.ready();
    return { keys: await Promise.all(this.published().map(publicJwk)) };
  }

  /** Signs any claims with the current key (RS256, `kid` and `typ: JWT` in the header). */
  async sign(claims: Record<string, unknown>): Promise<string> {
    const key = (await this.ready()).current;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .sign(createPrivateKey(key.privateKeyPem));
  }

  /** An OpenID Connect ID token as Google issues it: iss, azp, aud, sub, [email, email_verified], iat, exp (1 h). */
  async idToken(request: IdTokenRequest): Promise<string> {
    const iat = Math.floor(this.now().getTime() / 1000);
    return this.sign({
      iss: GOOGLE_ISSUER,
      azp: request.audience,
      aud: request.audience,
      sub: subjectOf(request.email),
      ...(request.includeEmail ? { email: request.email.toLowerCase(), email_verified: true } : {}),
      iat,
      exp: iat + ID_TOKEN_LIFETIME_SECONDS,
    });
  }

  private published(): SigningKey[] {
    const k = this.keys!;
    return [k.previous, k.current, k.next].filter((x): x is SigningKey => x !== undefined);
  }
}

/** The headers Google sends with its certificates (verifiers cache them for max-age). */
function certHeaders(now: Date): Record<string, string> {
  return {
    'Cache-Control': `public, max-age=${CERTS_MAX_AGE_SECONDS}, must-revalidate, no-transform`,
    Expires: new Date(now.getTime() + CERTS_MAX_AGE_SECONDS * 1000).toUTCString(),
  };
}

/**
 * Answers Google's public identity documents, or undefined for another path: `/oauth2/v1/certs` (PEM certificates by
 * kid), `/oauth2/v3/certs` (JWKS) and `/.well-known/openid-configuration` (issuer and jwks_uri).
 */
export async function identityDocument(
  tokens: IdentityTokens,
  method: string,
  rawPath: string,
  baseUrl: string,
  now: Date,
): Promise<{ body: unknown; headers: Record<string, string> } | undefined> {
  if (method !== 'GET') return undefined;
  switch (rawPath) {
    case '/oauth2/v1/certs':
      return { body: await tokens.pemCertificates(), headers: certHeaders(now) };
    case '/oauth2/v3/certs':
      return { body: await tokens.jwks(), headers: certHeaders(now) };
    case '/.well-known/openid-configuration':
      return {
        body: {
          issuer: GOOGLE_ISSUER,
          jwks_uri: `${baseUrl}/oauth2/v3/certs`,
          id_token_signing_alg_values_supported: ['RS256'],
          subject_types_supported: ['public'],
          response_types_supported: ['code', 'token', 'id_token'],
          claims_supported: ['aud', 'email', 'email_verified', 'exp', 'iat', 'iss', 'sub', 'azp'],
        },
        headers: {},
      };
    default:
      return undefined;
  }
}
