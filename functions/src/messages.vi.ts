/** Every user-facing Vietnamese string of theodoi: sheet headers, statuses, errors, summary text. */
// Code, logs and comments stay in English; only what officers and leadership read lives here.

/** Fields of an import draft, as the coordinator reads them ("date.day" → "ngày ban hành"). */
const DRAFT_FIELDS: Readonly<Record<string, string>> = {
  issuer: 'cơ quan ban hành',
  number: 'số văn bản',
  symbol: 'ký hiệu',
  place: 'địa danh',
  date: 'ngày tháng năm ban hành',
  'date.year': 'năm ban hành',
  'date.month': 'tháng ban hành',
  'date.day': 'ngày ban hành',
  kind: 'loại văn bản',
  subject: 'trích yếu',
  recipients: 'nơi nhận',
  tasks: 'nhiệm vụ',
  'signer.title': 'chức vụ người ký',
  'signer.name': 'họ tên người ký',
  distribution: 'nơi nhận (cuối văn bản)',
};

/** A draft's missing field in words: "tasks[2].deadline" → "thời hạn của nhiệm vụ 2". */
export function missingFieldName(field: string): string {
  const indexed = /^(tasks|references)\[([^\]]+)\]\.(\w+)$/.exec(field);
  if (indexed) {
    const [, list, id, part] = indexed;
    const what =
      { deadline: 'thời hạn', lead: 'đơn vị chủ trì', date: 'ngày', issuer: 'cơ quan ban hành' }[part!] ??
      part;
    const ofWhat = list === 'tasks' ? `nhiệm vụ ${id}` : `văn bản dẫn chiếu thứ ${Number(id) + 1}`;
    return `${what} của ${ofWhat}`;
  }
  return DRAFT_FIELDS[field] ?? field;
}

/** Messages shown by the health endpoint and the CLI. */
export const general = {
  healthOk: 'theodoi đang hoạt động',
  healthDegraded: 'theodoi đang hoạt động nhưng không kết nối được Firestore',
} as const;

/** How a relation reads in a sentence: `lớn hơn 0`, `là "Hoàn thành"`, `đã nhập`. */
function relation(op: string, value: string, numeric: boolean): string {
  switch (op) {
    case 'eq':
      return numeric ? `bằng ${value}` : `là ${value}`;
    case 'ne':
      return `khác ${value}`;
    case 'gt':
      return `lớn hơn ${value}`;
    case 'gte':
      return `từ ${value} trở lên`;
    case 'lt':
      return `nhỏ hơn ${value}`;
    case 'lte':
      return `không quá ${value}`;
    case 'filled':
      return 'đã nhập';
    case 'empty':
      return 'để trống';
    default:
      return `${op} ${value}`;
  }
}

/** Messages about what officers typed in a report row: each names the column, what was found and what is expected. */
export const validation = {
  /** The row is not a set of cells at all (a programming or sheet-mapping fault, not the officer's). */
  unreadableRow: 'Dòng này không đọc được — báo cho cán bộ phụ trách công văn.',
  /** A second row carrying a unit code already used above it (a copied row). */
  /** A row Firestore could not store (its content too large even with long cells kept apart), naming the cell. */
  unstorable: (header: string) => `Nội dung quá dài để lưu — rút gọn ô "${header}" rồi nhập lại.`,
  unstorableRow: 'Dòng này không lưu được — rút gọn nội dung các ô dài rồi nhập lại.',
  /** How yes/no values are shown. */
  yes: 'Có',
  no: 'Không',
  /** Unit written after amounts of money. */
  currencyUnit: 'đồng',
  /** What each spreadsheet error value means, in plain words. */
  spreadsheetErrorMeanings: {
    '#REF!': 'công thức tham chiếu đến ô không còn tồn tại',
    '#N/A': 'công thức không tìm thấy giá trị',
    '#VALUE!': 'công thức dùng sai kiểu dữ liệu',
    '#DIV/0!': 'công thức chia cho 0',
    '#NAME?': 'công thức có tên hàm hoặc tên vùng không đúng',
    '#ERROR!': 'công thức viết sai',
    '#NUM!': 'công thức cho kết quả số không hợp lệ',
    '#NULL!': 'công thức dùng các vùng không giao nhau',
  } as Readonly<Record<string, string>>,
  /** A condition such as `"Số hội nghị" lớn hơn 0`. */
  condition: (header: string, op: string, value: string, numeric: boolean): string =>
    `"${header}" ${relation(op, value, numeric)}`,
  /** What a compare rule expects, such as `bằng 100%`. */
  expectation: (op: string, value: string, numeric: boolean): string => relation(op, value, numeric),
  /** Another column as the target of a comparison, with its current value. */
  otherColumn: (header: string, value: string): string => `"${header}" (${value})`,

  required: (header: string): string => `Cột "${header}": chưa nhập — đây là thông tin bắt buộc.`,
  requiredWhen: (header: string, condition: string): string =>
    `Cột "${header}": chưa nhập — cần nhập khi ${condition}.`,
  compare: (header: string, found: string, expectation: string, condition?: string): string =>
    `Cột "${header}": đang là ${found} — phải ${expectation}${condition ? ` khi ${condition}` : ''}.`,

  notInteger: (header: string, found: string, example: string): string =>
    `Cột "${header}": "${found}" không phải số nguyên — chỉ nhập số, ví dụ ${example}.`,
  notWhole: (header: string, found: string): string =>
    `Cột "${header}": "${found}" có phần thập phân — cột này chỉ nhận số nguyên, ví dụ 5.`,
  notNumber: (header: string, found: string, example: string): string =>
    `Cột "${header}": "${found}" không phải số — chỉ nhập số, phần thập phân dùng dấu phẩy, ví dụ ${example}.`,
  ambiguousNumber: (header: string, found: string, grouped: string, decimal: string, plain: string): string =>
    `Cột "${header}": "${found}" không rõ là ${grouped} hay ${decimal} — nhập lại không dùng dấu phẩy, ví dụ ${plain}.`,
  negative: (header: string, found: string): string =>
    `Cột "${header}": "${found}" là số âm — nhập số từ 0 trở lên.`,
  belowMin: (header: string, found: string, min: string): string =>
    `Cột "${header}": "${found}" nhỏ hơn mức tối thiểu — phải từ ${min} trở lên.`,
  aboveMax: (header: string, found: string, max: string): string =>
    `Cột "${header}": "${found}" vượt quá mức cho phép — tối đa ${max}.`,
  notMoney: (header: string, found: string): string =>
    `Cột "${header}": "${found}" không phải số tiền — nhập số đồng, ví dụ 1.500.000 hoặc 1,5 triệu.`,
  moneyFraction: (header: string, found: string): string =>
    `Cột "${header}": "${found}" không phải số đồng chẵn — nhập số tiền tính bằng đồng, không có phần lẻ.`,
  notPercent: (header: string, found: string): string =>
    `Cột "${header}": "${found}" không phải tỷ lệ phần trăm — nhập số, ví dụ 75 hoặc 75%.`,

  notDate: (header: string, found: string): string =>
    `Cột "${header}": "${found}" không phải ngày — ghi theo ngày/tháng/năm, ví dụ 15/3/2024.`,
  missingYear: (header: string, found: string, example?: string): string =>
    `Cột "${header}": "${found}" chưa có năm — ghi đủ ngày/tháng/năm${example ? `, ví dụ ${example}` : ''}.`,
  badMonth: (header: string, found: string, month: string): string =>
    `Cột "${header}": "${found}" không có tháng ${month} — ghi theo thứ tự ngày/tháng/năm, ví dụ 15/3/2024.`,
  impossibleDate: (header: string, found: string, month: string, year: string, days: string): string =>
    `Cột "${header}": "${found}" không phải ngày có thật — tháng ${month}/${year} chỉ có ${days} ngày.`,
  dateOutOfRange: (header: string, found: string, min: string, max: string): string =>
    `Cột "${header}": ngày ${found} nằm ngoài khoảng cho phép, từ ${min} đến ${max}.`,

  notYesNo: (header: string, found: string): string =>
    `Cột "${header}": "${found}" không rõ là có hay không — nhập Có hoặc Không.`,
  notOption: (header: string, found: string, options: readonly string[]): string =>
    `Cột "${header}": "${found}" không có trong danh sách — chọn một trong: ${options.join(', ')}.`,
  notUrl: (header: string, found: string): string =>
    `Cột "${header}": "${found}" không phải đường liên kết — dán liên kết đầy đủ, bắt đầu bằng https://.`,
  urlScheme: (header: string, found: string): string =>
    `Cột "${header}": "${found}" không được chấp nhận — chỉ dùng liên kết bắt đầu bằng http:// hoặc https://.`,
  notPhone: (header: string, found: string): string =>
    `Cột "${header}": "${found}" không phải số điện thoại Việt Nam — nhập một số, ví dụ 0912 345 678 (di động) hoặc 0277 3851 234 (cố định).`,
  notEmail: (header: string, found: string): string =>
    `Cột "${header}": "${found}" không phải địa chỉ thư điện tử — ví dụ nguyenvana@thapmuoi.dongthap.gov.vn.`,

  controlCharacter: (header: string, codePoint: string): string =>
    `Cột "${header}": có ký tự điều khiển không nhìn thấy (${codePoint}) — xóa ô rồi nhập lại.`,
  lineBreak: (header: string): string =>
    `Cột "${header}": không được xuống dòng hoặc dùng phím Tab — viết liền trên một dòng.`,
  tooLong: (header: string, length: string, max: string): string =>
    `Cột "${header}": nội dung dài ${length} ký tự, vượt quá ${max} ký tự — rút gọn hoặc đưa vào tài liệu minh chứng.`,
  brokenText: (header: string): string =>
    `Cột "${header}": nội dung có ký tự hỏng, không đọc được — xóa ô rồi nhập lại.`,
  unreadable: (header: string): string => `Cột "${header}": giá trị không đọc được — xóa ô rồi nhập lại.`,
  /** A formula typed into an officer's cell: its result would change whenever the cells it refers to change. */
  formula: (header: string, numeric: boolean): string =>
    numeric
      ? `Cột "${header}": Nhập số trực tiếp, không dùng công thức.`
      : `Cột "${header}": Nhập nội dung trực tiếp, không dùng công thức.`,
  spreadsheetError: (header: string, error: string, meaning: string): string =>
    `Cột "${header}": ô đang báo lỗi ${error} (${meaning}) — sửa hoặc xóa công thức rồi nhập giá trị.`,
} as const;

