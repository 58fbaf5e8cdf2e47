/** Matches a directive's recipient codes to an organisation's units: ignoring case, each unit once, in order. */

/** The recipients resolved, with what the coordinator should hear about. */
export interface ResolvedRecipients {
  /** The units' own codes, in the order first given, each once. */
  codes: string[];
  /** Codes given more than once (as written the second time); merged into one row. */
  duplicates: string[];
  /** Codes that name no unit. */
  unknown: string[];
}

/** Resolves `requested` against the organisation's `unitCodes` (codes are unique ignoring case). */
export function resolveRecipients(
  requested: readonly string[],
  unitCodes: readonly string[],
): ResolvedRecipients {
  const byFolded = new Map(unitCodes.map((code) => [code.toLowerCase(), code]));
  const codes: string[] = [];
  const duplicates: string[] = [];
  const unknown: string[] = [];
  const taken = new Set<string>();
  for (const given of requested) {
    const code = byFolded.get(given.trim().toLowerCase());
    if (code === undefined) unknown.push(given);
    else if (taken.has(code)) duplicates.push(given);
    else {
      taken.add(code);
      codes.push(code);
    }
  }
  return { codes, duplicates, unknown };
}
