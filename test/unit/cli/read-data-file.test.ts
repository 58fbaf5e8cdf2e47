// A data file given on the command line: checked before it is parsed, every problem named in Vietnamese with its place.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DATA_FILE_BYTES, readDataFile } from '@theodoi/cli/read-data-file';

const dir = mkdtempSync(join(tmpdir(), 'data-file-'));
const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('readDataFile', () => {
  it('reads JSON and YAML, and a UTF-8 BOM', async () => {
    expect(await readDataFile(write('a.json', '\uFEFF{"id": "x"}'))).toEqual({ id: 'x' });
    expect(await readDataFile(write('a.yaml', 'id: x\nunits: [1, 2]\n'))).toEqual({ id: 'x', units: [1, 2] });
  });

  it('names the line and column of a JSON mistake, in Vietnamese', async () => {
    const file = write('bad.json', '{\n  "id": "x"\n  "name": "y"\n}\n');
    await expect(readDataFile(file)).rejects.toThrow(
      `Tệp ${file}, dòng 3, cột 3: JSON không hợp lệ (Expected ',' or '}' after property value)`,
    );
  });

  it('names the line of a YAML mistake', async () => {
    const file = write('bad.yaml', 'id: x\nunits: [1,\n code: 2\n');
    await expect(readDataFile(file)).rejects.toThrow(
      new RegExp(`Tệp ${file}, dòng \\d+, cột \\d+: YAML không hợp lệ`),
    );
  });

  it('says a missing file is missing, not ENOENT', async () => {
    await expect(readDataFile(join(dir, 'nope.json'))).rejects.toThrow(
      `Không tìm thấy tệp ${join(dir, 'nope.json')} — kiểm tra lại đường dẫn.`,
    );
  });

  it('refuses a binary file before parsing it', async () => {
    const file = write('photo.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe]));
    await expect(readDataFile(file)).rejects.toThrow(/không phải tệp văn bản/);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const file = write('huge.json', Buffer.alloc(MAX_DATA_FILE_BYTES + 1, 0x20));
    const started = performance.now();
    await expect(readDataFile(file)).rejects.toThrow(/quá giới hạn 10.0 MB cho loại tệp này/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses an empty file and a folder', async () => {
    await expect(readDataFile(write('empty.json', '  \n'))).rejects.toThrow(/trống/);
    await expect(readDataFile(dir)).rejects.toThrow(/là một thư mục/);
  });
});
