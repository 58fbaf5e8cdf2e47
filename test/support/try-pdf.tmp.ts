import { readFileSync, writeFileSync } from 'node:fs';
import { decree30Pdf } from './pdf-documents.js';
import { importDirectiveFile } from '@theodoi/cli/commands/directive';
const ORG = 'examples/thap-muoi-2024/organisation.json';
for (const f of ['congvan-thap-muoi-cchc-2024.txt', 'kehoach-tuyen-truyen-cchc-2024.txt', 'quyetdinh-to-kiem-tra-cchc-2024.txt', 'congvan-mot-don-vi-nhan.txt','thongbao-ket-luan-van-phong.txt','kehoach-xa-my-hoa-cchc-2024.txt','congvan-phong-noi-vu-de-nghi-bao-cao.txt']) {
  const path = `test/fixtures/documents/${f}`;
  writeFileSync('/tmp/imp/x.pdf', await decree30Pdf(readFileSync(path, 'utf8')));
  const a = await importDirectiveFile('/tmp/imp/x.pdf', ORG);
  const b = await importDirectiveFile(path, ORG);
  const norm = (d: any) => JSON.stringify({ ...d, source: null, issuer: { ...d.issuer, lines: null }, tasks: d.tasks.map((t: any) => ({ ...t, text: t.text.replace(/\s+/g, ' ') })) }, null, 1).split('\n');
  const x = norm(a), y = norm(b);
  const diffs = x.map((l, i) => l !== y[i] ? `${i}: pdf ${l} | txt ${y[i]}` : null).filter(Boolean);
  console.log(f, x.length === y.length ? '' : `len ${x.length} vs ${y.length}`, diffs.slice(0, 8));
}
