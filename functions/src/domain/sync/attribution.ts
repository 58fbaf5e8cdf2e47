/** Who a stored version is owed to: how its sync was asked for, by whom, and which person typed it; pure. */

/** How a sync was asked for. */
export const SYNC_SOURCES = ['trigger', 'drive', 'sweep', 'check', 'cli', 'repair'] as const;
/** One of SYNC_SOURCES. */
export type SyncSource = (typeof SYNC_SOURCES)[number];

/** The account named as the editor of what theodoi itself wrote back (a repair). */
export const THEODOI_EDITOR = 'theodoi';

/** The source a sync's trigger string stands for ('sheet:edit' → trigger, 'drive:update' → drive, …). */
export function sourceOfTrigger(trigger: string): SyncSource {
  if (trigger.startsWith('sheet:')) return 'trigger';
  if (trigger.startsWith('drive:')) return 'drive';
  const known = SYNC_SOURCES.find((s) => s === trigger);
  return known ?? 'cli';
}

/**
 * The editor to record on a unit's version: the spreadsheet's last modifier (Drive's lastModifyingUser) when that
 * person may edit the unit's row — one of its officers or a coordinator — else nobody (the last edit may have been
 * another unit's, made after this one).
 */
export function editorOfRow(
  lastModifier: string | undefined,
  mayEdit: (email: string) => boolean,
): string | undefined {
  if (!lastModifier) return undefined;
  const email = lastModifier.trim().toLowerCase();
  return mayEdit(email) ? email : undefined;
}
