/** The directive draft: what `directive import` reads out of a document, for the coordinator to review and complete. */
import { z } from 'zod';
import { DOCUMENT_KIND_IDS } from './kinds.js';

/** The format tag of a draft file. */
export const DRAFT_FORMAT = 'theodoi/directive-draft@1';

/** A date as far as the document gives it: any part may be blank ("ngày tháng 02 năm 2024"). */
export const PartialDateSchema = z.strictObject({
  year: z.number().int().min(1900).max(2200).nullable(),
  month: z.number().int().min(1).max(12).nullable(),
  day: z.number().int().min(1).max(31).nullable(),
});
/** A partial date. */
export type PartialDate = z.infer<typeof PartialDateSchema>;

/** A document number and symbol ("06/UBND-HCC", "/UBND-NV" not yet numbered, "09/2019/NĐ-CP"). */
export const NumberSymbolSchema = z.strictObject({
  raw: z.string(),
  number: z.number().int().positive().nullable(),
  year: z.number().int().nullable(),
  symbol: z.string().nullable(),
});
/** A number and symbol. */
export type NumberSymbol = z.infer<typeof NumberSymbolSchema>;

/** Who a phrase names: units by code, whole unit groups by id, and what could not be tied to a unit. */
export const PartiesSchema = z.strictObject({
  raw: z.string().nullable(),
  units: z.array(z.string()),
  groups: z.array(z.string()),
  unresolved: z.array(z.string()),
  /** Phrases naming no particular unit ("các cơ quan, đơn vị liên quan"). */
  unspecified: z.array(z.string()),
});
/** Resolved parties. */
export type Parties = z.infer<typeof PartiesSchema>;

/** The kinds of deadline the importer tells apart. */
export const DEADLINE_KINDS = [
  'by-date',
  'on-date',
  'within-month',
  'within-quarter',
  'within-year',
  'periodic',
  'continuous',
] as const;
/** The periods of a recurring deadline. */
export const RECURRENCES = ['week', 'month', 'quarter', 'half-year', 'year'] as const;

/** A deadline as written ("trước ngày 30/9/2025", "trong tháng 3/2024", "định kỳ hằng quý"). */
export const DeadlineSchema = z.strictObject({
  raw: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  date: PartialDateSchema.nullable(),
  quarter: z.number().int().min(1).max(4).nullable(),
  every: z.enum(RECURRENCES).nullable(),
});
/** A deadline. */
export type Deadline = z.infer<typeof DeadlineSchema>;

/** One task of the directive: a numbered item, a table row or an article. */
export const TaskSchema = z.strictObject({
  /** "1", "II.2.a", "Điều 3", or a table row "II.T3". */
  id: z.string().min(1),
  source: z.enum(['item', 'table', 'article']),
  /** The headings the task sits under, outermost first ("II. NỘI DUNG", "1. Tuyên truyền …"). */
  headings: z.array(z.string()),
  text: z.string(),
  lead: PartiesSchema,
  cooperating: PartiesSchema,
  deadlines: z.array(DeadlineSchema),
});
/** A task. */
export type Task = z.infer<typeof TaskSchema>;

/** A document the directive refers to ("Công văn số 06/UBND-HCC ngày 26/01/2024 của Ủy ban nhân dân tỉnh"). */
export const ReferenceSchema = z.strictObject({
  kind: z.enum(DOCUMENT_KIND_IDS),
  kindLabel: z.string(),
  /** The words the document is cited with, up to its issuer. */
  raw: z.string(),
  numberSymbol: NumberSymbolSchema.nullable(),
  /** A law's name ("Tổ chức chính quyền địa phương"); null for numbered documents. */
  title: z.string().nullable(),
  date: PartialDateSchema.nullable(),
  issuer: z.string().nullable(),
  subject: z.string().nullable(),
});
/** A referenced document. */
export type Reference = z.infer<typeof ReferenceSchema>;

/** Signing authorities of Decree 30/2020: thay mặt, ký thay, thừa lệnh, quyền, thừa ủy quyền. */
export const AUTHORITIES = ['TM', 'KT', 'TL', 'Q', 'TUQ'] as const;

/** The signature block. */
export const SignerSchema = z.strictObject({
  /** "TM. Ủy ban nhân dân", then "KT. Chủ tịch" …, outermost first. */
  authorities: z.array(z.strictObject({ kind: z.enum(AUTHORITIES), of: z.string() })),
  title: z.string().nullable(),
  name: z.string().nullable(),
});
/** A signer. */
export type Signer = z.infer<typeof SignerSchema>;

