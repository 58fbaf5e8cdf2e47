/** Field presence in the Sheets v4 protos: which fields keep a default value on the wire, and the oneof groups. */
// Discovery loses both facts, and the Sheets protos are not published, so they are written down here from
// recorded Google replies (README "Reply shapes"). Every other Sheets scalar has proto3 implicit presence:
// 0, false, "" and an enum's *_UNSPECIFIED are not sent, and neither is an empty list.

/**
 * Oneof groups per schema: members keep a default value (`numberValue: 0`) and at most one may be set. The
 * members follow the discovery descriptions ("exactly one of"); the group names, which only Google's error
 * text shows, are recalled from the protos (`value` of ExtendedValue as in its pivot-value twin).
 */
export const SHEETS_ONEOFS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  ExtendedValue: { value: ['numberValue', 'stringValue', 'boolValue', 'formulaValue', 'errorValue'] },
  DeveloperMetadataLocation: { location: ['spreadsheet', 'sheetId', 'dimensionRange'] },
  DataFilter: { filter: ['developerMetadataLookup', 'a1Range', 'gridRange'] },
  ConditionValue: { value: ['relativeDate', 'userEnteredValue'] },
  TextRotation: { type: ['angle', 'vertical'] },
  ColorStyle: { kind: ['rgbColor', 'themeColor'] },
};

/**
 * Fields outside oneofs that Google sends even at their default value: the first sheet's `sheetId: 0` and
 * `index: 0`, a GridRange's `startRowIndex: 0` (while its `sheetId: 0` is left out), a DimensionRange's
 * `startIndex: 0`, `bold: false` in a TextFormat (recorded); `fontSize` is taken to go with its siblings, and
 * Color's `alpha` is a wrapper type in google.type.Color.
 */
const EXPLICIT: Readonly<Record<string, readonly string[]>> = {
  SheetProperties: ['sheetId', 'index'],
  GridRange: ['startRowIndex', 'endRowIndex', 'startColumnIndex', 'endColumnIndex'],
  DimensionRange: ['startIndex', 'endIndex'],
  TextFormat: ['bold', 'italic', 'strikethrough', 'underline', 'fontSize'],
  Color: ['alpha'],
};

/** Whether `field` of Sheets schema `schema` is sent even when it holds its default value. */
export function hasExplicitPresence(schema: string | undefined, field: string): boolean {
  if (schema === undefined) return false;
  if (EXPLICIT[schema]?.includes(field)) return true;
  return Object.values(SHEETS_ONEOFS[schema] ?? {}).some((members) => members.includes(field));
}

/** The oneof group `field` belongs to in `schema` (its name and members), if any. */
export function oneofOf(
  schema: string | undefined,
  field: string,
): { name: string; members: readonly string[] } | undefined {
  if (schema === undefined) return undefined;
  for (const [name, members] of Object.entries(SHEETS_ONEOFS[schema] ?? {})) {
    if (members.includes(field)) return { name, members };
  }
  return undefined;
}
