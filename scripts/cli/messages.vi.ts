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

/** The evaluation of units (`theodoi evaluate`): the .xlsx, the .docx annex and the command's output. */
export const evaluationFiles = {
  annex: 'Phụ lục',
  attachedTo: (symbol: string, issuer: string) =>
    `(Kèm theo Báo cáo số        /${symbol} ngày      tháng      năm         của ${issuer})`,
  sheets: { units: 'Đánh giá đơn vị', details: 'Chi tiết theo văn bản', directives: 'Văn bản' },
  detailColumns: {
    directive: 'Văn bản',
    date: 'Ngày ban hành',
    subject: 'Trích yếu',
    status: 'Trạng thái',
    link: 'Bảng tính',
  },
  directiveStatus: { open: 'Đang theo dõi', closed: 'Đã kết thúc' },
  open: 'Mở bảng tính',
  noNumber: '(chưa có số)',
  cli: {
    written: (xlsx: string, docx: string) =>
      `Đã ghi bảng đánh giá đơn vị: ${xlsx}\nĐã ghi phụ lục kèm báo cáo: ${docx}`,
    summary: (o: {
      organisation: string;
      range: string;
      units: number;
      scored: number;
      directives: number;
    }) =>
      `Đánh giá ${o.units} đơn vị của ${o.organisation} ${o.range}: ${o.scored} đơn vị có báo cáo, nhiệm vụ đến hạn, ` +
      `từ ${o.directives} văn bản.`,
  },
} as const;
