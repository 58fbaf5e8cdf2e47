// Web links for evidence: http and https only; a link pasted without its scheme ("drive.google.com/…") gets https.
import type { CellOutcome } from './issue.js';
import { accept, refuse } from './issue.js';

const MAX_URL = 2_048;
const WEB_SCHEME = /^https?:\/\//i;
const OTHER_SCHEME = /^(?:[a-z][a-z0-9+.-]*:\/\/|(?:javascript|data|mailto|file|tel|vbscript):)/i;
const BARE_HOST = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;
// The usual link, which URL parsing would accept as it is: ASCII labels (no punycode "xn--", which needs decoding),
// the last starting with a letter (so not an IPv4 address), no port or user, printable ASCII after the host.
const COMMON_WEB_URL = /^https?:\/\/(?![^/?#]*xn--)(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*(?:[/?#][\x21-\x7E]*)?$/i;

/** Reads a link, keeping it as typed (plus https:// when the scheme was left out). */
export function parseUrl(raw: string | number | boolean): CellOutcome {
  const found = raw;
  if (typeof raw !== 'string' || raw.length > MAX_URL || /\s/.test(raw))
    return refuse({ code: 'notUrl', found });
  let text = raw;
  if (!WEB_SCHEME.test(text)) {
    if (OTHER_SCHEME.test(text)) return refuse({ code: 'urlScheme', found });
    if (!BARE_HOST.test(text)) return refuse({ code: 'notUrl', found });
    text = `https://${text}`;
  }
  if (COMMON_WEB_URL.test(text)) return accept(text);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse({ code: 'notUrl', found });
  }
  const host = url.hostname;
  if (!host.includes('.') || host.startsWith('.') || host.endsWith('.'))
    return refuse({ code: 'notUrl', found });
  return accept(text);
}
