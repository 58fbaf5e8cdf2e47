/**
 * The command line's help in Vietnamese, by command path ("directive import") and by option flag or argument name,
 * with commander's own sentences (headings, built-in options, usage errors). help.ts applies them to the tree.
 */

/** Texts of the built-in options and the global ones. */
export const helpTexts = {
  verbose: 'in cả nhật ký kỹ thuật (JSON) và chi tiết lỗi, để gửi cho người hỗ trợ',
  version: 'in số phiên bản',
  help: 'hiển thị trợ giúp của lệnh',
  helpCommand: 'hiển thị trợ giúp của một lệnh',
} as const;

/** One command's help. */
export interface CommandHelp {
  description: string;
  arguments?: Readonly<Record<string, string>>;
  options?: Readonly<Record<string, string>>;
}

const PERIOD = 'kỳ báo cáo, ví dụ 2024-Q1 (mặc định: kỳ đang nhận báo cáo)';

/** Every command's Vietnamese help, by path; a test checks no command, argument or option is left in English. */
export const commandHelp: Readonly<Record<string, CommandHelp>> = {
  '': { description: 'Theo dõi thực hiện văn bản chỉ đạo qua Google Sheets.' },
  serve: {
    description: 'Chạy mọi hàm trên máy (Functions Framework), mỗi hàm tại http://HOST:PORT/<tên hàm>.',
    options: { '--port': 'cổng nghe' },
  },
  emulators: {
    description: 'Chạy trình giả lập Firestore và Sheets/Drive, in địa chỉ của chúng; dừng bằng Ctrl+C.',
    options: {
      '--firestore-port': 'cổng của trình giả lập Firestore (0 = cổng trống bất kỳ)',
      '--sheets-port': 'cổng của trình giả lập Sheets/Drive (0 = cổng trống bất kỳ)',
      '--data-dir': 'giữ dữ liệu của trình giả lập Sheets/Drive trong thư mục này qua các lần chạy',
      '--quotas': 'áp dụng hạn mức mỗi phút của Google Sheets',
      '--latency': 'trả lời chậm như Google thật (mô hình độ trễ của trình giả lập)',
    },
  },
  auth: {
    description:
      'Đăng nhập tài khoản Google của người theo dõi (các bảng tính theodoi tạo thuộc tài khoản này).',
  },
  'auth login': {
    description:
      'Đăng nhập qua trang xin quyền của Google (trình duyệt mở trên máy này); quyền được lưu trong ~/.config/theodoi, chỉ người dùng máy đọc được.',
    options: {
      '--client-file':
        'tệp JSON của OAuth client (loại Desktop app) tải từ Google Cloud Console; cần ở lần đầu',
      '--no-browser': 'chỉ in địa chỉ cần mở, không tự mở trình duyệt',
      '--login-hint': 'tài khoản Google gợi ý trên trang đăng nhập',
    },
  },
  'auth status': {
    description:
      'Cho biết theodoi đang dùng tài khoản Google nào, với quyền gì, và quyền còn dùng được không.',
  },
  'auth grant': {
    description:
      'In quyền đã lưu ở dạng THEODOI_GOOGLE_GRANT để "theodoi deploy" lưu vào Secret Manager (là bí mật: chỉ chuyển qua ống lệnh, không dán ra ngoài).',
  },
  'auth logout': { description: 'Thu hồi quyền đã cấp với Google và xóa khỏi máy này.' },
  units: { description: 'Quản lý đơn vị của tổ chức (phòng, ban, xã, phường).' },
  'units import': {
    description: 'Nạp tổ chức và các đơn vị từ tệp JSON hoặc YAML vào hệ thống (chỉ ghi phần thay đổi).',
    arguments: { file: 'tệp tổ chức, ví dụ examples/thap-muoi-2024/organisation.json' },
  },
  'units list': {
    description: 'Liệt kê các đơn vị đang hoạt động của tổ chức.',
    arguments: { organisationId: 'mã tổ chức, ví dụ huyen-thap-muoi' },
    options: { '--all': 'cả các đơn vị không còn thuộc tổ chức' },
  },
  'units check': {
    description:
      'Thử mọi địa chỉ e-mail của cán bộ trong tổ chức: liệt kê những địa chỉ chưa phải tài khoản Google và việc cần làm.',
    arguments: { organisationId: 'mã tổ chức, ví dụ huyen-thap-muoi' },
  },
  directive: { description: 'Đăng ký và theo dõi văn bản chỉ đạo (công văn, kế hoạch, quyết định …).' },
  'directive import': {
    description:
      'Đọc văn bản (.txt, .docx, .pdf, hoặc bản quét .png, .jpg) trình bày theo Nghị định 30/2020 thành bản nháp ' +
      '(JSON) để xem lại; bản quét được đọc bằng OCR (tesseract-ocr, tesseract-ocr-vie). Sau đó: ' +
      'theodoi directive create --from-draft <bản nháp>.',
    arguments: { file: 'văn bản, ví dụ examples/thap-muoi-2024/congvan-cchc-2024.txt' },
    options: {
      '--out': 'ghi bản nháp vào tệp này thay vì in ra',
      '--org': 'tệp tổ chức có các đơn vị để nhận diện nơi nhận',
    },
  },
  'directive share': {
    description:
      'Chia sẻ lại bảng tính của công văn với các địa chỉ chưa vào được (ví dụ sau khi đã tạo tài khoản Google).',
    arguments: { directiveId: 'mã theo dõi của công văn, ví dụ thap-muoi-cchc-2024' },
  },
  sync: {
    description:
      'Đọc trang báo cáo của công văn, kiểm tra từng dòng, lưu thay đổi và ghi trạng thái lên bảng tính.',
    arguments: { directiveId: 'mã theo dõi của công văn, ví dụ thap-muoi-cchc-2024' },
    options: { '--period': PERIOD },
  },
  summary: {
    description: 'Viết lại trang Tổng hợp của công văn từ số liệu đã lưu và in đoạn tổng hợp.',
    arguments: { directiveId: 'mã theo dõi của công văn, ví dụ thap-muoi-cchc-2024' },
    options: { '--period': PERIOD },
  },
  report: {
    description:
      'Ghi dự thảo báo cáo (.docx, thể thức Nghị định 30/2020) và bảng tổng hợp (.xlsx) của công văn.',
    arguments: { directiveId: 'mã theo dõi của công văn, ví dụ thap-muoi-cchc-2024' },
    options: { '--period': PERIOD, '--out': 'thư mục ghi tệp' },
  },
  dashboard: {
    description:
      'Viết lại bảng điều hành của tổ chức (tạo ở lần đầu): mỗi công văn đang theo dõi một dòng, ma trận đơn vị × ' +
      'công văn, và trang Đánh giá đơn vị.',
    arguments: { organisationId: 'mã tổ chức, ví dụ huyen-thap-muoi' },
  },
  evaluate: {
    description:
      'Đánh giá mọi đơn vị qua tất cả công văn trong một khoảng thời gian (báo cáo đến hạn, đúng hạn, trễ, thiếu; ' +
      'nhiệm vụ hoàn thành, quá hạn; điểm và xếp hạng theo tiêu chí của tổ chức), ghi tệp .xlsx và phụ lục .docx.',
    options: {
      '--year': 'một năm, ví dụ 2024',
      '--quarter': 'một quý, ví dụ 2024-Q1',
      '--half': 'sáu tháng, 2024-H1 hoặc 2024-H2',
      '--from': 'ngày đầu của khoảng thời gian (cùng --to)',
      '--to': 'ngày cuối của khoảng thời gian (cùng --from)',
      '--org': 'mã tổ chức (mặc định: tổ chức duy nhất đã nạp)',
      '--out': 'thư mục ghi tệp',
    },
  },
  check: {
    description:
      'Kiểm tra hạn của mọi công văn đang theo dõi ngay bây giờ: lưu cờ, ghi "Tình hình báo cáo", mở trang kỳ mới, ' +
      'gửi thư nhắc (khi có THEODOI_SMTP_URL) và in danh sách "Nhắc việc".',
    options: { '--no-mail': 'không gửi thư nhắc' },
  },
  demo: {
    description:
      'Chạy các trình giả lập và diễn lại công văn Tháp Mười từ đầu đến cuối với đồng hồ mô phỏng.',
    options: {
      '--keep': 'giữ các trình giả lập và hàm sheetEvent chạy để người dùng xem và nhập thử',
      '--out': 'thư mục ghi các tệp để mở xem',
      '--latency': 'trả lời chậm như Google thật (mô hình độ trễ của trình giả lập)',
    },
  },
  deploy: {
    description:
      'Triển khai theodoi lên một dự án Google Cloud: API, tài khoản dịch vụ, bí mật, các hàm, lịch chạy, quy tắc ' +
      'Firestore (xem docs/DEPLOY.md).',
    options: {
      '--project': 'mã dự án Google Cloud',
      '--region': 'vùng chạy các hàm, lịch chạy và Firestore',
      '--dry-run':
        'chỉ in sổ tay triển khai: các bước trên trang quản trị của Google, mọi lệnh theo thứ tự, việc cần làm sau đó',
      '--script-client-id':
        'mã OAuth client của dự án Apps Script của người theo dõi (…apps.googleusercontent.com): trình kích hoạt ' +
        'gửi mã xác thực (ID token) cấp cho mã này',
      '--shared-drive':
        'mã bộ nhớ dùng chung (Workspace) sở hữu các bảng tính, thay cho tài khoản người theo dõi',
      '--smtp-url-file': 'tệp chứa địa chỉ máy chủ thư (SMTP) để gửi thư nhắc (lưu thành bí mật)',
      '--mail-from': 'địa chỉ người gửi thư nhắc',
      '--public-access':
        'cách các hàm tự kiểm tra mã xác thực được gọi tới: allusers, hoặc no-invoker-iam-check khi chính sách ' +
        'của tổ chức cấm allUsers',
    },
  },
};