/** Messages the command line prints for the coordinator. */
export const cli = {
  inactive: '(không còn trực thuộc)',
  invalidOrganisationFile: (file: string) => `Tệp ${file} không hợp lệ:`,
  unitCount: (n: number) => `Tổng cộng ${n} đơn vị.`,
  synced: (o: {
    directiveId: string;
    result: string;
    periodKey?: string;
    /** The period's Vietnamese name ("Quý I/2024"), shown instead of its key. */
    periodLabel?: string;
    counts?: { empty: number; incomplete: number; invalid: number; valid: number };
    changedUnits?: number;
    statusCellsWritten?: number;
    firestoreWrites?: number;
    calls?: { sheetsReads: number; sheetsWrites: number };
    durationMs?: number;
  }) =>
    o.result === 'coalesced'
      ? `Công văn ${o.directiveId} đang được đồng bộ; yêu cầu này sẽ được gộp vào lần đồng bộ đó.`
      : `Đã đồng bộ ${o.directiveId}, ${o.periodLabel ?? o.periodKey}: ${o.counts?.valid ?? 0} đã tiếp nhận, ` +
        `${o.counts?.invalid ?? 0} có lỗi, ${o.counts?.incomplete ?? 0} chưa đủ, ${o.counts?.empty ?? 0} chưa báo cáo; ` +
        `${o.changedUnits ?? 0} đơn vị có thay đổi, ${o.statusCellsWritten ?? 0} ô trạng thái được ghi ` +
        `(${o.calls?.sheetsReads ?? 0} lượt đọc, ${o.calls?.sheetsWrites ?? 0} lượt ghi Sheets; ` +
        `${o.firestoreWrites ?? 0} lượt ghi Firestore; ${o.durationMs ?? 0} ms).`,
  unitsImported: (
    orgName: string,
    r: { created: string[]; updated: string[]; unchanged: string[]; retired: string[]; writes: number },
  ) =>
    `Đã nạp danh sách đơn vị của ${orgName}: ${r.created.length} thêm mới, ${r.updated.length} cập nhật, ` +
    `${r.unchanged.length} không đổi, ${r.retired.length} thôi trực thuộc (${r.writes} lượt ghi Firestore).`,
} as const;

/** Messages about an organisation file the coordinator loads (units, groups, coordinator). */
export const organisationFile = {
  badUnitCode: 'mã đơn vị chỉ gồm 1–32 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới',
  badOrganisationId: 'mã tổ chức chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang',
  badEmail: 'không phải địa chỉ thư điện tử hợp lệ',
  reservedUnitCode: 'mã đơn vị phải có ít nhất một chữ cái hoặc chữ số và không được có dạng __…__',
  duplicateUnitCode: (code: string) => `mã đơn vị ${code} bị trùng`,
  caseDuplicateUnitCode: (code: string, first: string) =>
    `mã đơn vị ${code} trùng với ${first} (mã đơn vị không phân biệt chữ hoa, chữ thường)`,
  unknownGroup: (group: string) => `nhóm đơn vị "${group}" chưa được khai báo trong "groups"`,
  unknownUnit: (code: string) => `không có đơn vị mã ${code}`,
} as const;

/** Reporting periods, holidays and per-unit deadline statuses (chưa đến hạn … có lỗi cần sửa). */
export const deadlines = {
  status: {
    'chua-den-han': 'Chưa đến hạn',
    'sap-den-han': 'Sắp đến hạn',
    'dung-han': 'Đã báo cáo đúng hạn',
    'tre-han': 'Báo cáo trễ hạn',
    'qua-han': 'Quá hạn chưa báo cáo',
    'co-loi': 'Có lỗi cần sửa',
  },
  statusShort: {
    'chua-den-han': 'Chưa đến hạn',
    'sap-den-han': 'Sắp đến hạn',
    'dung-han': 'Đúng hạn',
    'tre-han': 'Trễ hạn',
    'qua-han': 'Quá hạn',
    'co-loi': 'Có lỗi',
  },
  lateBy: (n: number) => `trễ ${n} ngày làm việc`,
  overdueBy: (n: number) => `quá hạn ${n} ngày làm việc`,
  daysLeft: (n: number) => (n === 0 ? 'hạn chót là hôm nay' : `còn ${n} ngày làm việc`),
  issues: (n: number) => `${n} lỗi`,
  withDetail: (label: string, details: string[]) =>
    details.length ? `${label} (${details.join(', ')})` : label,
  periodLabel: {
    monthly: (month: number, year: number) => `Tháng ${month}/${year}`,
    quarterly: (quarter: number, year: number) =>
      `Quý ${['I', 'II', 'III', 'IV'][quarter - 1] ?? quarter}/${year}`,
    sixMonth: (year: number) => `6 tháng đầu năm ${year}`,
    nineMonth: (year: number) => `9 tháng đầu năm ${year}`,
    annual: (year: number) => `Năm ${year}`,
    once: 'Báo cáo theo văn bản',
  },
  holiday: {
    'tet-duong-lich': 'Tết Dương lịch',
    'tet-nguyen-dan': 'Tết Nguyên đán',
    'gio-to': 'Giỗ Tổ Hùng Vương',
    '30-4-1-5': 'Ngày Chiến thắng và Ngày Quốc tế Lao động',
    'quoc-khanh': 'Quốc khánh',
  },
  weekday: ['thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'],
  deadlineLine: (date: string, weekday: string) => `Hạn báo cáo: ${date} (${weekday})`,
} as const;

/** What the directive's spreadsheet shows: tab names, headers of theodoi's own columns, statuses, notes. */
export const sheet = {
  guideTab: 'Hướng dẫn',
  summaryTab: 'Tổng hợp',
  reportTabOnce: 'Báo cáo',
  unitCodeHeader: 'Mã ĐV',
  unitCodeHint: 'Mã đơn vị do hệ thống ghi; không sửa.',
  unitNameHeader: 'Tên đơn vị',
  unitNameHint: 'Tên đơn vị do hệ thống ghi; không sửa.',
  statusHeader: 'Trạng thái',
  statusHint:
    'Hệ thống tự ghi sau mỗi lần đơn vị nhập liệu: đã tiếp nhận, chưa đủ hoặc có lỗi (xem ghi chú).',
  deadlineHeader: 'Tình hình báo cáo',
  deadlineHint:
    'Hệ thống tự ghi mỗi sáng ngày làm việc: chưa đến hạn, sắp đến hạn, đúng hạn, trễ hạn hoặc quá hạn.',
  updatedAtHeader: 'Cập nhật lúc',
  updatedAtHint: 'Thời điểm hệ thống ghi nhận thay đổi gần nhất của dòng này (giờ Việt Nam).',
  reportTitle: (title: string, periodLabel: string, directiveRef: string) =>
    `${title.toUpperCase()} — ${periodLabel.toUpperCase()}  (${directiveRef})`,
  directiveRef: (number: string | null, date: string | null) =>
    `${number ? `Công văn số ${number}` : 'Công văn (chưa có số)'}${date ? ` ngày ${date}` : ''}`,
  deadlineLine: (deadline: string, weekday: string) =>
    `Hạn báo cáo: ${deadline} (${weekday}). Mỗi đơn vị nhập vào dòng của mình. Cột xám do hệ thống ghi.`,
  noDeadlineLine: 'Mỗi đơn vị nhập vào dòng của mình. Cột xám do hệ thống ghi.',
  weekdays: ['thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy', 'Chủ nhật'] as readonly string[],
  yes: 'Có',
  no: 'Không',
  status: {
    empty: '⏳ Chưa báo cáo',
    valid: '✔ Đã tiếp nhận',
    incomplete: (n: number) => `… Chưa đủ (${n} mục) — xem ghi chú`,
    invalid: (n: number) => `✖ Có lỗi (${n}) — xem ghi chú`,
  },
  /** A row that is no unit's: added below the units' rows, or a copy of one. */
  notCounted: '✖ Không ghi nhận — xem ghi chú',
  outsideRow:
    'Dòng này không phải dòng của đơn vị nào được giao: số liệu ở đây không được ghi nhận. ' +
    'Mỗi đơn vị nhập vào dòng có mã và tên đơn vị mình (phía trên).',
  copiedRow: (code: string, row: number) =>
    `Mã đơn vị ${code} là của dòng ${row}: số liệu ở dòng này không được ghi nhận — hãy nhập vào dòng ${row}.`,
  /** The note on a unit-code cell theodoi wrote back. */
  codeRepaired: (found: string) =>
    found === ''
      ? 'Mã đơn vị của dòng này đã bị xoá; hệ thống đã ghi lại mã đúng. Không sửa cột này.'
      : `Mã đơn vị của dòng này đã bị sửa thành "${found}"; hệ thống đã ghi lại mã đúng. Không sửa cột này.`,
  errorNoteTitle: 'Cần sửa:',
  missingNoteTitle: 'Còn thiếu:',
  keptNote: (at: string) => `Số liệu đã tiếp nhận lúc ${at} vẫn được lưu giữ.`,
  summaryPlaceholder: 'Bảng tổng hợp sẽ được hệ thống cập nhật sau khi các đơn vị báo cáo.',
  guide: {
    title: 'HƯỚNG DẪN BÁO CÁO',
    directive: 'Văn bản',
    subject: 'Trích yếu',
    issuer: 'Cơ quan ban hành',
    deadline: 'Hạn báo cáo',
    periods: 'Kỳ báo cáo',
    template: 'Mẫu báo cáo',
    howTo: 'Cách nhập',
    contact: 'Liên hệ',
    howToText:
      'Mỗi đơn vị chỉ nhập vào dòng (hoặc trang) của đơn vị mình. Nhập số bằng chữ số, ví dụ 1200 hoặc 1.200; ' +
      'ngày theo dạng ngày/tháng/năm, ví dụ 15/03/2024. Sau vài giây, cột "Trạng thái" cho biết số liệu đã được ' +
      'tiếp nhận hay cần sửa; di chuột vào ô trạng thái để xem ghi chú. Cột xám do hệ thống ghi, không sửa.',
  },
} as const;

