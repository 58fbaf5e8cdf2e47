// E-mail addresses: one address, ASCII, with a dotted domain; "mailto:" is dropped and the domain lowercased.
import type { CellOutcome } from './issue.js';
import { accept, refuse } from './issue.js';

const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Reads one e-mail address. */
export function parseEmail(raw: string | number | boolean): CellOutcome {
  const found = raw;
  if (typeof raw !== 'string' || raw.length > 254) return refuse({ code: 'notEmail', found });
  const text = raw.replace(/^mailto:/i, '');
  const at = text.lastIndexOf('@');
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (at <= 0 || local.length > 64 || !LOCAL.test(local) || !DOMAIN.test(domain))
    return refuse({ code: 'notEmail', found });
  return accept(`${local}@${domain.toLowerCase()}`);
}
