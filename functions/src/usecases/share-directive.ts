/**
 * Shares a directive's spreadsheet with every unit's editors and the coordinators, as writers, with Drive's
 * notification carrying a Vietnamese note; records where each address stands (shared, needs a Google account,
 * failed, pending). An address that is no Google account never stops anything: it is invited and listed, and
 * `theodoi directive share` gets it in once it becomes one.
 */
import { displayDate } from '../sheets/layout/new-spreadsheet.js';
import { sharing as msg, sheet, syncErrors } from '../messages.vi.js';
import {
  actionAfterProbe,
  firstAction,
  shareTargets,
  type AddressCheck,
  type SharingMode,
  type SharingOutcome,
  type ShareTarget,
} from '../domain/sharing.js';
import { shareAsWriter } from '../sheets/api/permissions.js';
import { loadDirective, recordSharing, type DirectiveRecord } from '../store/directives.js';
import { listUnits, loadAddressChecks, recordAddressChecks, type StoredUnit } from '../store/units.js';
import { attempt, probe, SHARING_RETRY, type Attempt, type ProbeDeps } from './address-probe.js';
import type { CallCount } from './drive-home.js';
import { UserFacingError } from './errors.js';

/** What sharing needs: theodoi's Drive home and the sharing limit's pace. */
export type ShareDeps = ProbeDeps;

/** The directive fields sharing reads. */
export type SharedDirective = Pick<
  DirectiveRecord,
  'id' | 'organisation' | 'number' | 'date' | 'subject' | 'recipients' | 'coordinators' | 'spreadsheetId'
> & { sharing?: readonly SharingOutcome[] | undefined };

/** What one sharing run did. */
export interface ShareReport {
  /** Where every address stands now, in sharing order. */
  outcomes: SharingOutcome[];
  /** Addresses this run shared or invited. */
  sharedNow: number;
  driveCalls: number;
}

/** One address's sharing, as the run goes. */
interface Step {
  target: ShareTarget;
  outcome: SharingOutcome;
}

/**
 * Shares `directive`'s spreadsheet with everyone it must reach (decided per address by domain/sharing.ts), probing
 * addresses not known to be Google accounts first. Stops at Drive's sharing limit, leaving the rest `pending`. The
 * outcomes and what the probes learnt are stored even when a call throws midway.
 */
export async function shareSpreadsheet(
  deps: ShareDeps,
  directive: SharedDirective,
  mode: SharingMode,
): Promise<ShareReport> {
  const [units, known] = await Promise.all([
    listUnits(deps.db, directive.organisation, { includeInactive: true }),
    loadAddressChecks(deps.db, directive.organisation),
  ]);
  const byCode = new Map(units.map((u) => [u.code, u]));
  const recipients = directive.recipients.flatMap((code) => byCode.get(code) ?? []);
  const previous = new Map((directive.sharing ?? []).map((o) => [o.address, o]));
  const calls: CallCount = { sheets: 0, drive: 0 };
  const learnt: AddressCheck[] = [];
  const steps: Step[] = [];
  let limited: string | undefined;
  let sharedNow = 0;
  try {
    for (const target of shareTargets(recipients, directive.coordinators, deps.actingAccount)) {
      const before = previous.get(target.address);
      const keep = before ? { ...before, unitCodes: target.unitCodes } : pendingOutcome(target, deps);
      if (limited !== undefined) {
        steps.push({ target, outcome: keep.status === 'shared' ? keep : { ...keep, status: 'pending' } });
        continue;
      }
      let action = firstAction(target, before, known.get(target.address), mode);
      if (action === 'probe') {
        const checked = await probe(deps, calls, target.address);
        if (checked.kind !== 'done') {
          limited = settle(steps, target, keep, checked, deps) ? checked.reason : undefined;
          continue;
        }
        learnt.push(checked.value);
        action = actionAfterProbe(checked.value.googleAccount, before);
      }
      if (action === 'keep') {
        steps.push({ target, outcome: keep });
        continue;
      }
      const shared = await share(deps, calls, directive, target, units, action === 'invite');
      if (shared.kind === 'done') {
        sharedNow += 1;
        const status = action === 'invite' ? 'needs-google-account' : 'shared';
        steps.push({ target, outcome: { ...target, status, at: deps.clock.now() } });
      } else if (settle(steps, target, keep, shared, deps)) limited = shared.reason;
    }
  } finally {
    await Promise.all([
      recordAddressChecks(deps.db, directive.organisation, learnt),
      recordSharing(
        deps.db,
        directive.id,
        steps.map((s) => s.outcome),
        deps.clock.now(),
      ),
    ]);
  }
  return { outcomes: steps.map((s) => s.outcome), sharedNow, driveCalls: calls.drive };
}

/** An address nothing was tried for yet. */
function pendingOutcome(target: ShareTarget, deps: ShareDeps): SharingOutcome {
  return { ...target, status: 'pending', at: deps.clock.now() };
}

/** Records a failed or limited attempt; true when it was the sharing limit (the run stops). */
function settle(
  steps: Step[],
  target: ShareTarget,
  keep: SharingOutcome,
  failed: Exclude<Attempt<unknown>, { kind: 'done' }>,
  deps: ShareDeps,
): boolean {
  if (failed.kind === 'limited') {
    steps.push({ target, outcome: { ...keep, status: 'pending' } });
    return true;
  }
  steps.push({
    target,
    outcome: { ...target, status: 'failed', reason: failed.reason, at: deps.clock.now() },
  });
  return false;
}

/** Shares the spreadsheet with one address, with the note naming the directive and the address's units. */
async function share(
  deps: ShareDeps,
  calls: CallCount,
  directive: SharedDirective,
  target: ShareTarget,
  units: readonly StoredUnit[],
  invitation: boolean,
): Promise<Attempt<void>> {
  const ref = sheet.directiveRef(directive.number, directive.date ? displayDate(directive.date) : null);
  const names = target.unitCodes.map((code) => {
    const unit = units.find((u) => u.code === code);
    return unit?.name ?? code;
  });
  const note =
    names.length > 0
      ? msg.unitEmail(ref, directive.subject, names, invitation)
      : msg.coordinatorEmail(ref, directive.subject);
  calls.drive += 1;
  return attempt(() =>
    shareAsWriter(
      deps.clients,
      directive.spreadsheetId,
      target.address,
      note,
      deps.sharingRetry ?? SHARING_RETRY,
    ),
  );
}

/**
 * `theodoi directive share ID`: shares what can be shared now, asking Google again about every address still out
 * (those that became Google accounts get in).
 */
export async function shareDirective(
  deps: ShareDeps,
  directiveId: string,
): Promise<ShareReport & { directive: DirectiveRecord }> {
  const stored = await loadDirective(deps.db, directiveId);
  if (!stored) throw new UserFacingError(syncErrors.unknownDirective(directiveId), 'unknown-directive');
  if (stored.state !== 'ready') throw new UserFacingError(msg.notOpen(directiveId), 'provisioning');
  const report = await shareSpreadsheet(deps, stored.record, 'resume');
  return { ...report, directive: stored.record };
}