/** Messages of `theodoi directive import`: warnings in the directive draft and the command's output. */
export const directiveImport = {
  recipientUnresolved: (text: string) => `Không xác định được đơn vị nhận "${text}" trong danh sách đơn vị.`,
  leadUnresolved: (task: string, text: string) =>
    `Nhiệm vụ ${task}: không xác định được đơn vị chủ trì "${text}".`,
  cooperatingUnresolved: (task: string, text: string) =>
    `Nhiệm vụ ${task}: không xác định được đơn vị phối hợp "${text}".`,
  kindFromSymbol: (label: string, symbol: string) =>
    `Không thấy tên loại văn bản; theo ký hiệu ${symbol}, đây là ${label}.`,
  kindSymbolMismatch: (label: string, symbol: string) =>
    `Tên loại "${label}" không khớp với ký hiệu ${symbol}.`,
  invalidDate: (where: string, text: string) => `Ngày không có thật (${where}): "${text}".`,
  issuerNotOrganisation: (issuer: string, organisation: string) =>
    `Cơ quan ban hành "${issuer}" không phải là ${organisation}.`,
  written: (path: string, missing: number, warnings: number) =>
    `Đã ghi bản nháp vào ${path} (còn thiếu ${missing} mục, ${warnings} cảnh báo).`,
  missingList: (fields: string[]) => `Văn bản chưa ghi: ${fields.map(missingFieldName).join(', ')}.`,
  next: (path: string) =>
    `Xem lại bản nháp rồi tạo bảng theo dõi: theodoi directive create --from-draft ${path}`,
  unsupportedFile: (path: string) =>
    `Chỉ nhập được tệp .txt, .docx, .pdf hoặc ảnh quét (.png, .jpg): ${path}`,
  emptyPdf: (path: string) =>
    `Tệp PDF ${path} không có chữ và cũng không có hình ảnh nào để nhận dạng: không có gì để đọc.`,
  ocrMissing:
    'Văn bản là bản quét nên cần nhận dạng chữ (OCR), nhưng máy chưa cài tesseract và dữ liệu tiếng Việt: ' +
    'chạy "apt-get install -y tesseract-ocr tesseract-ocr-vie poppler-utils".',
  pdftoppmMissing:
    'Cần pdftoppm (gói poppler-utils) để chuyển trang PDF quét thành ảnh: chạy "apt-get install -y poppler-utils".',
  /** A field holding a word OCR read uncertainly; `field` is the draft's field name. */
  lowConfidence: (field: string, text: string, word: string, confidence: number) =>
    `Cần đối chiếu với bản gốc: "${text}" (mục ${field}) có chữ nhận dạng chưa chắc chắn "${word}" (độ tin cậy ${Math.round(confidence)}%).`,
  /** What was read, printed after the draft is written or shown. */
  readSummary: (file: string, how: string, missing: number, warnings: number) =>
    `Đã đọc ${file} (${how}): còn thiếu ${missing} mục, ${warnings} cảnh báo.`,
  howText: 'văn bản',
  howDocx: 'tệp Word',
  howPdfText: 'PDF có lớp chữ',
  howOcr: (pages: number, confidence: number, engine: string) =>
    `nhận dạng chữ ${pages} trang bằng ${engine}, độ tin cậy trung bình ${confidence.toFixed(1).replace('.', ',')}%`,
  reviewList: (fields: string[]) => `Các mục cần đối chiếu với bản gốc: ${fields.join(', ')}.`,
  unreadableFile: (path: string, reason: string) => `Không đọc được tệp ${path}: ${reason}`,
  badOrganisation: (path: string, reason: string) => `Tệp tổ chức ${path} không hợp lệ: ${reason}`,
} as const;

/** Messages to the coordinator when registering a directive. */
export const directiveCreate = {
  organisationMissing: (org: string) =>
    `Chưa có tổ chức "${org}" trong hệ thống — chạy "theodoi units import <tệp>" trước.`,
  unknownRecipients: (codes: string[]) =>
    `Không có đơn vị mã ${codes.join(', ')} trong danh sách đơn vị — kiểm tra lại mục "recipients".`,
  duplicateRecipients: (codes: string[]) =>
    `Đơn vị ${codes.join(', ')} được ghi nhiều lần trong danh sách nhận — mỗi đơn vị chỉ có một dòng.`,
  unknownTemplate: (ref: string) => `Không có mẫu báo cáo "${ref}" — xem "theodoi templates".`,
  alreadyRegistered: (id: string) => `Công văn "${id}" đã được đăng ký trước đó.`,
  nothingOpen: 'Chưa có kỳ báo cáo nào.',
  created: (title: string, url: string, tabs: number, sheetsCalls: number, driveCalls: number) =>
    `Đã tạo bảng tính "${title}" với ${tabs} trang báo cáo: ${url}\n` +
    `(${sheetsCalls} lệnh gọi Sheets, ${driveCalls} lệnh gọi Drive để tạo tệp và chia sẻ quyền.)`,
  resumed: (id: string) =>
    `Công văn "${id}" đã được đăng ký nhưng lần tạo trước chưa xong; tiếp tục từ bước còn dở.`,
  registeredFileDiffers: (id: string) =>
    `Nội dung tệp khác với nội dung đã đăng ký của công văn "${id}"; hệ thống tiếp tục theo nội dung đã đăng ký.`,
  stillProvisioning: (id: string) =>
    `Công văn "${id}" chưa tạo xong bảng tính; chạy lại "theodoi directive create" với tệp của công văn để tiếp tục.`,
} as const;

/** Whose Google account theodoi acts as (decisions 003 and 004): the coordinator's login and its problems. */
export const googleAccess = {
  /** A Google call was refused because the grant was revoked or expired (OAuth invalid_grant). */
  grantRevoked:
    'Quyền truy cập Google mà theodoi dùng (tài khoản Google của chuyên viên theo dõi) đã bị thu hồi hoặc hết hạn. ' +
    'Đăng nhập lại bằng lệnh "theodoi auth login"; với các hàm chạy trên Google Cloud, chạy tiếp "theodoi deploy" ' +
    'để cập nhật quyền truy cập mà các hàm dùng.',
  /** No grant and no shared drive: nothing to call Sheets and Drive with. */
  noGrant: (emulator: boolean) =>
    'Chưa đăng nhập tài khoản Google cho theodoi: chạy "theodoi auth login --client-file client_secret.json" ' +
    '(tệp khoá OAuth tải về từ Google Cloud Console), hoặc đặt biến THEODOI_GOOGLE_GRANT; nơi dùng ổ dùng chung ' +
    'của Google Workspace thì đặt THEODOI_SHARED_DRIVE_ID.' +
    (emulator
      ? ' Với bộ giả lập trên máy: chạy "theodoi auth login" theo gợi ý mà lệnh "theodoi emulators" in ra.'
      : ' Để chạy thử trên máy (không cần Google): chạy "theodoi emulators", đặt FIRESTORE_EMULATOR_HOST và ' +
        'SHEETS_EMULATOR_URL như lệnh đó in ra, rồi đăng nhập theo gợi ý của nó.'),
  /** The small page the browser shows after the login's redirect. */
  loginPage: {
    title: 'theodoi — đăng nhập Google',
    done: 'Đã đăng nhập. Có thể đóng cửa sổ này và quay lại cửa sổ dòng lệnh.',
    failed: 'Đăng nhập không thành công. Xem thông báo ở cửa sổ dòng lệnh.',
  },
  loginDenied:
    'Tài khoản Google đã không cấp quyền cho theodoi. Chạy lại "theodoi auth login" và chọn "Cho phép" (Allow).',
  loginError: (error: string) => `Google báo lỗi khi đăng nhập: ${error}. Chạy lại "theodoi auth login".`,
  loginStateMismatch:
    'Lời đáp trình duyệt gửi về không thuộc lần đăng nhập này (tham số state không khớp), có thể là một yêu cầu ' +
    'giả mạo; chạy lại "theodoi auth login".',
  loginTimedOut: (minutes: number) =>
    `Quá ${minutes} phút mà chưa đăng nhập xong; chạy lại "theodoi auth login".`,
  loginNoRefreshToken:
    'Google không trả về mã làm mới (refresh token) nên theodoi không thể tự gia hạn quyền truy cập; ' +
    'chạy lại "theodoi auth login".',
  loginMissingScope:
    'Tài khoản đã đăng nhập nhưng không cấp quyền "xem, sửa, tạo và xoá các tệp Google Drive mà ứng dụng này tạo" ' +
    '(drive.file), quyền duy nhất theodoi cần; chạy lại "theodoi auth login" và đánh dấu quyền đó.',
} as const;

/** Sharing a directive's spreadsheet with the units' officers and the coordinators, and addresses that cannot get in. */
export const sharing = {
  /** The note Drive's notification e-mail carries to a unit's officer. */
  unitEmail: (directive: string, subject: string, units: readonly string[], invitation: boolean) =>
    `Kính gửi ${units.join(', ')}: theodoi chia sẻ với đơn vị bảng tính theo dõi thực hiện ${directive} ` +
    `về việc ${subject}. Đề nghị đơn vị nhập số liệu báo cáo vào dòng của đơn vị mình; kết quả kiểm tra hiện ngay ` +
    `trên dòng.` +
    (invitation
      ? ' Địa chỉ này chưa là tài khoản Google: để mở được bảng tính, cần tạo tài khoản Google với chính địa chỉ này ' +
        '(hoặc báo cho chuyên viên theo dõi một địa chỉ khác).'
      : ''),
  /** The note to a coordinator (or another follower of the directive). */
  coordinatorEmail: (directive: string, subject: string) =>
    `theodoi chia sẻ bảng tính theo dõi thực hiện ${directive} về việc ${subject}, với quyền người theo dõi.`,
  /** The note to the coordinator when the dashboard is shared with them. */
  dashboardEmail: (organisation: string) =>
    `theodoi chia sẻ bảng theo dõi thực hiện văn bản chỉ đạo của ${organisation}.`,
  /** A coordinator's line in the lists (not a unit's address). */
  coordinatorUnit: 'Người theo dõi',
  status: {
    shared: 'Đã chia sẻ',
    'needs-google-account': 'Chưa phải tài khoản Google (đã gửi thư mời)',
    failed: 'Không chia sẻ được',
    pending: 'Chưa chia sẻ (Google giới hạn tốc độ chia sẻ)',
  },
  /** What to do about an address that cannot get in yet. */
  advice: {
    'needs-google-account': 'tạo tài khoản Google cho địa chỉ này, hoặc cho biết một địa chỉ khác',
    failed: 'kiểm tra lại địa chỉ, rồi chia sẻ lại',
    pending: 'chia sẻ lại sau ít phút',
  },
  heading: (n: number) => `${n} địa chỉ chưa vào được bảng tính:`,
  line: (unit: string, address: string, status: string, advice: string, reason?: string) =>
    `  • ${unit} — ${address}: ${status}${reason ? ` (${reason})` : ''}; việc cần làm: ${advice}.`,
  then: (directiveId: string) =>
    `Sau khi địa chỉ đã có tài khoản Google (hoặc đã sửa địa chỉ trong tệp đơn vị và chạy "theodoi units import"), ` +
    `chạy "theodoi directive share ${directiveId}" để chia sẻ lại.`,
  pending: (n: number, directiveId: string) =>
    `Còn ${n} địa chỉ chưa chia sẻ được vì Google giới hạn tốc độ chia sẻ; chạy lại ` +
    `"theodoi directive share ${directiveId}" sau ít phút.`,
  allIn: (n: number) => `Đã chia sẻ bảng tính với cả ${n} địa chỉ.`,
  shared: (directiveId: string, n: number, calls: number) =>
    `Công văn ${directiveId}: chia sẻ thêm ${n} địa chỉ (${calls} lệnh gọi Drive).`,
  notOpen: (directiveId: string) =>
    `Công văn "${directiveId}" chưa tạo xong bảng tính; chạy lại "theodoi directive create" với tệp của công văn.`,
  /** `theodoi units check`: one line per address. */
  check: {
    account: 'là tài khoản Google',
    gmail: 'là tài khoản Google (Gmail)',
    notAccount:
      'chưa phải tài khoản Google — tạo tài khoản Google cho địa chỉ này, hoặc cho biết một địa chỉ khác',
    failed: (reason: string) => `không kiểm tra được (${reason})`,
    pending: 'chưa kiểm tra (Google giới hạn tốc độ chia sẻ; chạy lại sau ít phút)',
    line: (unit: string, address: string, result: string) => `${unit}\t${address}\t${result}`,
    noOrganisation:
      'Chưa có tổ chức nào trong hệ thống — nạp danh sách đơn vị bằng "theodoi units import" trước.',
    whichOrganisation: (ids: readonly string[]) =>
      `Có ${ids.length} tổ chức trong hệ thống (${ids.join(', ')}) — ghi rõ mã tổ chức: theodoi units check <mã>.`,
    summary: (org: string, total: number, out: number, calls: number) =>
      `${org}: ${total} địa chỉ, ${out} địa chỉ chưa phải tài khoản Google hoặc chưa kiểm tra được ` +
      `(${calls} lệnh gọi Drive).`,
  },
  /** The dashboard's section listing the addresses that cannot get in. */
  dashboard: {
    heading: 'ĐƠN VỊ CHƯA VÀO ĐƯỢC BẢNG TÍNH',
    none: 'Tất cả địa chỉ của các đơn vị đã được chia sẻ bảng tính.',
    columns: ['STT', 'Đơn vị', 'Địa chỉ thư điện tử', 'Tình trạng', 'Văn bản', 'Việc cần làm'],
  },
  /** The folder theodoi keeps its files in, in the coordinator's My Drive, and the small file addresses are checked on. */
  folderName: 'theodoi — Theo dõi văn bản chỉ đạo',
  probeFileName: 'theodoi — tệp kiểm tra địa chỉ (xin đừng xoá)',
} as const;

