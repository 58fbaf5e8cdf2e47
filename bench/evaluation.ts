/**
 * The evaluation at a province's scale — 1 year × 200 directives × 120 units — in a fresh Node process, against the
 * dashboard function's memory (512 MiB) and a few seconds: the tally, scores and ranks from obligations held in
 * memory, and the "Đánh giá đơn vị" tab's requests with the fingerprint that lets an unchanged rewrite be skipped.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { mib, type Row } from './row.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MARK = 'BENCH-EVALUATION ';

/** What the child process measured. */
interface EvaluationFigures {
  obligations: number;
  rowsDue: number;
  units: number;
  generatedMs: number;
  tallyMs: number;
  tabMs: number;
  requests: number;
  heapWithObligationsBytes: number;
  heapAfterTallyBytes: number;
  maxRssBytes: number;
}

/** Runs the evaluation of `directives` × `units` over a year in a fresh process and returns its rows. */
export async function evaluationRows(directives: number, units: number): Promise<Row[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/evaluation-child.ts', String(directives), String(units)],
    { cwd: ROOT, timeout: 300_000, maxBuffer: 16 * 2 ** 20 },
  );
  const line = stdout.split('\n').find((l) => l.startsWith(MARK));
  if (!line) throw new Error(`the evaluation's process printed no figures:\n${stdout.slice(-2000)}`);
  const f = JSON.parse(line.slice(MARK.length)) as EvaluationFigures;
  const scale = `1 year × ${directives} directives × ${units} units (${f.obligations.toLocaleString('en')} rows)`;
  const seconds = (f.tallyMs + f.tabMs) / 1000;
  return [
    {
      name: `evaluation: tally, scores and tab of ${scale}`,
      value: Math.round(seconds * 100) / 100,
      unit: 's',
      target: '≤ 5 s',
      met: seconds <= 5,
      note:
        `tally + scores + ranks ${Math.round(f.tallyMs)} ms, tab requests + fingerprint ${Math.round(f.tabMs)} ms ` +
        `(${f.requests} requests); ${f.rowsDue.toLocaleString('en')} rows due across ${f.units} units`,
    },
    {
      name: `evaluation: peak RSS of ${scale}`,
      value: mib(f.maxRssBytes),
      unit: 'MiB',
      target: '≤ 512 MiB',
      met: f.maxRssBytes <= 512 * 2 ** 20,
      note:
        `heap ${mib(f.heapWithObligationsBytes)} MiB with the obligations in memory, ${mib(f.heapAfterTallyBytes)} MiB ` +
        `after the tally; fresh Node process (tsx loader included); synthetic rows built in ${Math.round(f.generatedMs)} ms`,
    },
  ];
}
