// Folding text for lenient matching (case, diacritics, spacing), with a shortcut for the ASCII text most cells hold.
import { foldVietnamese } from '@theodoi/sheets-schema/template-format';

// eslint-disable-next-line no-control-regex -- any ASCII character, control characters included
const ASCII = /^[\u0000-\u007F]*$/;

/**
 * Exactly foldVietnamese(text). On ASCII text its Unicode steps (NFD, dropping combining marks, đ → d) change nothing,
 * so only lowercasing and collapsing spaces are left to do.
 */
export function foldText(text: string): string {
  return ASCII.test(text) ? text.toLowerCase().replace(/\s+/g, ' ').trim() : foldVietnamese(text);
}
