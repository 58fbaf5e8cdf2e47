/**
 * A deadline on Firestore calls. Against a Firestore that does not answer, the Admin SDK retries for minutes
 * (measured here against a closed port: a query fails after ~40 s, a batch commit or a transaction was still
 * pending after 200 s), which would hold a function until the platform kills it. A sync gives up sooner.
 */

/** How long a sync waits for one Firestore step before it fails. */
export const FIRESTORE_TIMEOUT_MS = 30_000;

/** gRPC codes the Admin SDK reports for a Firestore it cannot reach: UNAVAILABLE, DEADLINE_EXCEEDED. */
const UNREACHABLE_CODES = new Set([14, 4]);

/** Firestore did not answer, or answered that it is unavailable; nothing after this step was done. */
export class StoreUnavailableError extends Error {
  readonly code = 'store-unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * `work`, or a StoreUnavailableError when it takes longer than `ms` or fails as unreachable. `step` names what
 * was being done, for the error. The underlying call is not cancelled; its late result is ignored.
 */
export async function beforeDeadline<T>(work: Promise<T>, ms: number, step: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StoreUnavailableError(`Firestore did not answer within ${ms} ms while ${step}`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, late]);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'number' && UNREACHABLE_CODES.has(code)) {
      throw new StoreUnavailableError(`Firestore is unavailable while ${step}`, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** `beforeDeadline` bound to a timeout (FIRESTORE_TIMEOUT_MS by default): how the use cases run each Firestore step. */
export function firestoreStep(options: { firestoreTimeoutMs?: number }) {
  return <T>(work: Promise<T>, step: string) =>
    beforeDeadline(work, options.firestoreTimeoutMs ?? FIRESTORE_TIMEOUT_MS, step);
}
