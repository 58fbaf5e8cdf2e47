// `theodoi directive import` run in-process: prints the draft, writes it with --out, reads .docx through mammoth,
// and refuses files it cannot read with a Vietnamese message.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DirectiveDraftSchema, parseDirectiveDraft } from '@theodoi/functions/domain/importer/draft';
import { runDirective } from '../../../support/directive-command.js';
import { docx, docxOfBlocks, linesToBlocks, wordTable } from '../../../support/zip.js';

const SEED = new URL('../../../fixtures/documents/congvan-thap-muoi-cchc-2024.txt', import.meta.url).pathname;
const KE_HOACH = new URL('../../../fixtures/documents/kehoach-tuyen-truyen-cchc-2024.txt', import.meta.url)
  .pathname;
const ORG = new URL('../../../../examples/thap-muoi-2024/organisation.json', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'theodoi-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runDirective;

describe('theodoi directive import', () => {
  it('prints the draft of the seed as pretty UTF-8 JSON', async () => {
    const { out, err } = await run('import', SEED, '--org', ORG);
    expect(err).toBe('');
    expect(out).toMatch(/^\{\n {2}"format": "theodoi\/directive-draft@1",/);
    expect(out).toContain('"name": "Ủy ban nhân dân huyện Tháp Mười"');
    const draft = DirectiveDraftSchema.parse(JSON.parse(out));
    expect(draft.source).toEqual({ file: 'congvan-thap-muoi-cchc-2024.txt', format: 'txt', ocr: null });
    expect(draft.numberSymbol?.symbol).toBe('UBND-NV');
    expect(draft.recipients.unitCodes).toHaveLength(25);
    expect(draft.missing).toEqual(['number', 'date.day', 'tasks[1].deadline', 'tasks[2].deadline']);
  });

  it('writes the draft with --out and says so, printing nothing else', async () => {
    const target = join(dir, 'draft.json');
    const { out, err } = await run('import', SEED, '--out', target, '--org', ORG);
    expect(out).toBe('');
    expect(err).toBe(
      `Đã ghi bản nháp vào ${target} (còn thiếu 4 mục, 0 cảnh báo).\n` +
        'Văn bản chưa ghi: số văn bản, ngày ban hành, thời hạn của nhiệm vụ 1, thời hạn của nhiệm vụ 2.\n' +
        `Xem lại bản nháp rồi tạo bảng theo dõi: theodoi directive create --from-draft ${target}\n`,
    );
    const written = parseDirectiveDraft(JSON.parse(readFileSync(target, 'utf8')));
    expect(written.tasks.map((t) => t.lead.units.concat(t.lead.groups))).toEqual([
      ['ban-nganh', 'xa-thi-tran'],
      ['NV'],
    ]);
  });

  it('writes a draft that parseDirectiveDraft reads back, and that refuses a tampered field by name', async () => {
    const target = join(dir, 'tampered.json');
    await run('import', SEED, '--out', target, '--org', ORG);
    const draft = JSON.parse(readFileSync(target, 'utf8')) as { date: { month: number } };
    draft.date.month = 13;
    expect(() => parseDirectiveDraft(draft)).toThrow(/date[\s\S]*month/);
  });

  it('reads a .docx through mammoth and gives the same draft as the text', async () => {
    const file = join(dir, 'congvan.docx');
    writeFileSync(file, docx(readFileSync(SEED, 'utf8')));
    const fromDocx = DirectiveDraftSchema.parse(JSON.parse((await run('import', file, '--org', ORG)).out));
    const fromText = DirectiveDraftSchema.parse(JSON.parse((await run('import', SEED, '--org', ORG)).out));
    expect(fromDocx.source).toEqual({ file: 'congvan.docx', format: 'docx', ocr: null });
    expect({ ...fromDocx, source: null }).toEqual({ ...fromText, source: null });
  });

  it('keeps Word tables and Word numbering of a .docx kế hoạch: the same tasks as its text', async () => {
    const text = readFileSync(KE_HOACH, 'utf8');
    const file = join(dir, 'kehoach.docx');
    writeFileSync(file, docx(text, { tables: true, autoNumbering: true }));
    const fromDocx = parseDirectiveDraft(JSON.parse((await run('import', file, '--org', ORG)).out));
    const fromText = parseDirectiveDraft(JSON.parse((await run('import', KE_HOACH, '--org', ORG)).out));
    expect(fromDocx.tasks.map((t) => t.id)).toEqual([
      'II.1.a',
      'II.1.b',
      'II.2.T1',
      'II.2.T2',
      'II.2.T3',
      'II.2.T4',
      'II.2.T5',
      'IV.1',
      'IV.2',
      'IV.3',
    ]);
    expect(fromDocx.tasks).toEqual(fromText.tasks);
    expect({ ...fromDocx, source: null }).toEqual({ ...fromText, source: null });
  });

  it('reads a .docx laid out as Word lays it: header and signature in two-column tables', async () => {
    const seed = readFileSync(SEED, 'utf8');
    const body = seed.slice(seed.indexOf('Kính gửi:'), seed.indexOf('Nơi nhận:')).split('\n');
    const file = join(dir, 'layout.docx');
    const header = wordTable([
      [
        ['ỦY BAN NHÂN DÂN', 'HUYỆN THÁP MƯỜI'],
        ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
      ],
      [
        [
          'Số: /UBND-NV',
          'V/v triển khai Quyết định ban hành',
          'Kế hoạch thông tin, tuyên truyền',
          'CCHC năm 2024 của Bộ Nội vụ',
        ],
        ['Tháp Mười, ngày tháng 02 năm 2024'],
      ],
    ]);
    const signature = wordTable([
      [
        [
          'Nơi nhận:',
          '- Như trên;',
          '- CT, các PCT.UBND huyện;',
          '- Chi nhánh VP đăng ký đất đai huyện;',
          '- LĐVP;',
          '- Lưu: VT, NCNV (s).',
        ],
        ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '', '', 'Đoàn Thanh Bình'],
      ],
    ]);
    writeFileSync(file, docxOfBlocks([header, ...linesToBlocks(body, { autoNumbering: true }), signature]));
    const fromDocx = parseDirectiveDraft(JSON.parse((await run('import', file, '--org', ORG)).out));
    const fromText = parseDirectiveDraft(JSON.parse((await run('import', SEED, '--org', ORG)).out));
    expect({ ...fromDocx, source: null }).toEqual({ ...fromText, source: null });
  });

  it('refuses a file type it cannot read, and an invalid organisation file, naming them', async () => {
    const odt = join(dir, 'congvan.odt');
    writeFileSync(odt, 'not a document we read');
    await expect(run('import', odt, '--org', ORG)).rejects.toThrow(
      `Chỉ nhập được tệp .txt, .docx, .pdf hoặc ảnh quét (.png, .jpg): ${odt}`,
    );
    const brokenPdf = join(dir, 'broken.pdf');
    writeFileSync(brokenPdf, '%PDF-1.4');
    await expect(run('import', brokenPdf, '--org', ORG)).rejects.toThrow(`Không đọc được tệp ${brokenPdf}`);
    const badOrg = join(dir, 'org.json');
    writeFileSync(badOrg, JSON.stringify({ id: 'x' }));
    await expect(run('import', SEED, '--org', badOrg)).rejects.toThrow(`Tệp tổ chức ${badOrg} không hợp lệ`);
    await expect(run('import', join(dir, 'missing.txt'), '--org', ORG)).rejects.toThrow(
      `Không tìm thấy tệp ${join(dir, 'missing.txt')} — kiểm tra lại đường dẫn.`,
    );
    await expect(run('import', SEED, '--org', join(dir, 'nowhere.json'))).rejects.toThrow(
      `Không tìm thấy tệp ${join(dir, 'nowhere.json')} — kiểm tra lại đường dẫn.`,
    );
    const brokenDocx = join(dir, 'broken.docx');
    writeFileSync(brokenDocx, 'not a zip');
    await expect(run('import', brokenDocx, '--org', ORG)).rejects.toThrow(
      `Tệp ${brokenDocx} không phải tệp Word (.docx) dù có đuôi như vậy`,
    );
    const truncatedDocx = join(dir, 'truncated.docx');
    writeFileSync(truncatedDocx, 'PK\u0003\u0004 cut short');
    await expect(run('import', truncatedDocx, '--org', ORG)).rejects.toThrow(
      `Không đọc được tệp ${truncatedDocx}`,
    );
  });

  it('refuses, before parsing, a binary or oversized text, and a file that is not what its name says', async () => {
    const binary = join(dir, 'photo.txt');
    writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]));
    await expect(run('import', binary, '--org', ORG)).rejects.toThrow(
      `Tệp ${binary} không phải tệp văn bản (mã UTF-8) — có lẽ đã chọn nhầm tệp.`,
    );
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, 'a'.repeat(2 * 1024 * 1024));
    const started = performance.now();
    await expect(run('import', huge, '--org', ORG)).rejects.toThrow(
      `Tệp ${huge} nặng 2.0 MB, quá giới hạn 1.0 MB cho loại tệp này — có lẽ đã chọn nhầm tệp.`,
    );
    expect(performance.now() - started).toBeLessThan(1000);
    const notPdf = join(dir, 'scan.pdf');
    writeFileSync(notPdf, 'PK\u0003\u0004 a Word file renamed');
    await expect(run('import', notPdf, '--org', ORG)).rejects.toThrow(
      `Tệp ${notPdf} không phải tệp PDF dù có đuôi như vậy — có lẽ tệp bị hỏng hoặc đã đổi tên.`,
    );
  });

  it('documents its options in --help', async () => {
    const { out, exit } = await run('import', '--help');
    expect(exit).toBe('commander.helpDisplayed');
    expect(out).toContain('Usage: directive import [options] <file>');
    expect(out).toContain('--out <draft>');
    expect(out).toContain('--org <file>');
  });
});
