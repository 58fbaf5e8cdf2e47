/** The command line's own Vietnamese messages (those shared with the functions stay in functions/src/messages.vi.ts). */

/** Reading a data file (organisation, directive) given on the command line. */
export const dataFile = {
  missing: (file: string) => `Không tìm thấy tệp ${file} — kiểm tra lại đường dẫn.`,
  notAFile: (file: string) => `${file} là một thư mục, không phải tệp — hãy chỉ ra tệp .json hoặc .yaml.`,
  unreadable: (file: string, reason: string) => `Không đọc được tệp ${file} (${reason}).`,
  tooLarge: (file: string, megabytes: string, limit: number) =>
    `Tệp ${file} nặng ${megabytes} MB, quá giới hạn ${limit} MB của một tệp dữ liệu — có lẽ đã chọn nhầm tệp.`,
  notText: (file: string) =>
    `Tệp ${file} không phải tệp văn bản (JSON hoặc YAML, mã UTF-8) — có lẽ đã chọn nhầm tệp.`,
  empty: (file: string) => `Tệp ${file} trống.`,
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
