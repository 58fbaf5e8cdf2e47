/** Recipients of "Kính gửi" and the "Nơi nhận" list, resolved to the organisation's units and groups. */
import type { Distribution, Recipients } from './draft.js';
import { archiveOf } from './signature.js';
import { foldLoose, stripListPunctuation } from './text.js';
import { resolveList } from './scan.js';
import { type UnitIndex, unitsOfGroups } from './units.js';

/** Resolves each "Kính gửi" entry; whole groups count as all their units. */
export function readRecipients(index: UnitIndex, entries: readonly string[]): Recipients {
  const lines = entries
    .map(stripListPunctuation)
    .filter((text) => text !== '')
    .map((text) => {
      const parties = resolveList(index, text);
      return {
        text,
        units: parties.units,
        groups: parties.groups,
        unresolved: [...parties.unresolved, ...parties.unspecified],
      };
    });
  const groups = [...new Set(lines.flatMap((l) => l.groups))];
  const named = new Set([...lines.flatMap((l) => l.units), ...unitsOfGroups(index.organisation, groups)]);
  return {
    lines,
    unitCodes: index.organisation.units.filter((u) => named.has(u.code)).map((u) => u.code),
    groups,
    unresolved: [...new Set(lines.flatMap((l) => l.unresolved))],
  };
}

/** Reads "Nơi nhận": the entries, the archive keepers and the units named ("Như trên" names none). */
export function readDistribution(index: UnitIndex, rawEntries: readonly string[]): Distribution {
  const entries = rawEntries.map(stripListPunctuation).filter((e) => e !== '');
  const archive = entries.map(archiveOf).find((a) => a !== null) ?? [];
  const named = entries
    .filter((e) => archiveOf(e) === null && !/^nhu (?:tren|dieu)/.test(foldLoose(e)))
    .map((e) => resolveList(index, e));
  return {
    entries,
    archive,
    units: [...new Set(named.flatMap((p) => p.units))],
    groups: [...new Set(named.flatMap((p) => p.groups))],
  };
}
