/**
 * The command line's help and usage errors in Vietnamese: each command's, argument's and option's text from
 * help.vi.ts (by command path and flag), commander's headings, its built-in options and its error sentences.
 */
import type { Command, Help } from 'commander';
import { commandHelp, helpTexts, usageErrors } from './help.vi.js';

export { helpTexts };

/** The command's path as help.vi.ts keys it: "directive create". */
function pathOf(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Commander's error sentence ("error: unknown option '--x'") in Vietnamese; unknown ones pass unchanged. */
export function translateUsageError(text: string): string {
  for (const [pattern, replace] of usageErrors) {
    const match = pattern.exec(text);
    if (match) return text.replace(pattern, replace(...match.map((g) => g ?? '')));
  }
  return text;
}

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'Cách dùng:',
  'Options:': 'Tùy chọn:',
  'Commands:': 'Lệnh:',
  'Arguments:': 'Tham số:',
  'Global Options:': 'Tùy chọn chung:',
};

function localiseOne(cmd: Command): void {
  const texts = commandHelp[pathOf(cmd)];
  if (texts) {
    cmd.description(texts.description);
    for (const arg of cmd.registeredArguments) {
      const text = texts.arguments?.[arg.name()];
      if (text) arg.description = text;
    }
    for (const option of cmd.options) {
      const text = texts.options?.[option.long ?? option.short ?? ''];
      if (text) option.description = text;
    }
  }
  const version = cmd.options.find((o) => o.long === '--version');
  if (version) version.description = helpTexts.version;
  cmd.helpOption('-h, --help', helpTexts.help);
  cmd.helpCommand('help [lệnh]', helpTexts.helpCommand);
  cmd.configureHelp({ styleTitle: (title: string) => TITLES[title] ?? title } satisfies Partial<Help>);
  cmd.configureOutput({ outputError: (text, write) => write(translateUsageError(text)) });
  for (const sub of cmd.commands) localiseOne(sub);
}

/** Gives every command of the tree its Vietnamese help and error sentences; returns the root. */
export function localise(program: Command): Command {
  localiseOne(program);
  return program;
}
