/**
 * Who a directive's spreadsheet is shared with, what theodoi knows of each address, and what to do for each: pure.
 * An address that is no Google account can only be invited (Drive's notification); it gets in once it becomes one.
 */
/** Where one address stands with a directive's spreadsheet. */
export const SHARING_STATUSES = ['shared', 'needs-google-account', 'failed', 'pending'] as const;
/** One of SHARING_STATUSES: shared; invited but no Google account yet; refused (with a reason); not tried yet. */
export type SharingStatus = (typeof SHARING_STATUSES)[number];

/** An address the spreadsheet must be shared with: a unit's editor (of one or more units) or a coordinator. */
export interface ShareTarget {
  /** Lower-cased. */
  address: string;
  /** The units whose editor the address is, in row order; empty for a coordinator who edits no unit. */
  unitCodes: string[];
}

/** Where one address stands, as stored on the directive. */
export interface SharingOutcome extends ShareTarget {
  status: SharingStatus;
  /** Google's words when the share failed. */
  reason?: string;
  at: Date;
}

/** What a probe found about an address, as stored on the organisation's units. */
export interface AddressCheck {
  address: string;
  googleAccount: boolean;
  checkedAt: Date;
}

/** An address as compared everywhere: trimmed, lower-cased (Google's addresses ignore case). */
export function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

/** Whether the address is a Gmail address, which is a Google account by definition: no probe needed. */
export function isGmail(address: string): boolean {
  return /@(gmail|googlemail)\.com$/.test(normaliseAddress(address));
}

/**
 * Everyone the spreadsheet is shared with: each recipient unit's editors, in row order, then the coordinators; each
 * address once (with every unit it edits for), never the acting account, which owns the spreadsheet.
 */
export function shareTargets(
  units: readonly { code: string; editors: readonly string[] }[],
  coordinators: readonly string[],
  actingAccount: string,
): ShareTarget[] {
  const byAddress = new Map<string, ShareTarget>();
  const add = (raw: string, unitCode?: string) => {
    const address = normaliseAddress(raw);
    if (address === normaliseAddress(actingAccount)) return;
    const target = byAddress.get(address) ?? { address, unitCodes: [] };
    if (unitCode !== undefined && !target.unitCodes.includes(unitCode)) target.unitCodes.push(unitCode);
    byAddress.set(address, target);
  };
  for (const unit of units) for (const editor of unit.editors) add(editor, unit.code);
  for (const coordinator of coordinators) add(coordinator);
  return [...byAddress.values()];
}

/** How sharing is run: for a new directive (trust what is known), or resumed (ask Google again about those still out). */
export type SharingMode = 'create' | 'resume';

/** What to do for one address: leave it; share (a Google account); invite (no Google account); or probe first. */
export type SharingAction = 'keep' | 'share' | 'invite' | 'probe';

/**
 * The first step for `target`, given where it stood (`previous`) and what is known of it (`known`). A shared address
 * is left alone; a Gmail address is shared; a new directive trusts a known answer and probes an unknown address; a
 * resumed share probes again every address not known to be a Google account.
 */
export function firstAction(
  target: ShareTarget,
  previous: SharingOutcome | undefined,
  known: AddressCheck | undefined,
  mode: SharingMode,
): SharingAction {
  if (previous?.status === 'shared') return 'keep';
  if (isGmail(target.address)) return 'share';
  if (known?.googleAccount) return 'share';
  if (mode === 'create' && known) return 'invite';
  return 'probe';
}

/** The step after a probe: share a Google account; invite an address once; leave an address already invited. */
export function actionAfterProbe(
  googleAccount: boolean,
  previous: SharingOutcome | undefined,
): 'share' | 'invite' | 'keep' {
  if (googleAccount) return 'share';
  return previous?.status === 'needs-google-account' ? 'keep' : 'invite';
}

/** An address that cannot open the spreadsheet yet. */
export type OutOfReach = SharingOutcome & { status: Exclude<SharingStatus, 'shared'> };

/** The addresses that cannot open the spreadsheet yet, in the order they were shared. */
export function outOfReach(outcomes: readonly SharingOutcome[]): OutOfReach[] {
  return outcomes.filter((o): o is OutOfReach => o.status !== 'shared');
}
