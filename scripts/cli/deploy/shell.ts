/** Shell quoting for printing commands: each argument quoted only when the shell would otherwise split or expand it. */

const SAFE = /^[\w@%+=:,./-]+$/;

/** One argument as a POSIX shell word: bare when safe, else single-quoted. */
export function shellQuote(arg: string): string {
  if (arg !== '' && SAFE.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A command line: every argument quoted as needed and joined by spaces. */
export function shellLine(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}
