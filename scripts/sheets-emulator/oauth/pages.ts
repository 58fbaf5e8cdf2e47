/** The HTML Google's sign-in shows: its error pages (texts as people report them) and a small account chooser. */
import { esc } from '../ui/html.js';

/** An HTML answer. */
export interface HtmlPage {
  status: number;
  html: string;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:sans-serif;max-width:40em;margin:3em auto;line-height:1.4}
code{background:#f1f3f4;padding:0 .2em}form{display:inline}button{margin:.2em}</style></head>
<body>${body}</body></html>`;
}

function details(params: URLSearchParams): string {
  const shown = ['access_type', 'scope', 'response_type', 'redirect_uri', 'client_id'];
  const parts = shown.filter((k) => params.has(k)).map((k) => `${k}=${params.get(k) ?? ''}`);
  return `Request details: ${parts.join(' ')} flowName=GeneralOAuthFlow`;
}

/** "Access blocked: This app's request is invalid" with `Error <status>: <error>` and what Google adds. */
export function authorizationError(
  status: number,
  error: string,
  explanation: string,
  params: URLSearchParams,
): HtmlPage {
  return {
    status,
    html: page(
      `Error ${status}: ${error}`,
      `<h1>Access blocked: Authorization Error</h1>
<h2 id="error">Error ${status}: ${esc(error)}</h2>
<p id="explanation">${esc(explanation)}</p>
<p id="details">${esc(details(params))}</p>`,
    ),
  };
}

/** The redirect_uri_mismatch page of an installed app whose redirect is no loopback address. */
export function redirectMismatch(params: URLSearchParams): HtmlPage {
  return authorizationError(
    400,
    'redirect_uri_mismatch',
    "You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. " +
      "If you're the app developer, register the redirect URI in the Google Cloud Console. " +
      `Request details: redirect_uri=${params.get('redirect_uri') ?? ''}`,
    params,
  );
}

/** Google's page for an unverified app asking for a restricted scope. */
export function appBlocked(params: URLSearchParams): HtmlPage {
  return {
    status: 403,
    html: page(
      'This app is blocked',
      `<h1 id="error">This app is blocked</h1>
<p id="explanation">This app tried to access sensitive info in your Google Account. To keep your account safe, Google blocked this access.</p>
<p id="details">${esc(details(params))}</p>`,
    ),
  };
}

/** Google's page when the address typed is no Google account (nothing to sign in to). */
export function noSuchAccount(email: string): HtmlPage {
  return {
    status: 400,
    html: page(
      "Couldn't find your Google Account",
      `<h1 id="error">Couldn't find your Google Account</h1><p id="explanation">${esc(email)} is not a Google account.</p>`,
    ),
  };
}

/**
 * The account chooser: one line per known account with Allow / Deny, and a field for any other address. The
 * forms post the original request back with the choice.
 */
export function chooser(params: URLSearchParams, accounts: string[]): HtmlPage {
  const hidden = [...params]
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  const choice = (emailField: string) =>
    `<form method="post" action="/o/oauth2/v2/auth/decide">${hidden}${emailField}
<button name="approve" value="true">Allow</button><button name="approve" value="false">Deny</button></form>`;
  const rows = accounts
    .map(
      (email) =>
        `<li>${esc(email)} ${choice(`<input type="hidden" name="email" value="${esc(email)}">`)}</li>`,
    )
    .join('\n');
  return {
    status: 200,
    html: page(
      'Choose an account',
      `<h1>Choose an account</h1>
<p>to continue to <code>${esc(params.get('client_id') ?? '')}</code>, which asks for: <code>${esc(params.get('scope') ?? '')}</code></p>
<ul>${rows}</ul>
<p>Another account: ${choice('<input type="email" name="email" placeholder="someone@gmail.com" required>')}</p>`,
    ),
  };
}
