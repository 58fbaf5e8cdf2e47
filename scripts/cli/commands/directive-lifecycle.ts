/** `theodoi directive list | close | extend`: the directives registered, ending one, a unit's extension (gia hạn). */
import type { Command } from 'commander';
import { parseVietnameseDate } from '@theodoi/functions/domain/calendar/vietnamese-date';
import { formatViDate } from '@theodoi/functions/domain/values/display';
import { useCaseDeps } from '@theodoi/functions/runtime-deps';
import { cliRuntime } from '../runtime.js';
import {
  endDirective,
  extendDeadline,
  listAllDirectives,
} from '@theodoi/functions/usecases/directive-lifecycle';
import { directiveLifecycle as msg, fromDraft } from '../messages.vi.js';
import { UsageError } from '../usage-error.js';

const deps = async () => useCaseDeps(await cliRuntime());

/** Adds `list`, `close` and `extend` to the `directive` command. */
export function addDirectiveLifecycle(directive: Command): Command {
  directive
    .command('list')
    .description('Liệt kê các công văn đang theo dõi và đã kết thúc.')
    .option('--all', 'cả công văn đã kết thúc')
    .action(async (opts: { all?: boolean }) => {
      const all = await listAllDirectives(await deps());
      const shown = opts.all ? all : all.filter((d) => d.status === 'open');
      if (shown.length === 0) {
        console.log(all.length === 0 ? msg.noneRegistered : msg.noneOpen(all.length));
        return;
      }
      for (const d of shown)
        console.log(
          msg.listed({
            id: d.id,
            number: d.number,
            date: d.date ? formatViDate(d.date) : null,
            subject: d.subject,
            open: d.status === 'open',
            units: d.recipients.length,
            url: d.spreadsheetUrl,
          }),
        );
    });
  directive
    .command('close')
    .description(
      'Kết thúc theo dõi một công văn: không kiểm tra hạn, không nhắc việc nữa; dữ liệu được giữ nguyên.',
    )
    .argument('<mã>', 'mã theo dõi của công văn (xem: theodoi directive list)')
    .option('--by <email>', 'người kết thúc (mặc định: người theo dõi công văn)')
    .action(async (id: string, opts: { by?: string }) => {
      const closed = await endDirective(await deps(), id, opts.by);
      console.log(msg.closed(closed.id, closed.subject));
    });
  directive
    .command('extend')
    .description(
      'Gia hạn báo cáo cho một đơn vị: hạn mới thay cho hạn của kỳ, trạng thái và Tổng hợp cập nhật ngay.',
    )
    .argument('<mã>', 'mã theo dõi của công văn')
    .argument('<đơn vị>', 'mã đơn vị được gia hạn, ví dụ 30037')
    .requiredOption('--until <dd/mm/yyyy>', 'hạn mới')
    .requiredOption('--reason <lý do>', 'lý do gia hạn (văn bản đề nghị của đơn vị, ý kiến lãnh đạo)')
    .option('--period <kỳ>', 'kỳ báo cáo, ví dụ 2026-Q4 (mặc định: kỳ đang nhận báo cáo)')
    .option('--task <nhiệm vụ>', 'công văn theo dõi từng nhiệm vụ: nhiệm vụ được gia hạn, ví dụ nv2')
    .option('--by <email>', 'người cho gia hạn (mặc định: người theo dõi công văn)')
    .action(
      async (
        id: string,
        unit: string,
        opts: { until: string; reason: string; period?: string; task?: string; by?: string },
      ) => {
        const until = parseVietnameseDate(opts.until);
        if (until === null) throw new UsageError(fromDraft.badDate('--until', opts.until));
        const granted = await extendDeadline(await deps(), {
          directiveId: id,
          unitCode: unit,
          periodKey: opts.period,
          taskId: opts.task,
          until,
          reason: opts.reason,
          grantedBy: opts.by,
        });
        console.log(
          msg.extended(
            granted.extension.unitCode,
            granted.period.label,
            formatViDate(granted.period.deadline),
            formatViDate(until),
            granted.check.deadlineCellsWritten,
          ),
        );
      },
    );
  return directive;
}
