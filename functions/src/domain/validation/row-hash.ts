// A stable content hash of a row's accepted values, to tell changed reports from unchanged ones.
import { hash } from 'node:crypto';
import type { ParsedValue } from '../values/cell.js';

/**
 * JSON with keys sorted and null/undefined entries left out, so a new optional column does not change old hashes.
 * (JSON.stringify writes -0 as 0, and integer-like keys in ascending order: both deterministic.)
 */
export function canonicalJson(values: Readonly<Record<string, ParsedValue | null | undefined>>): string {
  const sorted: Record<string, ParsedValue> = {};
  for (const key of Object.keys(values).sort()) {
    const value = values[key];
    if (value !== null && value !== undefined) sorted[key] = value;
  }
  return JSON.stringify(sorted);
}

/** The sha256 (hex) of the canonical JSON of a row's values. */
export function rowHash(values: Readonly<Record<string, ParsedValue | null | undefined>>): string {
  return hash('sha256', canonicalJson(values), 'hex');
}
