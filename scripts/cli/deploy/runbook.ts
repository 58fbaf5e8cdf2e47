/**
 * The runbook `theodoi deploy --dry-run` prints: from an empty Google account to the first verdict. The console
 * steps gcloud cannot do come first, as comments; then the planned commands, one per line; then what follows the
 * deploy. The whole printout is a shell script an operator can review and run. Vietnamese: operators read it.
 */
import type { DeployOptions, DeployStep } from './plan.js';
import { renderStep } from './plan.js';

/** What the operator does in Google's consoles before the commands (gcloud cannot create these). */
export function consoleSteps(o: DeployOptions): string[] {
  const console = `https://console.cloud.google.com`;
  return [
    `1. Tạo dự án ${o.project} và bật thanh toán (Billing): ${console}/projectcreate — Cloud Functions thế hệ 2 cần có tài khoản thanh toán, kể cả khi dùng trong hạn mức miễn phí.`,
    `2. Màn hình xin quyền OAuth: ${console}/auth/branding?project=${o.project} — loại người dùng "External" (tài khoản gmail dùng được), tên ứng dụng "theodoi", e-mail hỗ trợ của người theo dõi; phạm vi (Data access): chỉ ".../auth/drive.file" (không nhạy cảm, không cần Google thẩm định); rồi "Publish app" để chuyển sang "In production" — ở chế độ "Testing" quyền cấp hết hạn sau 7 ngày.`,
    `3. OAuth client loại "Desktop app": ${console}/auth/clients/create?project=${o.project} — tải tệp JSON về, ví dụ client.json.`,
    o.sharedDriveId === undefined
      ? `4. Người theo dõi (chủ sở hữu các bảng tính) đăng nhập: GOOGLE_CLOUD_PROJECT=${o.project} theodoi auth login --client-file client.json — trình duyệt mở trang của Google; chọn tài khoản của người theo dõi và đồng ý.`
      : `4. Bộ nhớ dùng chung ${o.sharedDriveId}: thêm theodoi@${o.project}.iam.gserviceaccount.com làm "Content manager" (Quản lý nội dung).`,
    `5. Apps Script của người theo dõi (apps-script/README.md): tạo dự án ở script.google.com với Code.gs và appsscript.json, gắn với số dự án (project number) của ${o.project}, đọc mã OAuth client của nó (…apps.googleusercontent.com) và truyền vào --script-client-id.`,
  ];
}

/** What follows the deploy: units, a directive from its công văn, the script's set-up, an officer's first edit. */
export function afterSteps(o: DeployOptions): string[] {
  const url = `https://${o.region}-${o.project}.cloudfunctions.net`;
  return [
    `6. Nạp đơn vị và thử địa chỉ của cán bộ: theodoi units import organisation.json && theodoi units check <mã tổ chức>`,
    `7. Đọc công văn và tạo bảng theo dõi: theodoi directive import congvan.pdf -o nhap.json && theodoi directive create --from-draft nhap.json`,
    `8. Trong Apps Script: thuộc tính THEODOI_URL = ${url}; chạy hàm caiDat một lần và đồng ý — trình kích hoạt được cài cho các bảng tính đang theo dõi.`,
    `9. Một cán bộ nhập số liệu vào dòng của đơn vị mình: cột "Trạng thái" hiện kết quả kiểm tra sau vài giây.`,
  ];
}

/** The runbook: console steps, every planned command (one line each), then what to do next. */
export function renderRunbook(o: DeployOptions, steps: readonly DeployStep[]): string {
  const comment = (lines: string[]) => lines.map((line) => `# ${line}`);
  return [
    `# theodoi — triển khai lên dự án ${o.project} (${o.region}): từ tài khoản Google trống đến kết quả kiểm tra đầu tiên.`,
    '# Trước khi chạy các lệnh, làm trên trang quản trị của Google (gcloud không làm được các bước này):',
    ...comment(consoleSteps(o)),
    '# Các lệnh triển khai, theo thứ tự (chạy lại an toàn: cái đã có được giữ, hàm được triển khai lại, lịch được cập nhật):',
    ...steps.map(renderStep),
    '# Sau khi triển khai:',
    ...comment(afterSteps(o)),
  ].join('\n');
}