/** Messages to the coordinator when a directive cannot be synced. */
export const syncErrors = {
  unknownDirective: (id: string) => `Không có công văn "${id}" trong hệ thống.`,
  noTab: (periodKey: string) =>
    periodKey === 'once' ? 'Chưa có trang báo cáo.' : `Chưa có trang báo cáo cho kỳ ${periodKey}.`,
  tabMissing: (title: string) =>
    `Không tìm thấy trang "${title}" (có thể đã bị xoá hoặc các cột của hệ thống đã bị xoá). Số liệu đã lưu không bị mất; hãy tạo lại trang từ mẫu.`,
  columnGone: (title: string) =>
    `Trang "${title}" thiếu một cột của mẫu báo cáo hoặc của hệ thống (có thể đã bị xoá), nên lần này không đọc ` +
    `trang này; các trang khác vẫn được cập nhật. Số liệu đã lưu không bị mất; hãy khôi phục cột (Hoàn tác hoặc ` +
    `Lịch sử phiên bản) hoặc báo cán bộ phụ trách.`,
} as const;

/** What the coordinator is told when theodoi recreated a deleted report tab, or can no longer open a spreadsheet. */
export const spreadsheetRecovery = {
  /** How a directive is named in these messages: its number when it has one, and its id. */
  directiveName: (id: string, number: string | null) => (number ? `số ${number} (${id})` : `"${id}"`),
  /** The title of a recreated tab when another tab already has the period's title. */
  recreatedTitle: (title: string, n: number) => (n === 1 ? `${title} (tạo lại)` : `${title} (tạo lại ${n})`),
  /** The line above the header of a recreated tab, for everyone who opens it. */
  recreatedLine: (at: string) =>
    `Trang này được hệ thống tạo lại lúc ${at} vì trang cũ đã bị xoá; số liệu các đơn vị đã nhập được điền lại từ dữ liệu đã lưu.`,
  /** The notice to the coordinator: what was deleted, what theodoi did, that nothing was lost. */
  tabRecreated: (directive: string, title: string, at: string, units: number) =>
    `Trang "${title}" của công văn ${directive} đã bị xoá khỏi bảng tính. Lúc ${at}, hệ thống đã tạo lại trang theo mẫu ` +
    `(tiêu đề, định dạng, danh sách chọn, phân quyền) và điền lại số liệu đã lưu của ${units} đơn vị; ` +
    `không có số liệu nào bị mất. Đề nghị nhắc các đơn vị không xoá trang báo cáo.`,
  /** The spreadsheet is gone (Sheets answers 404). */
  notFound: (directive: string, spreadsheetId: string) =>
    `Không tìm thấy bảng tính của công văn ${directive} (mã ${spreadsheetId}); bảng tính có thể đã bị xoá. ` +
    `Số liệu đã lưu trong hệ thống không bị mất. Nếu bảng tính còn trong Thùng rác, hãy khôi phục; ` +
    `lần đồng bộ sau sẽ tự tiếp tục.`,
  /** The spreadsheet is no longer shared with theodoi's account (Sheets answers 403). */
  notShared: (directive: string, spreadsheetId: string, account: string) =>
    `Hệ thống không còn quyền mở bảng tính của công văn ${directive} (mã ${spreadsheetId}): bảng tính không còn ` +
    `được chia sẻ với tài khoản ${account}, hoặc tài khoản này chỉ còn quyền xem. Hãy chia sẻ lại bảng tính cho ` +
    `${account} với quyền Người chỉnh sửa; lần đồng bộ sau sẽ tự tiếp tục. Số liệu đã lưu không bị mất.`,
  /** The notice to the coordinator: a unit's row Firestore could not store (the officer sees why on the row). */
  rowUnstorable: (directive: string, title: string, unit: string, row: number) =>
    `Dòng ${row} (đơn vị ${unit}) của trang "${title}", công văn ${directive}: nội dung quá dài, hệ thống không ` +
    `lưu được lần nhập này; các đơn vị khác không bị ảnh hưởng. Đơn vị đã được báo trên dòng để rút gọn.`,
  /** The notice to the coordinator: a unit's row is gone from its tab (deleted by hand). */
  rowMissing: (directive: string, title: string, unit: string) =>
    `Trang "${title}" của công văn ${directive} không còn dòng của đơn vị ${unit} (có thể đã bị xoá). ` +
    `Số liệu đã lưu không bị mất; đơn vị chưa thể nhập cho đến khi dòng được thêm lại.`,
  /** theodoi's account when the sync was not told its address. */
  ourAccount: 'tài khoản Google mà theodoi dùng',
} as const;

/** What `npm run demo` prints as it plays the Tháp Mười quarter. */
export const demo = {
  starting: 'Khởi động Firestore emulator, Pub/Sub emulator và Sheets/Drive emulator…',
  latencyOff:
    'Sheets/Drive emulator trả lời ngay (không mô phỏng độ trễ của Google); chạy với --latency google để thấy thời gian như trên Google thật.',
  latencyGoogle:
    'Sheets/Drive emulator mô phỏng độ trễ của Google thật (Sheets, Drive, Apps Script): thời gian phản hồi dưới đây gần với thực tế.',
  unitsLoaded: (n: number) => `Đã nạp ${n} đơn vị của huyện Tháp Mười.`,
  imported: (subject: string, recipients: number, references: number, tasks: number, missing: string[]) =>
    `Đã đọc công văn "V/v ${subject}": ${recipients} đơn vị nhận, ${references} văn bản dẫn chiếu, ${tasks} nhiệm vụ` +
    `${missing.length ? `; chưa có trong văn bản: ${missing.map(missingFieldName).join(', ')}` : ''}.`,
  loggedIn: (email: string) =>
    `Chuyên viên theo dõi đã đăng nhập tài khoản Google ${email} (theodoi auth login); các bảng tính sẽ thuộc tài khoản này.`,
  provisioned: (title: string, sheetsCalls: number, driveCalls: number) =>
    `Đã tạo bảng tính "${title}" (${sheetsCalls} lệnh gọi Sheets, ${driveCalls} lệnh gọi Drive để tạo tệp và chia sẻ).`,
  edit: (when: string, unit: string, note: string, status: string, ms: number) =>
    `  ${when}  ${unit}: ${note} → ${status} (${ms} ms)`,
  summary: (at: string, total: number, onTime: number, late: number, missing: string[], withErrors: number) =>
    `Tính đến ${at}: ${onTime + late}/${total} đơn vị đã báo cáo, trong đó ${onTime} đúng hạn, ` +
    `${late} trễ hạn; ${missing.length} đơn vị quá hạn chưa báo cáo${missing.length ? ` (${missing.join(', ')})` : ''}` +
    `${withErrors ? `; ${withErrors} đơn vị có lỗi cần sửa` : ''}.`,
  morning: (when: string, counts: Record<string, number>, reminders: number) =>
    `  ${when}  Kiểm tra hạn buổi sáng: ${counts['dung-han'] ?? 0} đúng hạn, ${counts['tre-han'] ?? 0} trễ hạn, ` +
    `${counts['sap-den-han'] ?? 0} sắp đến hạn, ${counts['qua-han'] ?? 0} quá hạn, ${counts['co-loi'] ?? 0} có lỗi; ` +
    `${reminders} mục nhắc việc.`,
  paragraph: (text: string) => `Dự thảo nội dung báo cáo (tab Tổng hợp):\n  "${text}"`,
  tasksImported: (number: string, subject: string, tasks: number, rows: number) =>
    `Đã đọc công văn số ${number} "V/v ${subject}" (theodoi directive import, rồi directive create --from-draft): ` +
    `${tasks} nhiệm vụ, mỗi nhiệm vụ có đơn vị chủ trì, đơn vị phối hợp và hạn riêng → ${rows} dòng nhiệm vụ.`,
  taskRow: (unit: string, taskNo: number) => `${unit} — nhiệm vụ ${taskNo}`,
  taskCheck: (when: string, overdue: string[]) =>
    `  ${when}  Kiểm tra hạn công văn nhiệm vụ: ${overdue.length ? `dòng quá hạn được gắn cờ nhắc việc — ${overdue.join('; ')}` : 'không còn dòng quá hạn'}.`,
  tasksSummary: (number: string, kpi: string) => `Công văn nhiệm vụ số ${number} — tab Tổng hợp: ${kpi}`,
  tasksChase: (line: string) => `  Cần đôn đốc: ${line}`,
  whereTasks: (url: string, spreadsheetId: string) =>
    `Xem bảng tính công văn nhiệm vụ (mã ${spreadsheetId}) trên emulator: ${url}`,
  triggerInstalled: (url: string, listed: number) =>
    `Điều phối viên cài tập lệnh "theodoi — kích hoạt" một lần (chạy caiDat): ${listed} bảng tính có kích hoạt khi sửa; ` +
    `mỗi lần cán bộ sửa dòng của mình, tập lệnh gọi ${url}/sheetEvent kèm mã định danh Google (ID token), không dùng khóa bí mật.`,
  triggerPath:
    'Đường đi của mỗi lần nhập: giao diện Sheets → tập lệnh độc lập của điều phối viên → sheetEvent (ID token, trả lời 202) ' +
    '→ Pub/Sub → syncDirectiveEvent → trạng thái trên dòng.',
  acknowledged: (p50: number, p95: number, max: number) =>
    `sheetEvent nhận và trả lời 202 sau: trung vị ${p50} ms, p95 ${p95} ms, lâu nhất ${max} ms (thời gian xử lý của theodoi).`,
  triggerRuntime: (usedMs: number, executions: number, meanMs: number, limitMs: number) =>
    `Thời gian chạy kích hoạt của điều phối viên đã dùng: ${(usedMs / 1000).toFixed(1)} giây ` +
    `(${executions} lần chạy khi sửa, trung bình ${meanMs} ms/lần) trên hạn mức ${Math.round(limitMs / 60_000)} phút/ngày của Google.`,
  triggerRuntimeProvince: (edits: number, minutes: number) =>
    `Ước tính cho một tỉnh vào ngày bận (${edits.toLocaleString('vi-VN')} lần sửa, mỗi lần như trung bình ở trên): ` +
    `${Math.round(minutes)} phút/ngày, trên hạn mức 90 phút/ngày (tài khoản gmail) hoặc 6 giờ/ngày (Google Workspace).`,
  feedback: (p50: number, p95: number, edits: number) =>
    `Thời gian từ lúc cán bộ nhập đến khi dòng có trạng thái: trung vị ${p50} ms, p95 ${p95} ms (${edits} lần nhập).`,
  where: (url: string, spreadsheetId: string) =>
    `Xem bảng tính (mã ${spreadsheetId}) trên emulator: ${url} — thêm ?as=<e-mail> để nhập liệu như một cán bộ (cần --keep).`,
  dashboard: (url: string) => `Bảng theo dõi chung các văn bản: ${url}`,
  file: (path: string) => `Tệp đã ghi: ${path}`,
  noBrowser:
    'Không chụp ảnh tab Tổng hợp: máy chưa có Chromium (cài bằng "apt-get install chromium" hoặc đặt CHROMIUM_PATH).',
  kept: (theodoiUrl: string) =>
    `Các emulator và các hàm sheetEvent, sheetTargets, syncDirectiveEvent vẫn chạy (--keep), đồng hồ dừng ở thời điểm cuối của demo; tập lệnh của điều phối viên gửi tới ${theodoiUrl}. Nhấn Ctrl+C để dừng.`,
  done: (seconds: string) => `Xong sau ${seconds} giây.`,
} as const;

