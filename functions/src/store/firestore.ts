/** Opens Firestore through the Admin SDK (loaded lazily: it costs ~0.3 s of cold start) and probes it. */
import type { Firestore } from 'firebase-admin/firestore';
import type { Config } from '../config.js';

/** Placeholder credentials for Google's emulators: without any, Google's clients probe the GCE metadata server. */
export const EMULATOR_CREDENTIALS = {
  client_email: 'emulator@theodoi-local.iam.gserviceaccount.com',
  private_key: 'unused',
};

/** Opens (or reuses) the Admin SDK app for the configured project and returns its Firestore. */
export async function openFirestore(config: Config): Promise<Firestore> {
  const [{ getApps, initializeApp }, { getFirestore, initializeFirestore }] = await Promise.all([
    import('firebase-admin/app'),
    import('firebase-admin/firestore'),
  ]);
  const name = `theodoi-${config.projectId}`;
  const existing = getApps().find((a) => a.name === name);
  if (existing) return getFirestore(existing);
  // gRPC transport (the default): preferRest's fallback client ignores the emulator's owner token.
  const db = initializeFirestore(initializeApp({ projectId: config.projectId }, name));
  db.settings({
    // Optional fields are simply absent in our documents; let the SDK drop `undefined` instead of throwing.
    ignoreUndefinedProperties: true,
    // The emulator needs no credentials, but without any the client looks for Application Default
    // Credentials and probes the GCE metadata server over the network. Placeholder credentials stop that;
    // against the emulator they are never used to sign anything.
    // The emulator's address comes from the validated config, not from the SDK reading the environment.
    ...(config.firestoreEmulatorHost
      ? { host: config.firestoreEmulatorHost, ssl: false, credentials: EMULATOR_CREDENTIALS }
      : {}),
  });
  return db;
}

/** Result of asking Firestore whether it answers. */
export interface FirestoreProbe {
  ok: boolean;
  latencyMs: number;
  error?: unknown;
}

/** Asks Firestore for its collections within `timeoutMs`; never throws. */
export async function probeFirestore(db: Firestore, timeoutMs = 3000): Promise<FirestoreProbe> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.listCollections(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error };
  } finally {
    clearTimeout(timer);
  }
}
