/** `npx tsx bench/province-only.ts`: the province day alone (PROVINCE_DIRECTIVES), its rows printed as JSON. */
import { startFirestoreEmulator } from '@theodoi/test-kit/emulators/firestore';
import { provinceDayRows } from './province-day.js';

const firestore = await startFirestoreEmulator();
const started = performance.now();
try {
  const rows = await provinceDayRows(firestore.host, (line) => console.log(`bench: ${line}`));
  console.table(rows);
  console.log(JSON.stringify({ wallSeconds: (performance.now() - started) / 1000, rows }, null, 2));
} finally {
  await firestore.stop();
}
