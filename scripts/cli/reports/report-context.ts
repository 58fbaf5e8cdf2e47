/** What the official report says beyond the summary: who reports, where, to whom, and the directive it answers. */
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '@theodoi/functions/clock';
import type { SummaryDirective } from '@theodoi/functions/domain/summary/model';
import { formatViDate } from '@theodoi/functions/domain/values/display';
import { officialReport as msg } from '@theodoi/functions/messages.vi';

/** The body that issues the report (Decree 30/2020: its direct superior above its own name). */
export interface ReportIssuer {
  /** The superior body ("Ủy ban nhân dân huyện Tháp Mười"), printed above the issuer; none when absent. */
  parent: string | null;
  /** The issuing body ("Phòng Nội vụ"). */
  name: string;
  /** The symbol after the number: "BC-NV". */
  symbol: string;
  /** Place name of the date line ("Tháp Mười"). */
  place: string;
  /** The signer's title, uppercase ("TRƯỞNG PHÒNG"). */
  signerTitle: string;
  /** The unit abbreviation in "Lưu: VT, NV.". */
  archiveCode: string;
}

/** Everything the report needs that the summary model does not hold. */
export interface ReportContext {
  issuer: ReportIssuer;
  directive: Pick<SummaryDirective, 'number' | 'date' | 'issuer' | 'subject'>;
  /** "Nơi nhận" lines before "Lưu", without the leading dash ("UBND huyện Tháp Mười"). */
  recipients: readonly string[];
  /** The day the draft is made: its month and year go on the date line. */
  draftedAt: Date;
}

/** The organisation as the report context reads it (the stored organisation document fits this shape). */
export interface ReportOrganisation {
  name: string;
  parent?: string | undefined;
  place: string;
  coordinator: { unitCode: string };
}

/** "Ủy ban nhân dân huyện Tháp Mười" → "UBND huyện Tháp Mười", as parent lines and recipient lists write it. */
export function shortBodyName(name: string): string {
  const { long, short } = msg.peoplesCommittee;
  return name.toLowerCase().startsWith(long.toLowerCase()) ? `${short}${name.slice(long.length)}` : name;
}

/**
 * The default context: the coordinator's unit reports under its organisation (e.g. Phòng Nội vụ under UBND huyện
 * Tháp Mười) to the directive's issuer; the coordinator edits the draft before it is signed.
 */
export function defaultReportContext(
  organisation: ReportOrganisation,
  coordinatorUnit: { code: string; name: string } | undefined,
  directive: ReportContext['directive'],
  draftedAt: Date,
): ReportContext {
  const unitName = coordinatorUnit?.name ?? organisation.name;
  const code = coordinatorUnit?.code ?? organisation.coordinator.unitCode;
  return {
    issuer: {
      parent: coordinatorUnit ? organisation.name : (organisation.parent ?? null),
      name: unitName,
      symbol: `BC-${code}`,
      place: organisation.place,
      signerTitle: /^phòng\s/i.test(unitName) ? msg.signerHead : msg.signerOther,
      archiveCode: code,
    },
    directive,
    recipients: [shortBodyName(directive.issuer)],
    draftedAt,
  };
}

/** "Công văn số 06/UBND-NV ngày 05/02/2024" ("Công văn số …… " when the number is not known). */
export function reportDirectiveRef(directive: ReportContext['directive']): string {
  return msg.directiveRef(directive.number, directive.date ? formatViDate(directive.date) : null);
}

/** The month and year of `at` in Vietnam as a document dates itself (Decree 30: months 1 and 2 take a leading zero). */
export function draftMonthYear(at: Date): { month: string; year: string } {
  const d = DateTime.fromJSDate(at, { zone: VIETNAM_ZONE });
  return { month: d.month <= 2 ? `0${d.month}` : String(d.month), year: String(d.year) };
}

/** "Tháp Mười, ngày      tháng 3 năm 2024" (Decree 30: months 1 and 2 take a leading zero). */
export function placeDateLine(place: string, at: Date): string {
  const { month, year } = draftMonthYear(at);
  return msg.placeDate(place, month, year);
}
