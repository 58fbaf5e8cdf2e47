/** `npm run bench`: runs every benchmark, prints a table and writes bench/results.json. */
import { writeFileSync } from 'node:fs';
import { importTimeMs } from './cold-start.js';

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

console.table(rows);
writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
);

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
