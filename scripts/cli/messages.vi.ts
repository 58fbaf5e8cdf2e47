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

/** `theodoi auth login | status | logout`: the coordinator's Google login. */
export const auth = {
  webClient: (file: string) =>
    `Tệp ${file} là khoá OAuth của ứng dụng web; theodoi cần khoá loại "Ứng dụng dành cho máy tính" (Desktop app): ` +
    'Google Cloud Console → APIs & Services → Credentials → Create credentials → OAuth client ID → Desktop app.',
  badClientFile: (file: string) =>
    `Tệp ${file} không phải tệp khoá OAuth tải về từ Google Cloud Console (cần dạng {"installed": {"client_id": …, ` +
    '"client_secret": …}}).',
  needClientFile:
    'Lần đăng nhập đầu tiên cần tệp khoá OAuth của dự án: theodoi auth login --client-file client_secret.json ' +
    '(Google Cloud Console → APIs & Services → Credentials → OAuth client ID loại Desktop app → Download JSON).',
  openUrl: (url: string) =>
    `Mở địa chỉ sau trong trình duyệt, đăng nhập tài khoản Google của chuyên viên theo dõi và chọn "Cho phép":\n${url}`,
  browserOpened: 'Đã mở trình duyệt; đang chờ đăng nhập…',
  waiting: 'Đang chờ đăng nhập…',
  loggedIn: (email: string, file: string) =>
    `Đã đăng nhập tài khoản Google ${email}. Các bảng tính theodoi tạo sẽ thuộc tài khoản này.\n` +
    `Quyền truy cập được lưu ở ${file} (chỉ người dùng này đọc được).`,
  sharedDriveNote: (driveId: string) =>
    `Lưu ý: THEODOI_SHARED_DRIVE_ID=${driveId} đang được đặt, nên các lệnh dùng tài khoản dịch vụ trong ổ dùng chung, ` +
    'không dùng tài khoản vừa đăng nhập.',
  status: {
    account: (email: string) => `Tài khoản Google theodoi dùng: ${email}`,
    source: (where: string) => `Quyền truy cập lấy từ: ${where}`,
    fromVariable: 'biến môi trường THEODOI_GOOGLE_GRANT',
    scopes: (scopes: readonly string[]) => `Phạm vi quyền: ${scopes.join(', ')}`,
    works: (until: string) => `Quyền truy cập còn dùng được (mã truy cập hiện tại có hiệu lực đến ${until}).`,
    worksNoExpiry: 'Quyền truy cập còn dùng được.',
    accountChanged: (stored: string, actual: string) =>
      `Chú ý: quyền truy cập được lưu cho ${stored} nhưng Google cho biết tài khoản là ${actual}.`,
    sharedDrive: (driveId: string, serviceAccount: string) =>
      `theodoi dùng ổ dùng chung ${driveId} với tài khoản dịch vụ ${serviceAccount} (không cần đăng nhập).`,
    emulator: (url: string) => `Đang dùng bộ giả lập Google tại ${url}.`,
  },
  loggedOut: (email: string) =>
    `Đã đăng xuất ${email}: quyền truy cập đã bị thu hồi và xoá khỏi máy này. ` +
    'Các bảng tính vẫn thuộc tài khoản đó; đăng nhập lại bằng "theodoi auth login".',
  loggedOutLocally: (email: string) =>
    `Đã xoá quyền truy cập của ${email} khỏi máy này (Google cho biết quyền này đã bị thu hồi từ trước).`,
  notLoggedIn: 'Chưa đăng nhập tài khoản Google nào trên máy này.',
} as const;

/** `theodoi emulators`: what to do next in the local world. */
export const emulators = {
  login: (clientFile: string) =>
    '# Đặt hai biến trên, rồi đăng nhập tài khoản Google của chuyên viên theo dõi trên bộ giả lập (ví dụ ' +
    `dieu.phoi.thapmuoi@gmail.com):\n#   theodoi auth login --client-file ${clientFile}`,
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
  pastTask: (no: string, deadline: string) => `nhiệm vụ ${no} (hạn ${deadline})`,
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

/** A command that failed, in one sentence (failure.ts). */
export const failures = {
  badConfiguration: (issues: readonly string[]) =>
    `Cấu hình (biến môi trường) không hợp lệ: ${issues.join('; ')}.`,
  noCredentials:
    'Chưa có quyền truy cập Google. Trên máy chạy thử: đặt SHEETS_EMULATOR_URL và FIRESTORE_EMULATOR_HOST ' +
    '(chạy "theodoi emulators" để có địa chỉ). Với Google thật: đăng nhập bằng "theodoi auth login".',
  missingFile: (file: string) => `Không tìm thấy tệp ${file} — kiểm tra lại đường dẫn.`,
  noPermission: (file: string) => `Không có quyền đọc hoặc ghi ${file}.`,
  firestoreUnreachable:
    'Không kết nối được cơ sở dữ liệu (Firestore). Trên máy chạy thử: kiểm tra FIRESTORE_EMULATOR_HOST và ' +
    'trình giả lập đang chạy ("theodoi emulators").',
  google: {
    quota: 'Google tạm thời từ chối vì vượt hạn mức mỗi phút — thử lại sau một phút.',
    unavailable: 'Google tạm thời không trả lời — thử lại sau ít phút.',
    'no-answer': 'Không nhận được trả lời từ Google — kiểm tra kết nối mạng rồi thử lại.',
    'not-found': 'Không tìm thấy bảng tính trên Google Drive (có thể đã bị xóa).',
    'permission-denied':
      'Google từ chối quyền truy cập bảng tính — kiểm tra tài khoản đã đăng nhập ("theodoi auth status") có quyền sửa.',
    unauthenticated: 'Google không chấp nhận thông tin đăng nhập — đăng nhập lại: "theodoi auth login".',
    'invalid-grant':
      'Quyền truy cập Google của người theo dõi đã hết hạn hoặc bị thu hồi — đăng nhập lại: "theodoi auth login".',
    invalid:
      'Google từ chối yêu cầu (bảng tính có thể đã bị sửa cấu trúc). Chạy lại với --verbose để xem chi tiết.',
    unknown: 'Google trả lời lỗi không rõ. Chạy lại với --verbose để xem chi tiết.',
  },
  unexpected: 'Có lỗi không mong đợi. Chạy lại lệnh với --verbose để xem chi tiết và gửi cho người hỗ trợ.',
} as const;

/** `theodoi deploy`. */
export const deployMessages = {
  smtpPair: 'Gửi thư nhắc cần cả --smtp-url-file (địa chỉ máy chủ thư) và --mail-from (người gửi).',
  noGrant: (project: string) =>
    `Chưa có quyền của người theo dõi cho dự án ${project}: đăng nhập trước bằng "GOOGLE_CLOUD_PROJECT=${project} ` +
    'theodoi auth login --client-file client.json" (hoặc dùng --shared-drive với bộ nhớ dùng chung).',
  notAtRoot: 'Chạy "theodoi deploy" từ thư mục gốc của mã nguồn (nơi có firebase.json).',
  bundled: (dir: string, files: number, size: string) => `Gói tải lên ${dir}: ${files} tệp, ${size}.`,
  deployed: (project: string, region: string) =>
    `Đã triển khai lên ${project}. Tiếp theo: cài Apps Script của người theo dõi với THEODOI_URL = ` +
    `https://${region}-${project}.cloudfunctions.net và chạy caiDat (docs/DEPLOY.md, "Sau khi triển khai").`,
} as const;
