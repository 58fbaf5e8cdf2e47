/** A file that parsed but does not say what it must (a zod error), told as Vietnamese lines naming each field. */
import type { ZodError } from 'zod';
import './vietnamese-validation.js';

/** The most problems listed; the rest are counted. */
const MAX_LISTED = 8;

/** "Tệp F có N chỗ cần sửa:" and one line per problem, `trường a.b[2]: …` with zod's Vietnamese message. */
export function invalidFileMessage(file: string, error: ZodError, hint?: string): string {
  const lines = error.issues.slice(0, MAX_LISTED).map((issue) => {
    const path = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
      .join('');
    return `  - ${path === '' ? 'cả tệp' : `trường ${path}`}: ${issue.message}`;
  });
  const more = error.issues.length - MAX_LISTED;
  if (more > 0) lines.push(`  … và ${more} chỗ khác.`);
  const head = `Tệp ${file} có ${error.issues.length} chỗ cần sửa:`;
  return [head, ...lines, ...(hint ? [hint] : [])].join('\n');
}
