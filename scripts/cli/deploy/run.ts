/** Executes a deploy plan: each command through child_process (never a shell), stopping at the first failure. */
import { spawnSync } from 'node:child_process';
import { renderStep, type CommandStep, type DeployStep } from './plan.js';

/** Runs one command; `quiet` hides its output (probes). Returns its exit status. */
export type Exec = (argv: readonly string[], options: { quiet: boolean; input?: string }) => number;

/** What the run needs from the outside: a command runner, the bundle builder, and where to say what it does. */
export interface RunDeps {
  exec: Exec;
  bundle: (outDir: string) => void;
  log: (line: string) => void;
  /** The coordinator's grant as THEODOI_GOOGLE_GRANT takes it (`theodoi auth login` stored it); throws when none. */
  grant: () => string;
}

/** A deploy step that failed; the message names the command. */
export class DeployStepFailed extends Error {
  constructor(
    readonly step: string,
    readonly status: number,
  ) {
    super(`Deploy step failed (exit ${status}): ${step}`);
    this.name = 'DeployStepFailed';
  }
}

/** The real runner: spawns the command with inherited output, or silenced for probes. */
export const spawnExec: Exec = (argv, { quiet, input }) => {
  const [command = '', ...args] = argv;
  const result = spawnSync(command, args, {
    stdio: [
      input === undefined ? 'inherit' : 'pipe',
      quiet ? 'ignore' : 'inherit',
      quiet ? 'ignore' : 'inherit',
    ],
    ...(input === undefined ? {} : { input }),
  });
  if (result.error) return 127;
  return result.status ?? 1;
};

/** Runs `steps` in order; throws DeployStepFailed at the first command that fails. */
export function runPlan(steps: readonly DeployStep[], deps: RunDeps): void {
  for (const step of steps) {
    deps.log(`$ ${renderStep(step)}`);
    if (step.kind === 'bundle') {
      deps.bundle(step.outDir);
      continue;
    }
    const argv = chooseCommand(step, deps.exec);
    if (argv === null) continue;
    const input = step.stdin === 'grant' && argv === step.argv ? deps.grant() : undefined;
    const status = deps.exec(argv, { quiet: false, ...(input === undefined ? {} : { input }) });
    if (status !== 0) throw new DeployStepFailed(renderStep(step), status);
  }
}

function chooseCommand(step: CommandStep, exec: Exec): readonly string[] | null {
  if (!step.probe) return step.argv;
  return exec(step.probe.argv, { quiet: true }) === 0 ? step.probe.ifFound : step.argv;
}
