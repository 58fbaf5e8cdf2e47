/**
 * `theodoi units check`: asks Google, before any directive needs it, which of an organisation's addresses are Google
 * accounts (a silent share on theodoi's probe file each; Gmail addresses need none), and remembers the answers.
 */
import { isGmail, normaliseAddress, type AddressCheck } from '../domain/sharing.js';
import { directiveCreate } from '../messages.vi.js';
import { getOrganisation, listUnits, recordAddressChecks } from '../store/units.js';
import { probe, type ProbeDeps } from './address-probe.js';
import type { CallCount } from './drive-home.js';
import { UserFacingError } from './errors.js';

/** What one address came to. */
export type AddressResult = 'gmail' | 'account' | 'not-account' | 'failed' | 'pending';

/** One address of the organisation and what Google said of it. */
export interface CheckedAddress {
  address: string;
  /** The units it is the editor of; empty for the organisation's coordinator alone. */
  unitCodes: string[];
  result: AddressResult;
  /** Google's words when the check failed. */
  reason?: string;
}

/** What a check of the organisation's addresses found. */
export interface AddressesReport {
  organisationName: string;
  addresses: CheckedAddress[];
  driveCalls: number;
}

/**
 * Probes every address of the organisation's active units and its coordinator (not the account theodoi acts as,
 * nor Gmail addresses); stops at Drive's sharing limit, leaving the rest `pending`.
 */
export async function checkAddresses(deps: ProbeDeps, organisationId: string): Promise<AddressesReport> {
  const [organisation, units] = await Promise.all([
    getOrganisation(deps.db, organisationId),
    listUnits(deps.db, organisationId),
  ]);
  if (!organisation)
    throw new UserFacingError(directiveCreate.organisationMissing(organisationId), 'unknown-organisation');
  const addresses = new Map<string, CheckedAddress>();
  const add = (raw: string, unitCode?: string) => {
    const address = normaliseAddress(raw);
    if (address === normaliseAddress(deps.actingAccount)) return;
    const entry = addresses.get(address) ?? { address, unitCodes: [], result: 'pending' as const };
    if (unitCode) entry.unitCodes.push(unitCode);
    addresses.set(address, entry);
  };
  for (const unit of units) for (const editor of unit.editors) add(editor, unit.code);
  if (organisation.coordinator.email) add(organisation.coordinator.email);
  const calls: CallCount = { sheets: 0, drive: 0 };
  const learnt: AddressCheck[] = [];
  try {
    for (const entry of addresses.values()) {
      if (isGmail(entry.address)) {
        entry.result = 'gmail';
        continue;
      }
      const checked = await probe(deps, calls, entry.address);
      if (checked.kind === 'limited') break;
      if (checked.kind === 'failed') {
        entry.result = 'failed';
        entry.reason = checked.reason;
        continue;
      }
      learnt.push(checked.value);
      entry.result = checked.value.googleAccount ? 'account' : 'not-account';
    }
  } finally {
    await recordAddressChecks(deps.db, organisationId, learnt);
  }
  return { organisationName: organisation.name, addresses: [...addresses.values()], driveCalls: calls.drive };
}