/** What the deadline check shows: the "Nhắc việc" list, the command's summary and the e-mail digests to units. */
export const reminders = {
  listTitle: (at: string) => `NHẮC VIỆC — tình hình báo cáo lúc ${at}`,
  nothing: 'Không có đơn vị nào cần nhắc: không có báo cáo quá hạn, sắp đến hạn hoặc có lỗi cần sửa.',
  directiveHeading: (ref: string, subject: string) => `${ref} — V/v ${subject}`,
  periodHeading: (label: string, deadline: string) => `  ${label}, hạn báo cáo ${deadline}:`,
  item: (unit: string, status: string, contact: string) => `    • ${unit}: ${status} — liên hệ: ${contact}`,
  contact: (person: string | undefined, phone: string | undefined, email: string | undefined) =>
    [person ? `đ/c ${person}` : undefined, phone, email].filter(Boolean).join(', ') ||
    'chưa có thông tin liên hệ',
  checked: (o: {
    directives: number;
    raised: number;
    resolved: number;
    cells: number;
    tabs: number;
    sheetsReads: number;
    sheetsWrites: number;
    firestoreWrites: number;
  }) =>
    `Đã kiểm tra ${o.directives} công văn: ${o.raised} cờ mới, ${o.resolved} cờ được gỡ, ` +
    `${o.cells} ô "Tình hình báo cáo" được ghi, ${o.tabs} trang kỳ báo cáo mới được mở ` +
    `(${o.sheetsReads} lượt đọc, ${o.sheetsWrites} lượt ghi Sheets; ${o.firestoreWrites} lượt ghi Firestore).`,
  failed: (directiveId: string, reason: string) => `Không kiểm tra được công văn ${directiveId}: ${reason}`,
  tabMissing: (title: string) =>
    `Không tìm thấy cột "Tình hình báo cáo" hoặc "Mã ĐV" của trang "${title}"; trạng thái không được ghi vào trang này.`,
  mailOff: 'Chưa cấu hình máy chủ thư (THEODOI_SMTP_URL): không gửi thư nhắc việc.',
  mailed: (sent: number, unchanged: number, noAddress: number, failed: number) =>
    `Thư nhắc việc: ${sent} thư đã gửi, ${unchanged} đơn vị không có gì mới so với thư trước, ` +
    `${noAddress} đơn vị chưa có địa chỉ thư${failed ? `, ${failed} thư gửi không được` : ''}.`,
  mail: {
    subject: (unitName: string, count: number) => `[Nhắc việc] ${unitName}: ${count} báo cáo cần hoàn thành`,
    greeting: (unitName: string, person: string | undefined) =>
      `Kính gửi: ${person ? `đồng chí ${person} — ` : ''}${unitName}.`,
    intro: (at: string) => `Tính đến ${at}, đơn vị còn các báo cáo sau cần hoàn thành:`,
    item: (n: number, directive: string, period: string, deadline: string, status: string) =>
      `${n}. ${directive}\n   Kỳ báo cáo: ${period}; hạn báo cáo: ${deadline}.\n   Tình hình: ${status}.`,
    link: (url: string) => `   Bảng tính: ${url}`,
    closing:
      'Đề nghị đơn vị nhập số liệu vào dòng của đơn vị mình trong bảng tính (hoặc sửa các ô có lỗi theo ghi chú ' +
      'ở cột "Trạng thái") để hoàn thành báo cáo.',
    contact: (who: string) => `Mọi vướng mắc xin liên hệ: ${who}.`,
    signature: 'Thư này do hệ thống theodoi gửi tự động; vui lòng không trả lời thư này.',
  },
} as const;

/** What the Tổng hợp tab shows and the draft paragraph of the official report says (flow 4). */
export const summary = {
  /** Beside a unit's status in Tổng hợp when its deadline was extended. */
  extendedUntil: (date: string) => ` (gia hạn đến ${date})`,
  title: (directiveRef: string, periodLabel: string) =>
    `TỔNG HỢP TÌNH HÌNH THỰC HIỆN ${directiveRef.toUpperCase()} — ${periodLabel.toUpperCase()}`,
  directiveLine: (directiveRef: string, issuer: string, subject: string) =>
    `${directiveRef} của ${issuer} V/v ${subject}`,
  periodLine: (periodLabel: string, deadline: string, weekday: string) =>
    `Kỳ báo cáo: ${periodLabel}. Hạn báo cáo: ${deadline} (${weekday}).`,
  updatedLine: (time: string, date: string) => `Cập nhật lúc ${time} ngày ${date}`,
  kpiLine: (k: {
    reported: number;
    total: number;
    percent: string;
    onTime: number;
    late: number;
    notReported: number;
    overdue: number;
    withErrors: number;
  }) =>
    `Đã báo cáo ${k.reported}/${k.total} (${k.percent})    Đúng hạn ${k.onTime}    Trễ hạn ${k.late}    ` +
    `Chưa báo cáo ${k.notReported}${k.overdue ? ` (quá hạn ${k.overdue})` : ''}    Có lỗi cần sửa ${k.withErrors}`,
  statusColumn: 'Tình hình báo cáo',
  countColumn: 'Số đơn vị',
  statusTotal: 'Tổng số đơn vị',
  chartTitle: 'Số đơn vị theo tình hình báo cáo',
  unitsHeading: 'KẾT QUẢ BÁO CÁO CỦA CÁC ĐƠN VỊ',
  columns: {
    stt: 'STT',
    group: 'Nhóm đơn vị',
    unit: 'Đơn vị',
    status: 'Tình hình báo cáo',
    reportedOn: 'Ngày báo cáo',
    person: 'Người liên hệ',
    phone: 'Điện thoại',
  },
  totalRow: 'Tổng cộng',
  /** The subtotal line of one group of units (khối). */
  subtotalRow: (groupName: string) => `Cộng: ${groupName}`,
  /** A group's (or the table's) reported count on its subtotal line. */
  groupReported: (reported: number, total: number) => `Đã báo cáo ${reported}/${total}`,
  /** The group of recipients the organisation's file does not list. */
  otherUnits: 'Đơn vị khác',
  totalNotes: {
    sum: 'Tổng số liệu đã tiếp nhận của các đơn vị.',
    average: 'Bình quân của các đơn vị có số liệu.',
    count: 'Số đơn vị có số liệu.',
    list: 'Các nội dung các đơn vị đã báo cáo.',
  },
  figuresNote:
    'Số liệu là số liệu hợp lệ đã tiếp nhận gần nhất của đơn vị; số liệu nhập sai sau đó không làm mất số liệu này.',
  chaseHeading: (n: number) => `ĐƠN VỊ CẦN ĐÔN ĐỐC (${n})`,
  chaseNone: 'Không có đơn vị nào cần đôn đốc.',
  noContact: 'chưa có thông tin liên hệ',
  paragraphHeading: 'DỰ THẢO NỘI DUNG BÁO CÁO',
  /** "Tính đến 08 giờ 00 ngày 15/3/2024". */
  asOf: (hour: string, minute: string, date: string) => `Tính đến ${hour} giờ ${minute} ngày ${date}`,
  /** A share as "80%" or "66,7%" (the number already written the Vietnamese way). */
  percent: (points: string) => `${points}%`,
  nobodyReported: (total: number) => `chưa có đơn vị nào trong số ${total} đơn vị báo cáo`,
  allReported: (total: number, percent: string) => `cả ${total}/${total} đơn vị đã báo cáo (đạt ${percent})`,
  someReported: (reported: number, total: number, percent: string) =>
    `có ${reported}/${total} đơn vị đã báo cáo (đạt ${percent})`,
  /** How the reports that came in were timed. */
  timing: (onTime: number, late: number) =>
    late === 0
      ? onTime > 1
        ? ', đều đúng hạn'
        : ', đúng hạn'
      : onTime === 0
        ? late > 1
          ? ', đều trễ hạn'
          : ', trễ hạn'
        : `, trong đó ${onTime} đơn vị đúng hạn, ${late} đơn vị trễ hạn`,
  /** "còn 5 đơn vị chưa báo cáo (đã quá hạn), gồm: …". */
  notReported: (n: number, overdue: number, names: string) =>
    `; còn ${n} đơn vị chưa báo cáo${
      overdue === 0 ? '' : overdue === n ? ' (đã quá hạn)' : ` (trong đó ${overdue} đơn vị đã quá hạn)`
    }, gồm: ${names}`,
  /** The overdue share of "chưa có đơn vị nào báo cáo", when the deadline has passed. */
  nobodyOverdue: ' (đã quá hạn)',
  withErrors: (n: number, names: string) => ` Có ${n} đơn vị cần sửa lỗi trong số liệu báo cáo: ${names}.`,
  /** Joins unit names, cutting a long list: "A, B, C và 12 đơn vị khác". */
  names: (shown: readonly string[], more: number) =>
    more > 0 ? `${shown.join(', ')} và ${more} đơn vị khác` : shown.join(', '),
  /** The key figures worded by their template phrases: "Các đơn vị đã tổ chức 35 hội nghị; …". */
  phrasedFigures: (phrases: readonly string[]) => ` Các đơn vị đã ${phrases.join('; ')}.`,
  /** Key figures without a phrase, by their headers: "Tổng hợp số liệu: số hội nghị: 35; …". */
  headedFigures: (parts: readonly string[]) => ` Tổng hợp số liệu đã tiếp nhận: ${parts.join('; ')}.`,
  headedFigure: (header: string, value: string) => `${header}: ${value}`,
  averageFigure: (header: string, value: string) => `${header} bình quân: ${value}`,
  countFigure: (header: string, n: string) => `${header}: ${n} đơn vị có số liệu`,
  tooLong: '…',
  tabMissing:
    'Không tìm thấy trang "Tổng hợp" trong bảng tính (có thể đã bị xoá); số liệu đã lưu không bị mất.',
  noPeriod: (periodKey: string) => `Công văn không có kỳ báo cáo ${periodKey}.`,
  nothingOpen: 'Chưa đến kỳ báo cáo nào của công văn này.',
  cli: {
    written: (title: string, calls: { sheetsReads: number; sheetsWrites: number }) =>
      `Đã cập nhật trang Tổng hợp: ${title} (${calls.sheetsReads} lượt đọc, ${calls.sheetsWrites} lượt ghi Sheets).`,
  },
} as const;

