// Running a plan: probes decide create or update, the coordinator's grant goes on stdin, the first failure stops the run.
import { describe, expect, it } from 'vitest';
import { planDeploy, type DeployStep } from '@theodoi/cli/deploy/plan';
import { DeployStepFailed, runPlan, spawnExec, type Exec } from '@theodoi/cli/deploy/run';

interface Call {
  argv: string;
  quiet: boolean;
  input?: string;
}

/** A fake gcloud: `exists` lists the describe probes that succeed; `failing` a command that exits 1. */
function fakeExec(exists: RegExp | null, failing?: RegExp): { exec: Exec; calls: Call[] } {
  const calls: Call[] = [];
  const exec: Exec = (argv, { quiet, input }) => {
    const line = argv.join(' ');
    calls.push({ argv: line, quiet, ...(input === undefined ? {} : { input }) });
    if (quiet) return exists?.test(line) ? 0 : 1;
    return failing?.test(line) ? 1 : 0;
  };
  return { exec, calls };
}

const GRANT =
  '{"type":"authorized_user","client_id":"c","client_secret":"s","refresh_token":"r","email":"a@gmail.com"}';
const plan = planDeploy({ project: 'theodoi-thap-muoi', region: 'asia-southeast1' });
const run = (steps: readonly DeployStep[], exec: Exec) => {
  const events: string[] = [];
  runPlan(steps, { exec, bundle: (dir) => events.push(`bundle ${dir}`), log: () => {}, grant: () => GRANT });
  return events;
};

describe('runPlan', () => {
  it("on a new project creates everything and feeds the coordinator's grant on stdin", () => {
    const { exec, calls } = fakeExec(null);
    expect(run(plan, exec)).toEqual(['bundle out/deploy']);
    const loud = calls.filter((c) => !c.quiet);
    expect(loud.map((c) => c.argv)).toContain(
      'gcloud iam service-accounts create theodoi --display-name=theodoi --project=theodoi-thap-muoi',
    );
    expect(loud.filter((c) => c.argv.startsWith('gcloud scheduler jobs create http'))).toHaveLength(3);
    const secret = loud.filter((c) => c.input !== undefined);
    expect(secret).toHaveLength(1);
    expect(secret[0]!.argv).toMatch(/^gcloud secrets versions add theodoi-google-grant --data-file=- /);
    expect(secret[0]!.input).toBe(GRANT);
  });

  it('on a second deploy keeps what exists, adds the grant in force and updates the schedules', () => {
    const { exec, calls } = fakeExec(/ describe /);
    run(plan, exec);
    const loud = calls.filter((c) => !c.quiet).map((c) => c.argv);
    expect(loud.some((l) => / create /.test(l))).toBe(false);
    expect(loud.filter((l) => l.includes('secrets versions add'))).toEqual([
      'gcloud secrets versions add theodoi-google-grant --data-file=- --project=theodoi-thap-muoi',
    ]);
    expect(loud.filter((l) => l.startsWith('gcloud scheduler jobs update http'))).toHaveLength(3);
    expect(loud.filter((l) => l.startsWith('gcloud functions deploy'))).toHaveLength(9);
  });

  it('stops at the first failing command and names it', () => {
    const { exec, calls } = fakeExec(null, /functions deploy sheetEvent/);
    expect(() => run(plan, exec)).toThrow(DeployStepFailed);
    expect(() => run(plan, fakeExec(null, /functions deploy sheetEvent/).exec)).toThrow(
      /exit 1\): gcloud functions deploy sheetEvent/,
    );
    expect(calls.at(-1)!.argv).toMatch(/^gcloud functions deploy sheetEvent /);
    expect(calls.some((c) => c.argv.startsWith('gcloud scheduler'))).toBe(false);
  });
});

describe('spawnExec', () => {
  const node = process.execPath;
  it('returns the exit status, feeds stdin, and answers 127 for a missing program', () => {
    expect(spawnExec([node, '-e', 'process.exit(3)'], { quiet: true })).toBe(3);
    const echo = 'process.stdin.on("data", (d) => process.exit(String(d) === "s3cret" ? 0 : 4))';
    expect(spawnExec([node, '-e', echo], { quiet: true, input: 's3cret' })).toBe(0);
    expect(spawnExec([node, '-e', echo], { quiet: true, input: 'other' })).toBe(4);
    expect(spawnExec(['theodoi-no-such-program'], { quiet: true })).toBe(127);
  });
});
