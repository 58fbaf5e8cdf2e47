/** How theodoi's zod schemas read a stored Firestore Timestamp (anything with toDate()). */
import { z } from 'zod';

/** A Firestore Timestamp as read back: its `toDate()` gives the instant. */
export const TimestampLike = z.custom<{ toDate(): Date }>(
  (v) => typeof (v as { toDate?: unknown })?.toDate === 'function',
);
