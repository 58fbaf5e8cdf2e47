/** Which request field an HTTP body binds to, per method: Google's HTTP annotations, which discovery leaves out. */
// With `body: "data"` the JSON body is the request's `data` field, so Google names a bad value in it
// `data.values` and an unknown name "at 'data'" (README "Reply shapes"). Methods not listed bind the whole
// request (`body: "*"`), and their paths start at the body's own fields (`requests[0].add_sheet`).
const BODY_FIELDS: Readonly<Record<string, string>> = {
  'sheets.spreadsheets.values.update': 'data',
  'sheets.spreadsheets.values.append': 'data',
  'sheets.spreadsheets.create': 'spreadsheet',
};

/** The request field the body of `methodId` is bound to ('' when the body is the whole request). */
export function bodyField(methodId: string): string {
  return BODY_FIELDS[methodId] ?? '';
}
