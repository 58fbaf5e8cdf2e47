/**
 * Which Drive versions of a directive's spreadsheet theodoi has seen whole (decision 011): a version is "seen" when
 * every change up to it was either read by a sync or made by theodoi's own write. The sweep skips a spreadsheet
 * whose listed version is the seen one.
 */

/**
 * The version to record after theodoi's writes, or undefined when it cannot be known that nobody else wrote.
 * `before` is a version whose content theodoi had seen whole before writing (read by the sync, or recorded
 * earlier), `after` the version read once the writes were done, `applied` how many writes changed the file. Sheets'
 * batchUpdate does not answer the version it made, so the later read may include someone's edit: only when the
 * version moved by exactly the writes made is `after` known to be ours alone. Anything else means re-reading.
 */
export function versionAfterOwnWrites(
  before: string | undefined,
  after: string | undefined,
  applied: number,
): string | undefined {
  if (!isVersion(before) || !isVersion(after)) return undefined;
  return BigInt(after) - BigInt(before) === BigInt(applied) ? after : undefined;
}

/** Whether the spreadsheet's listed version may hold a change theodoi has not seen (no record: it may). */
export function changedSinceSeen(listed: string | undefined, seen: string | undefined): boolean {
  return listed === undefined || seen === undefined || listed !== seen;
}

/** Whether `version` is one of Drive's (an int64 as a decimal string; compared as a BigInt, exactly). */
function isVersion(version: string | undefined): version is string {
  return version !== undefined && /^\d{1,19}$/.test(version);
}
