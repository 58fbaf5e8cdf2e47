/** The command line's own Vietnamese messages (those shared with the functions stay in functions/src/messages.vi.ts). */

/** Any file given on the command line, checked before it is parsed. */
export const files = {
  missing: (file: string) => `Không tìm thấy tệp ${file} — kiểm tra lại đường dẫn.`,
  notAFile: (file: string) => `${file} là một thư mục, không phải tệp.`,
  unreadable: (file: string, reason: string) => `Không đọc được tệp ${file} (${reason}).`,
  tooLarge: (file: string, size: string, limit: string) =>
    `Tệp ${file} nặng ${size} MB, quá giới hạn ${limit} MB cho loại tệp này — có lẽ đã chọn nhầm tệp.`,
  notText: (file: string) => `Tệp ${file} không phải tệp văn bản (mã UTF-8) — có lẽ đã chọn nhầm tệp.`,
  empty: (file: string) => `Tệp ${file} trống.`,
  notOfKind: (file: string, kind: string) =>
    `Tệp ${file} không phải tệp ${kind} dù có đuôi như vậy — có lẽ tệp bị hỏng hoặc đã đổi tên.`,
  textTooLong: (file: string, characters: string) =>
    `Văn bản trong tệp ${file} dài ${characters} ký tự, quá dài đối với một văn bản chỉ đạo — có lẽ đã chọn nhầm tệp.`,
} as const;

/** Reading a data file (organisation, directive) given on the command line. */
export const dataFile = {
  badJson: (file: string, line: number, column: number, reason: string) =>
    `Tệp ${file}, dòng ${line}, cột ${column}: JSON không hợp lệ (${reason}) — thường do thiếu hoặc thừa dấu phẩy, ngoặc hoặc dấu nháy.`,
  badYaml: (file: string, line: number, column: number) =>
    `Tệp ${file}, dòng ${line}, cột ${column}: YAML không hợp lệ — kiểm tra thụt lề và dấu ":" ở dòng này.`,
} as const;