/** The official report draft (.docx, Decree 30/2020 layout) and the .xlsx of the summary (`theodoi report`). */
export const officialReport = {
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  /** "Số:        /BC-NV": the number is left blank for the coordinator to fill in when the report is registered. */
  numberLine: (symbol: string) => `Số:        /${symbol}`,
  /** "Tháp Mười, ngày      tháng 3 năm 2024": the day is left blank for the signing day. */
  placeDate: (place: string, month: string, year: string) => `${place}, ngày      tháng ${month} năm ${year}`,
  kind: 'BÁO CÁO',
  /** The directive as the report names it: "Công văn số 06/UBND-NV ngày 05/02/2024". */
  directiveRef: (number: string | null, date: string | null) =>
    `Công văn số ${number ?? '……'}${date ? ` ngày ${date}` : ''}`,
  subject: (ref: string, issuer: string, subject: string) =>
    `Tình hình thực hiện ${ref} của ${issuer} về việc ${subject}`,
  intro: (ref: string, issuer: string, subject: string, reporter: string, period: string) =>
    `Thực hiện ${ref} của ${issuer} về việc ${subject}, ${reporter} báo cáo tình hình thực hiện ` +
    `kỳ báo cáo ${period} như sau:`,
  sectionStatus: 'I. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ',
  sectionResults: 'II. KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ',
  sectionChase: 'III. CÁC ĐƠN VỊ CẦN ĐÔN ĐỐC',
  sectionProposals: 'IV. ĐỀ XUẤT, KIẾN NGHỊ',
  proposalsPlaceholder: '(Nội dung đề xuất, kiến nghị do chuyên viên theo dõi bổ sung.)',
  kpiTotal: (n: number) => `- Tổng số đơn vị được giao báo cáo: ${n} đơn vị;`,
  kpiReported: (reported: number, total: number, percent: string, onTime: number, late: number) =>
    `- Số đơn vị đã báo cáo: ${reported}/${total} đơn vị (đạt ${percent}), trong đó đúng hạn: ${onTime} đơn vị, ` +
    `trễ hạn: ${late} đơn vị;`,
  kpiNotReported: (n: number, overdue: number) =>
    `- Số đơn vị chưa báo cáo: ${n} đơn vị${overdue ? ` (quá hạn: ${overdue} đơn vị)` : ''};`,
  /** One khối's line under "Số đơn vị đã báo cáo". */
  kpiGroup: (group: string, reported: number, total: number) =>
    `  + ${group}: ${reported}/${total} đơn vị đã báo cáo;`,
  kpiErrors: (n: number) => `- Số đơn vị có số liệu cần sửa lỗi: ${n} đơn vị.`,
  tableIntro:
    'Kết quả cụ thể của từng đơn vị (số liệu hợp lệ đã tiếp nhận gần nhất), cộng theo từng khối, tại Phụ lục ' +
    'kèm theo Báo cáo này.',
  /** The annex (Decree 30: "Phụ lục") holding the per-unit table. */
  annex: 'Phụ lục',
  annexTitle: (periodLabel: string) => `KẾT QUẢ BÁO CÁO CỦA CÁC ĐƠN VỊ — ${periodLabel.toUpperCase()}`,
  annexAttached: (symbol: string, issuer: string, month: string, year: string) =>
    `(Kèm theo Báo cáo số        /${symbol} ngày      tháng ${month} năm ${year} của ${issuer})`,
  figuresAsOf: (asOf: string) => `Số liệu ${asOf.charAt(0).toLowerCase()}${asOf.slice(1)}.`,
  /** A khối's heading in the annex's table: "I. Các ban, ngành thuộc UBND huyện". */
  groupHeading: (numeral: string, group: string) => `${numeral}. ${group}`,
  groupTotal: 'Cộng',
  chaseItem: (unit: string, status: string, contact: string) =>
    `- ${unit}: ${status}${contact ? `, liên hệ: ${contact}` : ''};`,
  chaseNone: 'Không có đơn vị nào cần đôn đốc.',
  closing: (ref: string, issuer: string) => `Trên đây là báo cáo tình hình thực hiện ${ref} của ${issuer}./.`,
  recipientsHeading: 'Nơi nhận:',
  /** "- UBND huyện Tháp Mười (b/c);" */
  recipientFor: (name: string) => `- ${name} (b/c);`,
  archive: (unit: string) => `- Lưu: VT, ${unit}.`,
  signerHead: 'TRƯỞNG PHÒNG',
  signerOther: 'THỦ TRƯỞNG ĐƠN VỊ',
  signerName: '……………………………',
  /** Short form of "Ủy ban nhân dân" in the parent line and the recipients, as documents write it. */
  peoplesCommittee: { long: 'Ủy ban nhân dân', short: 'UBND' },
  xlsx: {
    sheet: 'Tổng hợp',
    kpiHeader: ['Đã báo cáo', 'Tỷ lệ', 'Đúng hạn', 'Trễ hạn', 'Chưa báo cáo', 'Quá hạn', 'Có lỗi cần sửa'],
    chaseColumns: ['STT', 'Đơn vị', 'Tình hình báo cáo', 'Người liên hệ', 'Điện thoại', 'Thư điện tử'],
  },
  cli: {
    written: (docx: string, xlsx: string) => `Đã ghi dự thảo báo cáo: ${docx}\nĐã ghi bảng tổng hợp: ${xlsx}`,
  },
} as const;

/** The cross-directive dashboard "Theo dõi thực hiện văn bản chỉ đạo" of an organisation. */
export const dashboard = {
  title: 'Theo dõi thực hiện văn bản chỉ đạo',
  directivesTab: 'Văn bản',
  matrixTab: 'Đơn vị × văn bản',
  heading: (organisation: string) => `THEO DÕI THỰC HIỆN VĂN BẢN CHỈ ĐẠO — ${organisation.toUpperCase()}`,
  updatedLine: (time: string, date: string, n: number) =>
    `Cập nhật lúc ${time} ngày ${date}; ${n} văn bản đang theo dõi.`,
  columns: {
    stt: 'STT',
    number: 'Số, ký hiệu',
    date: 'Ngày ban hành',
    subject: 'Trích yếu',
    period: 'Kỳ báo cáo',
    deadline: 'Hạn báo cáo',
    reported: 'Đã báo cáo',
    late: 'Trễ hạn',
    missing: 'Chưa báo cáo',
    overdue: 'Quá hạn',
    errors: 'Có lỗi',
    link: 'Bảng tính',
  },
  noNumber: '(chưa có số)',
  /** A directive in a column header: its number (or "(chưa có số)") and the day it was issued. */
  directiveLabel: (number: string, date: string | null) => (date ? `${number} ngày ${date}` : number),
  /** The note on a directive's column header. */
  subjectNote: (subject: string) => `V/v ${subject}`,
  noPeriod: 'Chưa đến kỳ báo cáo',
  open: 'Mở bảng tính',
  accessLost: 'Không mở được bảng tính — cần chia sẻ lại cho tài khoản Google mà theodoi dùng',
  unitColumn: 'Đơn vị',
  groupColumn: 'Nhóm đơn vị',
  notRecipient: '—',
  legend: 'Ký hiệu: "—" đơn vị không thuộc phạm vi báo cáo của văn bản.',
  cli: {
    written: (
      url: string,
      directives: number,
      calls: { sheetsReads: number; sheetsWrites: number; created: boolean },
    ) =>
      `${calls.created ? 'Đã tạo' : 'Đã cập nhật'} bảng theo dõi (${directives} văn bản): ${url} ` +
      `(${calls.sheetsReads} lượt đọc, ${calls.sheetsWrites} lượt ghi Sheets).`,
    unchanged: (url: string) => `Bảng theo dõi không có gì thay đổi, không cần ghi lại: ${url}`,
    failed: (organisationId: string, error: string) =>
      `Không cập nhật được bảng theo dõi của ${organisationId}: ${error}`,
  },
} as const;

