// The command line speaks Vietnamese: every command's, argument's and option's help, commander's headings and
// usage errors; and a failing command prints one Vietnamese sentence, the detail only with --verbose.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@theodoi/functions/config';
import { GoogleApiError } from '@theodoi/functions/sheets/api/google-error';
import { UserFacingError } from '@theodoi/functions/usecases/errors';
import { describeFailure } from '../../../scripts/cli/failure.js';
import { translateUsageError } from '../../../scripts/cli/help.js';
import { buildProgram } from '../../../scripts/cli/program.js';
import { UsageError } from '../../../scripts/cli/usage-error.js';

/** A Vietnamese text has letters English does not (ă, â, đ, ê, ô, ơ, ư, and the tones). */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

function texts(cmd: Command, path: string[] = []): { where: string; text: string }[] {
  const here = path.join(' ') || 'theodoi';
  return [
    { where: here, text: cmd.description() },
    ...cmd.registeredArguments.map((a) => ({ where: `${here} <${a.name()}>`, text: a.description })),
    ...cmd.options.map((o) => ({ where: `${here} ${o.long ?? o.short}`, text: o.description })),
    ...cmd.commands.flatMap((c) => texts(c, [...path, c.name()])),
  ];
}

describe('the help', () => {
  it('has a Vietnamese text for every command, argument and option', () => {
    const english = texts(buildProgram()).filter((t) => !VIETNAMESE.test(t.text));
    expect(english).toEqual([]);
  });

  it("uses commander's headings in Vietnamese", () => {
    const program = buildProgram();
    const create = program.commands
      .find((c) => c.name() === 'directive')!
      .commands.find((c) => c.name() === 'create')!;
    const help = create.helpInformation();
    expect(help).toMatch(/^Cách dùng: theodoi directive create \[options\]/);
    expect(help).toContain('Tùy chọn:');
    expect(help).toContain('-h, --help');
    expect(help).toContain('hiển thị trợ giúp của lệnh');
    expect(help).not.toMatch(/display help|Usage:|Options:/);
  });

  it('translates usage errors, keeping the suggestion', () => {
    expect(translateUsageError("error: unknown option '--dealine'\n(Did you mean --deadline?)\n")).toBe(
      "Lỗi: không có tùy chọn '--dealine'. Có phải là --deadline?\n",
    );
    expect(translateUsageError("error: required option '--until <dd/mm/yyyy>' not specified\n")).toBe(
      "Lỗi: thiếu tùy chọn bắt buộc '--until <dd/mm/yyyy>'.\n",
    );
  });
});

describe('a failing command', () => {
  it('prints the Vietnamese message of errors the user can fix, and nothing else', () => {
    expect(describeFailure(new UsageError('Thiếu --deadline.'), false)).toBe('Lỗi: Thiếu --deadline.');
    expect(
      describeFailure(new UserFacingError('Không có công văn "x" trong hệ thống.', 'unknown'), false),
    ).toBe('Lỗi: Không có công văn "x" trong hệ thống.');
  });

  it('names the emulator variables and theodoi auth login when there are no credentials', () => {
    const said = describeFailure(
      new Error('Could not load the default credentials. Browse to https://…'),
      false,
    );
    expect(said).toContain('SHEETS_EMULATOR_URL');
    expect(said).toContain('theodoi auth login');
    expect(said).not.toContain('Could not load');
  });

  it('never shows a raw system or Google error unless --verbose', () => {
    const missing = Object.assign(new Error("ENOENT: no such file or directory, open 'x.json'"), {
      code: 'ENOENT',
      path: 'x.json',
    });
    expect(describeFailure(missing, false)).toBe('Lỗi: Không tìm thấy tệp x.json — kiểm tra lại đường dẫn.');
    const google = new GoogleApiError('quota', 'Quota exceeded', 429, 'rateLimitExceeded', undefined, {
      cause: null,
    });
    expect(describeFailure(google, false)).toMatch(/^Lỗi: Google tạm thời từ chối vì vượt hạn mức/);
    const odd = new TypeError("Cannot read properties of undefined (reading 'x')");
    expect(describeFailure(odd, false)).toBe(
      'Lỗi: Có lỗi không mong đợi. Chạy lại lệnh với --verbose để xem chi tiết và gửi cho người hỗ trợ.',
    );
    expect(describeFailure(odd, true)).toContain(
      "TypeError: Cannot read properties of undefined (reading 'x')",
    );
    expect(describeFailure(new ConfigError(['LOG_LEVEL must be one of debug, info']), false)).toContain(
      'Cấu hình (biến môi trường) không hợp lệ: LOG_LEVEL',
    );
  });
});
