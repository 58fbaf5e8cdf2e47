/** OAuth scopes: which ones a call accepts (from discovery), which are per-file, sensitive or restricted. */

const AUTH = 'https://www.googleapis.com/auth/';

/** The scopes the emulator's users name most. */
export const SCOPE = {
  drive: `${AUTH}drive`,
  driveFile: `${AUTH}drive.file`,
  driveReadonly: `${AUTH}drive.readonly`,
  spreadsheets: `${AUTH}spreadsheets`,
  spreadsheetsReadonly: `${AUTH}spreadsheets.readonly`,
  cloudPlatform: `${AUTH}cloud-platform`,
} as const;

/** What a token gets when nobody asked for less: a person's full Sheets and Drive access. */
export const DEFAULT_SCOPES: readonly string[] = [SCOPE.spreadsheets, SCOPE.drive];

/** Scopes that reach every file the principal can reach; the others Drive/Sheets accept reach only the app's files. */
const WHOLE_STORE = new Set([
  SCOPE.drive,
  SCOPE.driveReadonly,
  `${AUTH}drive.metadata`,
  `${AUTH}drive.metadata.readonly`,
  SCOPE.spreadsheets,
  SCOPE.spreadsheetsReadonly,
]);

/**
 * Restricted scopes (Drive's "Choose Google Drive API scopes" table): an unverified app in production may not
 * get them.
 */
const RESTRICTED = new Set(
  [
    'drive',
    'drive.readonly',
    'drive.metadata',
    'drive.metadata.readonly',
    'drive.scripts',
    'drive.activity',
    'drive.activity.readonly',
    'drive.meet.readonly',
    'drive.photos.readonly',
  ].map((s) => `${AUTH}${s}`),
);

/** Scopes besides Sheets' and Drive's that the consent screen accepts. */
const OTHER_KNOWN = [
  'openid',
  'email',
  'profile',
  `${AUTH}userinfo.email`,
  `${AUTH}userinfo.profile`,
  SCOPE.cloudPlatform,
  `${AUTH}script.external_request`,
  `${AUTH}script.projects`,
  `${AUTH}script.scriptapp`,
];

/** Whether an unverified production app is blocked from asking for this scope. */
export function isRestricted(scope: string): boolean {
  return RESTRICTED.has(scope);
}

/** The scopes an authorization request may name: discovery's scopes of both APIs plus sign-in ones. */
export function knownScopes(discoveryScopes: Iterable<string>): Set<string> {
  return new Set([...discoveryScopes, ...OTHER_KNOWN]);
}

/** Splits a space-separated scope parameter (Google also accepts commas between scopes). */
export function parseScopes(text: string | null | undefined): string[] {
  return [...new Set((text ?? '').split(/[\s,]+/).filter((s) => s.length > 0))];
}

/** The outcome of checking a token's scopes against a method's: refused, or allowed (perhaps per file only). */
export type ScopeGrant = { allowed: false } | { allowed: true; perFile: boolean };

/**
 * Whether a token with `tokenScopes` may call a method accepting `methodScopes`. No token scopes (a person in
 * Google's own UI) or a method with no scopes allows everything; when only per-file scopes (drive.file) match, the
 * call sees only the app's files.
 */
export function grantFor(methodScopes: string[] | undefined, tokenScopes: string[] | undefined): ScopeGrant {
  if (tokenScopes === undefined || !methodScopes || methodScopes.length === 0)
    return { allowed: true, perFile: false };
  const matching = methodScopes.filter((s) => tokenScopes.includes(s));
  if (matching.length === 0) return { allowed: false };
  return { allowed: true, perFile: !matching.some((s) => WHOLE_STORE.has(s)) };
}