/** The evaluation of units across directives (thi đua, the administrative-reform index): ranges, notes, grades. */
export const evaluation = {
  rangeLabel: {
    year: (year: number) => `năm ${year}`,
    quarter: (quarter: number, year: number) =>
      `quý ${['I', 'II', 'III', 'IV'][quarter - 1] ?? quarter} năm ${year}`,
    firstHalf: (year: number) => `6 tháng đầu năm ${year}`,
    secondHalf: (year: number) => `6 tháng cuối năm ${year}`,
    dates: (from: string, to: string) => `từ ngày ${from} đến ngày ${to}`,
  },
  oneRange:
    'Cần chỉ rõ đúng một khoảng thời gian đánh giá: --year 2024, --quarter 2024-Q1, --half 2024-H1 hoặc --from … --to ….',
  fromAndTo: 'Cần cả --from và --to (ngày theo dạng yyyy-MM-dd, ví dụ --from 2024-01-01 --to 2024-06-30).',
  badYear: (value: string) => `"${value}" không phải năm hợp lệ — ví dụ --year 2024.`,
  badQuarter: (value: string) => `"${value}" không phải quý hợp lệ — ví dụ --quarter 2024-Q1 (Q1 đến Q4).`,
  badHalf: (value: string) => `"${value}" không phải nửa năm hợp lệ — dùng --half 2024-H1 hoặc 2024-H2.`,
  badDate: (value: string) =>
    `"${value}" không phải ngày hợp lệ — ghi theo dạng yyyy-MM-dd, ví dụ 2024-03-31.`,
  reversedRange: (from: string, to: string) => `Ngày bắt đầu ${from} sau ngày kết thúc ${to}.`,
  unknownGroup: 'Đơn vị không có trong danh sách đơn vị',
  notes: {
    established: (day: string) => `Thành lập từ ngày ${day}`,
    retired: (day: string) => `Thôi hoạt động từ ngày ${day}`,
    mergedInto: (into: string, day: string) => `Sáp nhập vào ${into} từ ngày ${day}`,
    absorbed: (units: readonly string[], day: string) => `Tiếp nhận ${units.join(', ')} từ ngày ${day}`,
  },
  defaultGrades: {
    excellent: 'Xuất sắc',
    good: 'Tốt',
    fair: 'Khá',
    average: 'Trung bình',
    weak: 'Yếu',
  },
  rubric: {
    stepsOrder: 'các mức "upToWorkingDays" phải tăng dần',
    weights: 'tổng trọng số của báo cáo và nhiệm vụ phải lớn hơn 0',
    gradeAboveMax: 'điểm tối thiểu của xếp loại không được lớn hơn "maxScore"',
    gradesOrder: 'các xếp loại phải xếp theo điểm tối thiểu giảm dần, không trùng nhau',
  },
  title: (range: string) => `KẾT QUẢ THỰC HIỆN CHẾ ĐỘ BÁO CÁO VÀ NHIỆM VỤ ĐƯỢC GIAO ${range.toUpperCase()}`,
  subtitle: (organisation: string) => `của các cơ quan, đơn vị thuộc ${organisation}`,
  asOf: (time: string, date: string) => `Số liệu tính đến ${time} ngày ${date}.`,
  columns: {
    stt: 'STT',
    unit: 'Đơn vị',
    reports: 'Chế độ báo cáo',
    tasks: 'Nhiệm vụ được giao',
    rows: 'Theo dõi, sửa lỗi',
    result: 'Kết quả',
    reportsDue: 'Số báo cáo phải nộp',
    reportsOnTime: 'Đúng hạn',
    reportsLate: 'Trễ hạn',
    reportsLateWorkingDays: 'Tổng số ngày làm việc trễ',
    reportsMissingAtDeadline: 'Chưa nộp khi đến hạn',
    reportsMissing: 'Đến nay chưa nộp',
    tasksDue: 'Số nhiệm vụ đến hạn',
    tasksOnTime: 'Hoàn thành đúng hạn',
    tasksLate: 'Hoàn thành trễ hạn',
    tasksOverdue: 'Quá hạn chưa hoàn thành',
    corrected: 'Bị trả lại, đã sửa',
    awaitingCorrection: 'Bị trả lại, chưa sửa',
    extended: 'Được gia hạn',
    score: 'Điểm',
    grade: 'Xếp loại',
    rank: 'Xếp hạng',
    groupRank: 'Xếp hạng trong khối',
    notes: 'Ghi chú',
    directives: 'Văn bản',
  },
  groupTotal: 'Cộng',
  total: 'Tổng cộng',
  averageScore: (score: string) => `Điểm bình quân: ${score}`,
  notScored: 'Không có báo cáo, nhiệm vụ đến hạn',
  directivesLink: (n: number) => `${n} văn bản`,
  notesHeading: 'Ghi chú:',
  rubricNote: (o: { max: string; reports: string; tasks: string; weights: string; penalties: string }) =>
    `- Cách tính điểm (thang ${o.max} điểm): mỗi báo cáo ${o.reports}; mỗi nhiệm vụ ${o.tasks}. Điểm của đơn vị ` +
    `là tỷ lệ điểm đạt được trên số báo cáo, nhiệm vụ đến hạn, với trọng số báo cáo : nhiệm vụ = ${o.weights}${o.penalties}.`,
  credits: (o: { onTime: string; late: string; steps: string; none: string }, noneName: string) =>
    `đúng hạn được ${o.onTime}, trễ hạn ${o.late}${o.steps}, ${noneName} ${o.none} số điểm`,
  reportNone: 'chưa nộp',
  taskNone: 'quá hạn',
  lateStep: (days: number, credit: string) => `trễ đến ${days} ngày làm việc ${credit}`,
  penalty: (what: string, points: string) => `${what} trừ ${points} điểm`,
  penaltyNames: {
    corrected: 'mỗi dòng bị trả lại đã sửa',
    awaitingCorrection: 'mỗi dòng bị trả lại chưa sửa',
    extended: 'mỗi lần được gia hạn',
  },
  timingNote:
    '- Ngày trễ tính theo ngày làm việc (không tính thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết); hạn của báo cáo được gia hạn là ngày được gia hạn.',
  directivesNote: (n: number) =>
    `- Số liệu tổng hợp từ ${n} văn bản chỉ đạo có hạn báo cáo, hạn hoàn thành nhiệm vụ trong kỳ.`,
  changesNote: (text: string) => `- Thay đổi đơn vị trong kỳ: ${text}.`,
  change: {
    merged: (unit: string, into: string, day: string) => `${unit} sáp nhập vào ${into} từ ngày ${day}`,
    retired: (unit: string, day: string) => `${unit} thôi hoạt động từ ngày ${day}`,
    established: (unit: string, day: string) => `${unit} thành lập từ ngày ${day}`,
  },
  tab: {
    title: 'Đánh giá đơn vị',
    heading: (range: string) => `ĐÁNH GIÁ ĐƠN VỊ — ${range.toUpperCase()}`,
    updatedLine: (time: string, date: string) =>
      `Cập nhật lúc ${time} ngày ${date}; số liệu tính đến thời điểm cập nhật, theo hạn đang có hiệu lực (kể cả gia hạn).`,
    rankingHeading: 'XẾP HẠNG CÁC ĐƠN VỊ',
    groupsHeading: 'ĐIỂM BÌNH QUÂN THEO KHỐI',
    group: 'Khối',
    units: 'Số đơn vị được chấm điểm',
    chartByUnit: 'Điểm đánh giá của các đơn vị',
    chartByGroup: 'Điểm bình quân theo khối',
    nothingScored: 'Chưa có báo cáo, nhiệm vụ nào đến hạn trong kỳ.',
  },
  noOrganisation:
    'Chưa có tổ chức nào trong hệ thống — nạp danh sách đơn vị bằng "theodoi units import" trước.',
  whichOrganisation: (ids: readonly string[]) =>
    `Có ${ids.length} tổ chức trong hệ thống (${ids.join(', ')}) — chỉ rõ tổ chức cần đánh giá bằng --org.`,
  mergedIntoUnknown: (code: string) =>
    `đơn vị được sáp nhập vào (mã ${code}) không có trong danh sách đơn vị`,
  mergedIntoItself: 'một đơn vị không thể sáp nhập vào chính nó',
  mergedWithoutRetired: 'đơn vị đã sáp nhập phải có ngày thôi hoạt động "retiredOn"',
  retiredBeforeEstablished: 'ngày thôi hoạt động phải sau ngày thành lập',
} as const;

/** The directive's lifecycle (`theodoi directive list`, `close`, `extend`), shared by the CLI and the register tab. */
export const lifecycle = {
  closed: (id: string) => `Công văn "${id}" đã kết thúc theo dõi trước đó.`,
  notRecipient: (unit: string, id: string) =>
    `Đơn vị "${unit}" không có trong danh sách nhận công văn "${id}".`,
  noSuchPeriod: (period: string, id: string) => `Công văn "${id}" không có kỳ báo cáo ${period}.`,
  noPeriodYet: (id: string) =>
    `Công văn "${id}" không có kỳ báo cáo nào đang nhận báo cáo; ghi rõ kỳ bằng --period.`,
  whichPeriod: (id: string, periods: string[]) =>
    `Công văn "${id}" đang có ${periods.length} kỳ báo cáo: ${periods.join('; ')} — ghi rõ kỳ cần gia hạn bằng --period.`,
  notLater: (until: string, deadline: string) =>
    `Ngày gia hạn ${until} không sau hạn hiện tại ${deadline} — gia hạn phải lùi hạn về sau.`,
  inThePast: (until: string, today: string) => `Ngày gia hạn ${until} đã qua (hôm nay ${today}).`,
} as const;

