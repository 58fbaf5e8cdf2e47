/**
 * The contract between the coordinator's standalone Apps Script (Code.gs) and theodoi's `sheetEvent` and
 * `sheetTargets` functions: the event's payload and the targets' answer. The caller proves who it is with a
 * Google-signed ID token (`Authorization: Bearer`), never with anything in the payload (decision 004).
 */
import { z } from 'zod';

/** This contract's version, the payload's `v`. Version 1 was signed with a shared secret and is refused. */
export const CONTRACT_VERSION = 2;
/** Larger bodies are refused before any parsing: a real event is well under 1 KiB. */
export const MAX_BODY_BYTES = 4 * 1024;
/** The trigger slots theodoi may fill: Google's 20 per user per script, less the hourly `dongBoKichHoat`. */
export const MAX_EDIT_TRIGGERS = 19;

/**
 * What the installable onEdit trigger sends for one edit: only a hint that spreadsheet S changed (and where).
 * Nothing in it is trusted for data or attribution: the sync reads the sheet itself, and who called is the token's.
 */
export const SheetEventSchema = z.strictObject({
  v: z.literal(CONTRACT_VERSION),
  spreadsheetId: z.string().regex(/^[\w-]{10,100}$/),
  /** onEdit, or onChange for a structural change. */
  kind: z.enum(['edit', 'change']),
  /** The edited tab's title. */
  sheetName: z.string().max(200).optional(),
  /** A1 range of the edit without the tab, e.g. "C7" or "C7:E9". */
  range: z.string().max(100).optional(),
  /** For onChange: EDIT, INSERT_ROW, INSERT_COLUMN, REMOVE_ROW, REMOVE_COLUMN, INSERT_GRID, REMOVE_GRID, FORMAT, OTHER. */
  changeType: z.string().max(32).optional(),
});
/** One sheet event, as validated. */
export type SheetEvent = z.infer<typeof SheetEventSchema>;

/** What `sheetTargets` answers: the spreadsheets that should have an edit trigger, most urgent first. */
export const SheetTargetsSchema = z.strictObject({
  v: z.literal(CONTRACT_VERSION),
  spreadsheetIds: z.array(z.string()).max(MAX_EDIT_TRIGGERS),
  /** The coordinator's open directives, listed or not. */
  openDirectives: z.number().int().nonnegative(),
});
/** The targets' answer. */
export type SheetTargets = z.infer<typeof SheetTargetsSchema>;
