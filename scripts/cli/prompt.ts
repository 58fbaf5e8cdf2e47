/** Questions asked in a terminal (node:readline): a value with its proposed default, and a yes/no confirmation. */
import { createInterface } from 'node:readline/promises';

/** Asks the coordinator; absent when the command does not run in a terminal (flags then decide everything). */
export interface Asker {
  /** The answer to `question`, or `proposed` when the answer is left empty. */
  ask(question: string, proposed?: string): Promise<string>;
  /** True only for an explicit yes ("c", "có", "y", "yes"). */
  confirm(question: string): Promise<boolean>;
}

const YES = new Set(['c', 'co', 'có', 'y', 'yes']);

/** Whether an answer to a yes/no question is yes. */
export function isYes(answer: string): boolean {
  return YES.has(answer.trim().toLowerCase());
}

/** An asker reading the process's terminal; undefined when stdin or stdout is not a terminal. */
export function terminalAsker(): Asker | undefined {
  if (!process.stdin.isTTY || !process.stdout.isTTY) return undefined;
  const ask = async (question: string): Promise<string> => {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  };
  return {
    async ask(question, proposed) {
      const answer = (await ask(proposed ? `${question} [${proposed}]: ` : `${question}: `)).trim();
      return answer === '' ? (proposed ?? '') : answer;
    },
    async confirm(question) {
      return isYes(await ask(`${question} (c/K): `));
    },
  };
}
