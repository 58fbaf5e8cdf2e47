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
  title: (range: string) => `KẾT QUẢ THỰC HIỆN CHẾ ĐỘ BÁO CÁO VÀ NHIỆM VỤ ĐƯỢC GIAO ${range.toUpperCase()}`,
  subtitle: (organisation: string) => `của các cơ quan, đơn vị thuộc ${organisation}`,
  asOf: (time: string, date: string) => `Số liệu tính đến ${time} ngày ${date}.`,
  annex: 'Phụ lục',
  attachedTo: (symbol: string, issuer: string) =>
    `(Kèm theo Báo cáo số        /${symbol} ngày      tháng      năm         của ${issuer})`,
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
