// Runs `theodoi directive …` in-process, collecting what it prints; a commander exit (--help) is returned, not thrown.
import { CommanderError } from 'commander';
import { directiveCommand } from '@theodoi/cli/commands/directive';

/** Runs the directive command with `args`; returns stdout, stderr and commander's exit code when it exited. */
export async function runDirective(...args: string[]): Promise<{ out: string; err: string; exit?: string }> {
  let out = '';
  let err = '';
  const command = directiveCommand({ out: (t) => (out += t), err: (t) => (err += t) });
  for (const sub of command.commands)
    sub.exitOverride().configureOutput({ writeOut: (t) => (out += t), writeErr: (t) => (err += t) });
  try {
    await command.exitOverride().parseAsync(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return { out, err, exit: error.code };
    throw error;
  }
  return { out, err };
}
