/** An organisation (province, district or commune People's Committee) and the units it directs. */
import { z } from 'zod';
import { evaluation as evaluationMsg, organisationFile as msg } from '../messages.vi.js';
import { IsoDateSchema } from './calendar/iso-date.js';
import { EvaluationRubricSchema } from './evaluation/rubric.js';

/** The kinds of unit an organisation directs. */
export const UNIT_KINDS = [
  'phong-ban',
  'xa',
  'thi-tran',
  'phuong',
  'so-nganh',
  'don-vi-su-nghiep',
  /** A village or urban quarter under a commune: thôn, ấp, khóm, tổ dân phố. */
  'thon-ap',
  'khac',
] as const;
/** One kind of unit. */
export type UnitKind = (typeof UNIT_KINDS)[number];

const email = z.email({ error: msg.badEmail });

/**
 * A unit's code: it names the unit's Firestore documents, so it must be a valid document id (not "." or "..",
 * not "__…__") as well as short and plain.
 */
export const UnitCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,32}$/, msg.badUnitCode)
  .refine((code) => /[A-Za-z0-9]/.test(code) && !/^__.*__$/.test(code), msg.reservedUnitCode);

/** A unit: identified by its code, never by its name (names change and have spelling variants). */
export const UnitSchema = z.strictObject({
  code: UnitCodeSchema,
  name: z.string().min(1),
  shortName: z.string().min(1).optional(),
  kind: z.enum(UNIT_KINDS),
  group: z.string().min(1),
  editors: z.array(email).default([]),
  aliases: z.array(z.string().min(1)).default([]),
  contact: z
    .strictObject({ person: z.string().optional(), phone: z.string().optional(), email: email.optional() })
    .optional(),
  /** The day the unit began (e.g. a commune formed by the 2025 merger): it owes nothing due before it. */
  establishedOn: IsoDateSchema.optional(),
  /** The first day the unit no longer exists (retired or merged): it owes nothing due on or after it. */
  retiredOn: IsoDateSchema.optional(),
  /** The code of the unit it was merged into on `retiredOn`; the evaluation says so on both units' lines. */
  mergedInto: z.string().min(1).optional(),
});
/** A unit as stored and used everywhere. */
export type Unit = z.infer<typeof UnitSchema>;

/** A named group of units, with the phrases official documents use for "all of them". */
export const UnitGroupSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  phrases: z.array(z.string().min(1)).default([]),
});
/** A group of units (e.g. "các xã, thị trấn"). */
export type UnitGroup = z.infer<typeof UnitGroupSchema>;

/** An organisation and its units. */
export const OrganisationSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{2,64}$/, msg.badOrganisationId),
    name: z.string().min(1),
    level: z.enum(['tinh', 'huyen', 'xa']),
    parent: z.string().optional(),
    place: z.string().min(1),
    coordinator: z.strictObject({ unitCode: z.string(), email, person: z.string().optional() }),
    groups: z.array(UnitGroupSchema).min(1),
    units: z.array(UnitSchema).min(1),
    /** How units are scored when evaluated across directives (docs/EVALUATION.md); theodoi's default when absent. */
    evaluation: EvaluationRubricSchema.optional(),
  })
  .superRefine((org, ctx) => {
    // Codes are compared ignoring case: "VP" and "vp" typed in two places are one unit, never two.
    const seen = new Map<string, string>();
    const groups = new Set(org.groups.map((g) => g.id));
    org.units.forEach((unit, i) => {
      const first = seen.get(unit.code.toLowerCase());
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['units', i, 'code'],
          message:
            first === unit.code
              ? msg.duplicateUnitCode(unit.code)
              : msg.caseDuplicateUnitCode(unit.code, first),
        });
      else seen.set(unit.code.toLowerCase(), unit.code);
      if (!groups.has(unit.group))
        ctx.addIssue({ code: 'custom', path: ['units', i, 'group'], message: msg.unknownGroup(unit.group) });
    });
    org.units.forEach((unit, i) =>
      lifecycleIssues(unit, seen).forEach((issue) =>
        ctx.addIssue({ ...issue, path: ['units', i, ...issue.path] }),
      ),
    );
    if (![...seen.values()].includes(org.coordinator.unitCode))
      ctx.addIssue({
        code: 'custom',
        path: ['coordinator', 'unitCode'],
        message: msg.unknownUnit(org.coordinator.unitCode),
      });
  });
/** What is wrong with a unit's establishment, retirement or merger; `codes` maps lower-cased codes to codes. */
function lifecycleIssues(
  unit: Unit,
  codes: ReadonlyMap<string, string>,
): { code: 'custom'; path: string[]; message: string }[] {
  const issues: { code: 'custom'; path: string[]; message: string }[] = [];
  const issue = (path: string, message: string) => issues.push({ code: 'custom', path: [path], message });
  if (unit.mergedInto !== undefined) {
    if (unit.mergedInto.toLowerCase() === unit.code.toLowerCase())
      issue('mergedInto', evaluationMsg.mergedIntoItself);
    else if (codes.get(unit.mergedInto.toLowerCase()) !== unit.mergedInto)
      issue('mergedInto', evaluationMsg.mergedIntoUnknown(unit.mergedInto));
    if (unit.retiredOn === undefined) issue('retiredOn', evaluationMsg.mergedWithoutRetired);
  }
  if (
    unit.establishedOn !== undefined &&
    unit.retiredOn !== undefined &&
    unit.retiredOn <= unit.establishedOn
  )
    issue('retiredOn', evaluationMsg.retiredBeforeEstablished);
  return issues;
}

/** A validated organisation. */
export type Organisation = z.infer<typeof OrganisationSchema>;
/** An organisation file as written, before defaults. */
export type OrganisationInput = z.input<typeof OrganisationSchema>;

/** Validates an organisation read from a file; throws a ZodError naming each bad field. */
export function parseOrganisation(input: unknown): Organisation {
  return OrganisationSchema.parse(input);
}
