/** `npm run bench`: runs every benchmark, prints a table and writes bench/results.json. */
import { writeFileSync } from 'node:fs';
import { importTimeMs } from './cold-start.js';
import { measureSync } from './sync-processing.js';

interface Row {
  name: string;
  value: number;
  unit: string;
  target?: string;
  note?: string;
}

const rows: Row[] = [];

const entry = importTimeMs('./dist/functions/src/index.js');
const sheetsClient = importTimeMs('@googleapis/sheets');
const firestore = importTimeMs('firebase-admin/firestore');
rows.push(
  { name: 'cold start: import functions entry (dist)', value: round(entry), unit: 'ms', target: '≤ 350 ms' },
  {
    name: 'cold start: import @googleapis/sheets',
    value: round(sheetsClient),
    unit: 'ms',
    note: 'loaded lazily',
  },
  {
    name: 'cold start: import firebase-admin/firestore',
    value: round(firestore),
    unit: 'ms',
    note: 'loaded lazily',
  },
);

for (const units of [10, 100, 1000, 5000]) {
  const f = measureSync(units);
  rows.push({
    name: `sync processing, ${units} units × ${f.columns} columns (JSON.parse ${round(f.jsonParseMs)} ms)`,
    value: round(f.processingMs),
    unit: 'ms',
    target: units === 1000 ? '≤ 3× JSON.parse' : undefined,
    note: `${round(f.ratio)}× JSON.parse; unchanged sync ${round(f.unchangedProcessingMs)} ms; payload ${Math.round(f.payloadBytes / 1024)} KiB`,
  });
}

console.table(rows);
writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
);

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
