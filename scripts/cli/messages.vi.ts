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

/** `theodoi directive create --from-draft`: completing an import draft into a directive. */
export const fromDraft = {
  notADraft: (file: string) =>
    `Tệp ${file} không phải bản nháp do "theodoi directive import" tạo ra — đọc công văn trước: ` +
    `theodoi directive import <công văn> -o ${file}`,
  reimport:
    'Có thể bản nháp đã bị sửa tay sai cấu trúc — chạy lại "theodoi directive import" để tạo bản mới.',
  looksLikeDraft: (file: string) =>
    `Tệp ${file} là bản nháp đọc từ công văn, chưa phải tệp công văn — dùng: theodoi directive create --from-draft ${file}`,
  askId: 'Mã theo dõi (chữ thường không dấu, số và "-")',
  missingId: 'Không tự đặt được mã theo dõi từ số hiệu hay trích yếu — thêm --id, ví dụ --id cv-123-2026.',
  askSubject: 'Trích yếu công văn (văn bản không ghi rõ)',
  missingSubject: 'Bản nháp chưa có trích yếu — thêm --subject "…".',
  askIssuer: 'Cơ quan ban hành (văn bản không ghi rõ)',
  missingIssuer: 'Bản nháp chưa có cơ quan ban hành — thêm --issuer "…".',
  askTemplate: 'Chọn mẫu báo cáo:',
  askChoice: 'Số thứ tự của mẫu',
  askDeadline: 'Hạn báo cáo một lần (dd/mm/yyyy); để trống nếu báo cáo định kỳ',
  deadlineAnswer: 'hạn báo cáo',
  askPeriod: 'Báo cáo định kỳ theo: thang, quy, 6-thang, 9-thang hay nam',
  askFirst: 'Kỳ đầu tiên',
  askLast: 'Kỳ cuối cùng (để trống nếu chưa định)',
  askDays: 'Hạn nộp: số ngày làm việc sau ngày chốt số liệu',
  missingSchedule:
    'Chưa có hạn báo cáo. Thêm --deadline dd/mm/yyyy (báo cáo một lần), hoặc --period quy --from 2026-Q1 --to 2026-Q4 ' +
    '(báo cáo định kỳ; --days: số ngày làm việc sau ngày chốt số liệu, mặc định 2).',
  badDate: (flag: string, text: string) =>
    `"${text}" (${flag}) không phải một ngày — viết theo dạng ngày/tháng/năm, ví dụ 15/12/2026.`,
  badPeriod: (text: string) =>
    `Không hiểu kỳ báo cáo "${text}" — dùng một trong: thang, quy, 6-thang, 9-thang, nam.`,
  badDays: (text: string) => `Số ngày làm việc "${text}" không hợp lệ — dùng một số từ 0 đến 60.`,
  pastDeadline: (periods: string[], today: string) =>
    `Hạn báo cáo đã qua (hôm nay ${today}): ${periods.join(', ')}. Nếu tạo, lần kiểm tra tới sẽ đánh dấu mọi đơn vị ` +
    `chưa báo cáo là quá hạn.`,
  confirmWithYes: 'Kiểm tra lại hạn; nếu đúng như vậy, chạy lại lệnh với --yes.',
  confirmQuestion: 'Vẫn tạo bảng theo dõi?',
  stopped: 'Đã dừng; chưa tạo gì.',
  fileOrDraft:
    'Cho biết công văn cần tạo: --from-draft <bản nháp> (từ "theodoi directive import") hoặc --file <tệp công văn>.',
} as const;

/** `theodoi directive list | close | extend`. */
export const directiveLifecycle = {
  noneRegistered: 'Chưa có công văn nào được đăng ký — tạo bằng "theodoi directive create".',
  noneOpen: (closed: number) =>
    `Không có công văn nào đang theo dõi (${closed} đã kết thúc; xem bằng --all).`,
  listed: (d: {
    id: string;
    number: string | null;
    date: string | null;
    subject: string;
    open: boolean;
    units: number;
    url: string;
  }) =>
    `${d.id}  ${d.number ?? '(chưa có số)'}${d.date ? ` ngày ${d.date}` : ''} — ${d.subject}\n` +
    `    ${d.open ? 'Đang theo dõi' : 'Đã kết thúc'}, ${d.units} đơn vị: ${d.url}`,
  closed: (id: string, subject: string) =>
    `Đã kết thúc theo dõi công văn "${id}" (${subject}). Số liệu và bảng tính được giữ nguyên.`,
  extended: (unit: string, period: string, deadline: string, until: string, cells: number) =>
    `Đã gia hạn cho đơn vị ${unit}, ${period}: hạn ${deadline} → ${until}. ` +
    (cells > 0
      ? 'Trạng thái trên bảng tính và Tổng hợp đã cập nhật.'
      : 'Trạng thái trên bảng tính không đổi.'),
} as const;
