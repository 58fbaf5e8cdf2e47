// Range checks shared by the numeric column types.
import type { CellOutcome, Found } from './issue.js';
import { accept, refuse } from './issue.js';

/** Beyond this magnitude doubles stop counting đồng exactly; no report figure comes near it. */
export const MAX_MAGNITUDE = 1e15;

/** Accepts `value` if it lies within [min, max] (and within ±1e15), else refuses it naming the bound. */
export function withinBounds(
  value: number,
  found: Found,
  min: number | undefined,
  max: number | undefined,
): CellOutcome {
  const low = Math.max(min ?? -MAX_MAGNITUDE, -MAX_MAGNITUDE);
  const high = Math.min(max ?? MAX_MAGNITUDE, MAX_MAGNITUDE);
  if (value < low) return refuse({ code: 'belowMin', found, min: low });
  if (value > high) return refuse({ code: 'aboveMax', found, max: high });
  return accept(value);
}
