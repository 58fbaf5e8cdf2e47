/**
 * Test helper: a Firestore client whose commits are refused, as Firestore refuses a document it cannot hold (gRPC 3
 * INVALID_ARGUMENT), whenever the batch writes a document whose path contains `poisoned`; everything else is the
 * real emulator's.
 */
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';

/** `db` refusing every commit that writes under a path containing `poisoned`. */
export function refusingFirestore(db: Firestore, poisoned: string): Firestore {
  const bound = <T extends object>(target: T, prop: string | symbol) => {
    const value = Reflect.get(target, prop, target) as unknown;
    return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
  };
  return new Proxy(db, {
    get: (target, prop) => {
      if (prop !== 'batch') return bound(target, prop);
      return () => {
        const batch = target.batch();
        let refused = false;
        return new Proxy(batch, {
          get: (b, p) => {
            if (p === 'commit') {
              return () =>
                refused
                  ? Promise.reject(
                      Object.assign(new Error('3 INVALID_ARGUMENT: maximum entity size is 1048576 bytes'), {
                        code: 3,
                      }),
                    )
                  : batch.commit();
            }
            if (p === 'set' || p === 'create' || p === 'update') {
              return (ref: DocumentReference, ...rest: unknown[]) => {
                if (ref.path.includes(poisoned)) refused = true;
                return (Reflect.get(b, p, b) as (...a: unknown[]) => unknown).call(b, ref, ...rest);
              };
            }
            return bound(b, p);
          },
        });
      };
    },
  });
}