/** One recipient line of "Kính gửi" and what it resolved to. */
export const RecipientLineSchema = z.strictObject({
  text: z.string(),
  units: z.array(z.string()),
  groups: z.array(z.string()),
  unresolved: z.array(z.string()),
});

/** Recipients ("Kính gửi"): the lines as written and every unit they name, groups expanded. */
export const RecipientsSchema = z.strictObject({
  lines: z.array(RecipientLineSchema),
  /** Every recipient unit code, whole groups expanded, in the organisation's order. */
  unitCodes: z.array(z.string()),
  groups: z.array(z.string()),
  unresolved: z.array(z.string()),
});
/** Recipients. */
export type Recipients = z.infer<typeof RecipientsSchema>;

/** "Nơi nhận": the entries, the archive line split ("Lưu: VT, NCNV (s)" → ["VT", "NCNV (s)"]) and the units named. */
export const DistributionSchema = z.strictObject({
  entries: z.array(z.string()),
  archive: z.array(z.string()),
  units: z.array(z.string()),
  groups: z.array(z.string()),
});
/** Distribution list. */
export type Distribution = z.infer<typeof DistributionSchema>;

/** Codes of the warnings a draft can carry. */
export const WARNING_CODES = [
  'recipient-unresolved',
  'lead-unresolved',
  'cooperating-unresolved',
  'kind-from-symbol',
  'kind-symbol-mismatch',
  'invalid-date',
  'issuer-not-organisation',
  'low-confidence',
] as const;

/** Something the coordinator should look at: a code, the field it concerns and a Vietnamese message. */
export const WarningSchema = z.strictObject({
  code: z.enum(WARNING_CODES),
  field: z.string(),
  message: z.string(),
});
/** A warning. */
export type DraftWarning = z.infer<typeof WarningSchema>;

/** The formats a document is read from: text, Word, a PDF (its text layer, OCR for scanned pages), an image (OCR). */
export const SOURCE_FORMATS = ['txt', 'docx', 'pdf', 'image', 'text'] as const;

/** How OCR went, when some of the document was a scan: the engine, the pages read and the mean word confidence. */
export const OcrReportSchema = z.strictObject({
  engine: z.string(),
  /** 1-based pages read by OCR (1 for an image). */
  pages: z.array(z.number().int().positive()),
  /** Mean confidence of the words read, 0–100. */
  confidence: z.number().min(0).max(100),
  words: z.number().int().nonnegative(),
  /** Words read below the review threshold. */
  lowConfidenceWords: z.number().int().nonnegative(),
  threshold: z.number().min(0).max(100),
});
/** An OCR report. */
export type OcrReport = z.infer<typeof OcrReportSchema>;

/** The whole draft. Every field the document did not give is null (or empty) and named in `missing`. */
export const DirectiveDraftSchema = z.strictObject({
  format: z.literal(DRAFT_FORMAT),
  organisation: z.string(),
  source: z.strictObject({
    file: z.string().nullable(),
    format: z.enum(SOURCE_FORMATS),
    /** Null unless some page was read by OCR; drafts written before OCR have none. */
    ocr: OcrReportSchema.nullable().default(null),
  }),
  kind: z.enum(DOCUMENT_KIND_IDS).nullable(),
  kindLabel: z.string().nullable(),
  issuer: z.strictObject({
    name: z.string().nullable(),
    parent: z.string().nullable(),
    lines: z.array(z.string()),
  }),
  numberSymbol: NumberSymbolSchema.nullable(),
  place: z.string().nullable(),
  date: PartialDateSchema.extend({ raw: z.string() }).nullable(),
  subject: z.string().nullable(),
  recipients: RecipientsSchema,
  references: z.array(ReferenceSchema),
  tasks: z.array(TaskSchema),
  signer: SignerSchema,
  distribution: DistributionSchema,
  missing: z.array(z.string()),
  warnings: z.array(WarningSchema),
  /** Fields holding words OCR read with low confidence, to check against the paper ("numberSymbol", "recipients[0]"). */
  review: z.array(z.string()).default([]),
});
/** A directive draft. */
export type DirectiveDraft = z.infer<typeof DirectiveDraftSchema>;

/** Validates a draft read back from a file (e.g. by `directive create`); throws a ZodError naming each bad field. */
export function parseDirectiveDraft(input: unknown): DirectiveDraft {
  return DirectiveDraftSchema.parse(input);
}
