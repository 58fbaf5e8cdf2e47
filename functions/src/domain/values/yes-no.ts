// Yes/no answers: sheet checkboxes (booleans), Có/Không with or without diacritics, x and ✓ marks, TRUE/FALSE, 1/0.
import { foldText } from './fold.js';
import type { CellOutcome } from './issue.js';
import { accept, refuse } from './issue.js';

const YES = new Set(['co', 'c', 'x', 'yes', 'y', 'true', 'dung', 'da co', '1', '✓', '✔', '☑', '✅']);
const NO = new Set([
  'khong',
  'khong co',
  'k',
  'ko',
  'kg',
  'no',
  'n',
  'false',
  'sai',
  'chua',
  'chua co',
  '0',
  '✗',
  '✘',
  '☐',
  '❌',
]);

/** Reads a yes/no answer as a boolean. */
export function parseYesNo(raw: string | number | boolean): CellOutcome {
  if (typeof raw === 'boolean') return accept(raw);
  if (typeof raw === 'number') {
    if (raw === 1 || raw === 0) return accept(raw === 1);
    return refuse({ code: 'notYesNo', found: raw });
  }
  if (raw.length > 20) return refuse({ code: 'notYesNo', found: raw });
  const folded = foldText(raw).replace(/[.!]$/, '');
  if (YES.has(folded)) return accept(true);
  if (NO.has(folded)) return accept(false);
  return refuse({ code: 'notYesNo', found: raw });
}