/** The register tab "Sổ theo dõi văn bản" of the dashboard spreadsheet: its headers, hints and each row's verdict. */
export const register = {
  tab: 'Sổ theo dõi văn bản',
  /** Each column's header and the hint shown as its note. */
  columns: {
    text: {
      header: 'Nội dung công văn (dán vào đây)',
      note: 'Dán toàn bộ nội dung công văn vào một ô (tối đa 50.000 ký tự). theodoi đọc và ghi các cột màu xám bên cạnh.',
    },
    number: { header: 'Số, ký hiệu', note: 'theodoi đọc từ công văn; không sửa ô này.' },
    date: { header: 'Ngày ban hành', note: 'theodoi đọc từ công văn; không sửa ô này.' },
    subject: { header: 'Trích yếu', note: 'theodoi đọc từ công văn ("V/v …"); không sửa ô này.' },
    recipients: {
      header: 'Nơi nhận (đơn vị)',
      note: 'Các đơn vị theodoi nhận ra trong "Kính gửi"; dòng "Chưa xác định" là những nơi nhận không khớp đơn vị nào.',
    },
    tasks: {
      header: 'Nhiệm vụ',
      note: 'Số nhiệm vụ và từng nhiệm vụ với đơn vị chủ trì, thời hạn.',
    },
    deadlines: { header: 'Thời hạn trong văn bản', note: 'Các ngày công văn yêu cầu hoàn thành, báo cáo.' },
    missing: {
      header: 'Chưa tìm thấy',
      note: 'Những gì theodoi không tìm thấy hoặc cần kiểm tra lại trong công văn.',
    },
    id: {
      header: 'Mã văn bản',
      note: 'Mã theo dõi do theodoi đề xuất (chữ thường không dấu, số và "-"); có thể sửa trước khi tạo.',
    },
    template: { header: 'Mẫu báo cáo', note: 'Chọn mẫu báo cáo các đơn vị sẽ điền.' },
    deadline: {
      header: 'Hạn báo cáo',
      note: 'Ngày các đơn vị phải báo cáo (ngày/tháng/năm), đề xuất từ công văn; có thể sửa.',
    },
    confirmPast: {
      header: 'Xác nhận hạn đã qua',
      note: 'Chỉ đánh dấu khi hạn báo cáo đã qua mà vẫn muốn tạo: mọi đơn vị chưa báo cáo sẽ bị tính quá hạn.',
    },
    create: {
      header: 'Tạo bảng theo dõi',
      note: 'Đánh dấu khi đã kiểm tra các cột xám: theodoi tạo bảng tính, chia sẻ cho các đơn vị và ghi đường dẫn.',
    },
    link: { header: 'Bảng theo dõi', note: 'Đường dẫn bảng tính của công văn, do theodoi ghi.' },
    status: { header: 'Tình trạng', note: 'Kết quả theodoi xử lý dòng này.' },
    close: {
      header: 'Đóng',
      note: 'Đánh dấu để kết thúc theo dõi công văn (không xoá gì; các đơn vị không còn bị nhắc).',
    },
    extensions: {
      header: 'Gia hạn',
      note:
        'Mỗi dòng một đơn vị: mã hoặc tên đơn vị: ngày gia hạn — lý do. Ví dụ: 30073: 31/12/2026 — chờ số liệu quý. ' +
        'Văn bản theo dõi từng nhiệm vụ: ghi mã nhiệm vụ sau đơn vị, ví dụ 30073 nv2: 31/12/2026 — chờ số liệu.',
    },
    extensionResults: { header: 'Kết quả gia hạn', note: 'theodoi ghi kết quả từng dòng gia hạn.' },
  },
  waiting: 'Chưa tạo — kiểm tra các cột xám, sửa mã, mẫu, hạn nếu cần, rồi đánh dấu "Tạo bảng theo dõi".',
  creating: 'Đang tạo…',
  created: (units: number, notShared: number) =>
    `Đã tạo: ${units} đơn vị` +
    (notShared > 0 ? `; ${notShared} địa chỉ chưa mở được bảng tính (xem tab "Văn bản").` : '.'),
  closed: 'Đã đóng: kết thúc theo dõi, số liệu được giữ nguyên.',
  blocked: (reasons: string[]) => `Chưa tạo được: ${reasons.join(' ')}`,
  failed: (reason: string) => `Tạo chưa xong: ${reason} theodoi sẽ thử lại ở lần đồng bộ sau.`,
  noText: 'Chưa có nội dung công văn ở cột đầu.',
  noId: 'Điền "Mã văn bản" (chữ thường không dấu, số và "-", ví dụ cv-123-2026).',
  badId: (id: string) => `Mã "${id}" không hợp lệ — chỉ dùng chữ thường không dấu, số và "-" (3–64 ký tự).`,
  idTaken: (id: string) => `Mã "${id}" đã được dùng cho một công văn khác — đổi mã khác.`,
  noTemplate: 'Chọn "Mẫu báo cáo".',
  unknownTemplate: (name: string) => `Không có mẫu báo cáo "${name}" — chọn trong danh sách.`,
  noDeadline: 'Điền "Hạn báo cáo" (ngày/tháng/năm).',
  badDeadline: (text: string) =>
    `"${text}" ở cột "Hạn báo cáo" không phải một ngày — viết ngày/tháng/năm, ví dụ 15/12/2026.`,
  pastDeadline: (deadline: string, today: string) =>
    `Hạn báo cáo ${deadline} đã qua (hôm nay ${today}); nếu đúng, đánh dấu "Xác nhận hạn đã qua".`,
  noRecipients: 'Không nhận ra đơn vị nhận nào trong "Kính gửi" — kiểm tra lại nội dung công văn.',
  noSubject: 'Công văn chưa có trích yếu ("V/v …").',
  noIssuer: 'Không đọc được cơ quan ban hành ở đầu công văn.',
  unresolved: (names: string[]) => `Chưa xác định: ${names.join('; ')}`,
  taskCount: (n: number) => `${n} nhiệm vụ`,
  noTasks: 'Không có nhiệm vụ đánh số',
  task: (id: string, lead: string, deadline: string) => `${id}. Chủ trì: ${lead}; thời hạn: ${deadline}`,
  noLead: 'chưa rõ',
  noTaskDeadline: 'chưa rõ',
  nothingMissing: 'Đã đủ',
  /** One extension line's result. */
  extended: (unit: string, until: string) => `${unit}: đã gia hạn đến ${until}`,
  extensionFailed: (line: string, reason: string) => `${line}: ${reason}`,
  badExtension: (line: string) =>
    `"${line}": không hiểu — viết "mã đơn vị: ngày/tháng/năm — lý do", ví dụ "30073: 31/12/2026 — chờ số liệu".`,
  unknownUnit: (name: string) => `Không có đơn vị "${name}" trong tổ chức.`,
  notCreatedYet: 'Chưa tạo bảng theo dõi nên chưa gia hạn được.',
  noReason: 'gia hạn theo đề nghị của đơn vị',
  tryLater: 'Google hoặc cơ sở dữ liệu chưa trả lời.',
  unknownOrganisation: (id: string) => `Không có tổ chức "${id}" trong hệ thống.`,
  whichTask:
    'văn bản theo dõi từng nhiệm vụ: ghi mã nhiệm vụ sau đơn vị, ví dụ "30073 nv2: 31/12/2026 — lý do".',
  taskWithoutLead: (no: string, text: string) =>
    `Nhiệm vụ ${no} ("${text}") chưa xác định được đơn vị chủ trì — ghi rõ "giao … chủ trì" trong công văn, hoặc chọn mẫu báo cáo mỗi đơn vị một dòng.`,
  mixedRecurrence:
    'Các nhiệm vụ định kỳ có chu kỳ khác nhau (ví dụ hằng tháng và hằng quý); mỗi văn bản theo dõi một chu kỳ — hãy tạo bằng dòng lệnh với --period.',
} as const;

/** Directives made of tasks (decision 007): the task tab's own columns, roles and per-task statuses. */
export const tasks = {
  tabOnce: 'Nhiệm vụ',
  taskNoHeader: 'STT',
  taskNoHint: 'Số thứ tự của nhiệm vụ trong văn bản; do hệ thống ghi.',
  taskTextHeader: 'Nhiệm vụ',
  taskTextHint: 'Nội dung nhiệm vụ theo văn bản chỉ đạo; do hệ thống ghi.',
  roleHeader: 'Vai trò',
  roleHint: 'Chủ trì hoặc Phối hợp, theo văn bản; do hệ thống ghi.',
  dueHeader: 'Thời hạn',
  dueHint: 'Thời hạn hoàn thành của nhiệm vụ (đã tính gia hạn nếu có); do hệ thống ghi.',
  taskStatusHeader: 'Tình trạng nhiệm vụ',
  taskStatusHint:
    'Hệ thống tự ghi: chưa thực hiện, đang thực hiện, hoàn thành đúng hạn, hoàn thành trễ hạn hoặc quá hạn.',
  verdictHeader: 'Kiểm tra',
  role: { lead: 'Chủ trì', support: 'Phối hợp' } as Record<'lead' | 'support', string>,
  ongoingDue: 'Thường xuyên',
  status: {
    'chua-thuc-hien': 'Chưa thực hiện',
    'dang-thuc-hien': 'Đang thực hiện',
    'hoan-thanh-dung-han': 'Hoàn thành đúng hạn',
    'hoan-thanh-tre-han': 'Hoàn thành trễ hạn',
    'qua-han': 'Quá hạn',
  },
  lateBy: (n: number) => `trễ ${n} ngày làm việc`,
  overdueBy: (n: number) => `quá hạn ${n} ngày làm việc`,
  extendedTo: (date: string) => `gia hạn đến ${date}`,
  deadlineLine:
    'Mỗi dòng là một nhiệm vụ của một đơn vị (chủ trì hoặc phối hợp). Mỗi đơn vị chỉ nhập vào các dòng của mình. ' +
    'Cột xám do hệ thống ghi.',
  /** Told to the coordinator when creating a directive from a draft. */
  noLead: (no: string, text: string) =>
    `Nhiệm vụ ${no} ("${text}") chưa xác định được đơn vị chủ trì nên chưa được đưa vào bảng theo dõi.`,
  askLead: (no: string, text: string) =>
    `Nhiệm vụ ${no} ("${text}") chưa xác định được đơn vị chủ trì. Nhập mã đơn vị chủ trì (để trống: bỏ qua nhiệm vụ này):`,
  unknownLead: (code: string) => `Không có đơn vị mã "${code}" trong tổ chức.`,
  addedRecipients: (codes: string[]) =>
    `Các đơn vị được giao nhiệm vụ nhưng không có trong "Kính gửi" đã được thêm vào danh sách nhận: ${codes.join(', ')}.`,
  mixedRecurrence:
    'Các nhiệm vụ định kỳ của văn bản có chu kỳ khác nhau (ví dụ hằng tháng và hằng quý); phiên bản này theo dõi một chu kỳ cho mỗi văn bản. Hãy tạo văn bản bằng --period.',
  groupNotExpanded: (no: string, text: string) =>
    `Nhiệm vụ ${no}: "${text}" là một nhóm đơn vị; các đơn vị phối hợp theo nhóm không được thêm tự động.`,
  notATaskTemplate: (ref: string) =>
    `Văn bản có danh sách nhiệm vụ nhưng mẫu ${ref} không theo dõi nhiệm vụ; dùng mẫu tien-do-nhiem-vu@1.`,
  noTasks: (ref: string) =>
    `Mẫu ${ref} theo dõi từng nhiệm vụ, nhưng văn bản chưa có nhiệm vụ nào có đơn vị chủ trì.`,
  summary: {
    title: (directiveRef: string) => `TỔNG HỢP TÌNH HÌNH THỰC HIỆN NHIỆM VỤ — ${directiveRef.toUpperCase()}`,
    kpiLine: (k: {
      done: number;
      onTime: number;
      late: number;
      inProgress: number;
      notStarted: number;
      overdue: number;
      total: number;
    }) =>
      `Hoàn thành ${k.done}/${k.total} lượt nhiệm vụ (đúng hạn ${k.onTime}, trễ hạn ${k.late})    ` +
      `Đang thực hiện ${k.inProgress}    Chưa thực hiện ${k.notStarted}    Quá hạn ${k.overdue}`,
    byTaskHeading: 'TÌNH HÌNH THỰC HIỆN TỪNG NHIỆM VỤ',
    byUnitHeading: 'TỔNG HỢP THEO ĐƠN VỊ',
    columns: {
      stt: 'STT',
      task: 'Nhiệm vụ',
      lead: 'Đơn vị chủ trì',
      due: 'Thời hạn',
      units: 'Tình trạng của từng đơn vị',
      unit: 'Đơn vị',
      count: 'Số nhiệm vụ',
    },
    unitStatus: (unit: string, role: string, status: string) => `${unit} (${role}): ${status}`,
    chaseHeading: (n: number) =>
      n === 0 ? 'Không có nhiệm vụ quá hạn.' : `NHIỆM VỤ QUÁ HẠN CẦN ĐÔN ĐỐC (${n})`,
    chaseItem: (unit: string, no: number, text: string, status: string) =>
      `${unit} — nhiệm vụ ${no} (${text}): ${status}`,
    paragraphHeading: 'DỰ THẢO NỘI DUNG BÁO CÁO',
    paragraph: (k: {
      time: string;
      date: string;
      tasks: number;
      total: number;
      onTime: number;
      late: number;
      inProgress: number;
      overdue: number;
      overdueUnits: string[];
    }) =>
      `Tính đến ${k.time} ngày ${k.date}, ${k.tasks} nhiệm vụ được giao cho các đơn vị (${k.total} lượt đơn vị chủ trì, ` +
      `phối hợp): ${k.onTime + k.late} lượt đã hoàn thành (${k.onTime} đúng hạn, ${k.late} trễ hạn), ` +
      `${k.inProgress} lượt đang thực hiện` +
      (k.overdue > 0
        ? `; ${k.overdue} lượt quá hạn chưa hoàn thành (${k.overdueUnits.join(', ')}).`
        : '; không có nhiệm vụ quá hạn.'),
  },
  whichTask: (id: string) =>
    `Công văn "${id}" theo dõi từng nhiệm vụ: ghi rõ nhiệm vụ cần gia hạn bằng --task, ví dụ --task nv2.`,
  noSuchTask: (task: string, id: string) => `Công văn "${id}" không có nhiệm vụ ${task}.`,
  notResponsible: (unit: string, task: string) =>
    `Đơn vị "${unit}" không chủ trì hay phối hợp thực hiện nhiệm vụ ${task}.`,
  unknownTaskUnit: (id: string, code: string) =>
    `Nhiệm vụ ${id}: không có đơn vị mã "${code}" trong tổ chức.`,
} as const;