const didYouMean = (suggestion?: string) => (suggestion ? ` Có phải là ${suggestion}?` : '');

/** Commander's usage errors, as patterns on its English sentence, and their Vietnamese. */
export const usageErrors: readonly (readonly [RegExp, (...groups: string[]) => string])[] = [
  [
    /^error: unknown option '([^']+)'(?:\n\(Did you mean (\S+)\?\))?/,
    (_, flag, suggestion) => `Lỗi: không có tùy chọn '${flag}'.${didYouMean(suggestion)}`,
  ],
  [
    /^error: unknown command '([^']+)'(?:\n\(Did you mean (\S+)\?\))?/,
    (_, name, suggestion) => `Lỗi: không có lệnh '${name}'.${didYouMean(suggestion)}`,
  ],
  [/^error: missing required argument '([^']+)'/, (_, name) => `Lỗi: thiếu tham số '${name}'.`],
  [/^error: option '([^']+)' argument missing/, (_, flag) => `Lỗi: tùy chọn '${flag}' cần một giá trị.`],
  [/^error: required option '([^']+)' not specified/, (_, flag) => `Lỗi: thiếu tùy chọn bắt buộc '${flag}'.`],
  [/^error: (.+) cannot be used with (.+)/, (_, a, b) => `Lỗi: không dùng ${a} cùng với ${b}.`],
  [/^error: too many arguments.*/, () => 'Lỗi: thừa tham số.'],
  [
    /^error: option '([^']+)' argument '([^']*)' is invalid\.(.*)/s,
    (_, flag, value, rest) => `Lỗi: giá trị '${value}' của tùy chọn '${flag}' không hợp lệ.${rest}`,
  ],
];
