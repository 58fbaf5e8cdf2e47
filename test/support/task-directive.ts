// A directive of three tasks (decision 007) for the tests: two due by their own day, one monthly, as the công văn
// test/fixtures/coordinator/congvan-nhiem-vu-cds-2026.txt gives them.
import {
  DIRECTIVE_FORMAT,
  parseDirectiveSpec,
  type DirectiveSpec,
} from '@theodoi/functions/domain/directive';
import type { Organisation } from '@theodoi/functions/domain/organisation';

/** The monthly directive of tasks `id`: nv1 (VHTT, with NV) by 20/11/2026, nv2 (TP, with VP) by 27/11/2026, nv3 (NV) monthly. */
export function taskDirective(id: string, organisation: Organisation): DirectiveSpec {
  return parseDirectiveSpec({
    format: DIRECTIVE_FORMAT,
    id,
    organisation: organisation.id,
    number: '2468/UBND-VHTT',
    date: '02/11/2026',
    issuer: organisation.name,
    subject: 'triển khai nhiệm vụ chuyển đổi số quý IV năm 2026',
    recipients: ['VP', 'NV', 'TP', 'VHTT'],
    template: 'tien-do-nhiem-vu@1',
    schedule: {
      kind: 'monthly',
      first: '2026-M11',
      deadline: { type: 'working-days-after-cutoff', days: 2 },
    },
    tasks: [
      {
        id: 'nv1',
        text: 'Rà soát, cập nhật danh mục dịch vụ công trực tuyến toàn trình',
        lead: 'VHTT',
        support: ['NV'],
        due: { kind: 'by', date: '20/11/2026' },
      },
      {
        id: 'nv2',
        text: 'Số hóa hồ sơ hộ tịch lưu trữ',
        lead: 'TP',
        support: ['VP'],
        due: { kind: 'by', date: '27/11/2026' },
      },
      {
        id: 'nv3',
        text: 'Tổng hợp, báo cáo kết quả chuyển đổi số hằng tháng',
        lead: 'NV',
        due: {
          kind: 'periodic',
          schedule: {
            kind: 'monthly',
            first: '2026-M11',
            deadline: { type: 'working-days-after-cutoff', days: 2 },
          },
        },
      },
    ],
    contact: { person: 'Chuyên viên Phòng Văn hóa và Thông tin' },
    coordinators: [organisation.coordinator.email],
  });
}
