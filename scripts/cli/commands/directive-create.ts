/**
 * `theodoi directive create`: registers a directive, provisions its spreadsheet and shares it (a failed run is resumed
 * by running it again), from a directive file (`--file`) or from a reviewed import draft completed by flags or
 * questions (`--from-draft`); `theodoi directive share ID` shares again what could not be shared.
 */
import { type Command, Option } from 'commander';
import { ZodError } from 'zod';
import { vietnamDateOf } from '@theodoi/functions/domain/calendar/iso-date';
import { type DirectiveSpec, parseDirectiveSpec } from '@theodoi/functions/domain/directive';
import { DRAFT_FORMAT } from '@theodoi/functions/domain/importer/draft';
import { directiveCreate as msg, sharing } from '@theodoi/functions/messages.vi';
import { type UseCaseDeps, useCaseDeps } from '@theodoi/functions/runtime-deps';
import { getOrganisation, listUnits } from '@theodoi/functions/store/units';
import { createDirective } from '@theodoi/functions/usecases/create-directive';
import { shareDirective } from '@theodoi/functions/usecases/share-directive';
import { invalidFileMessage } from '../invalid-file.js';
import { fromDraft as draftMsg } from '../messages.vi.js';
import { type Asker, terminalAsker } from '../prompt.js';
import { readDataFile } from '../read-data-file.js';
import { cliRuntime } from '../runtime.js';
import { sharingLines, unitNames } from '../sharing-report.js';
import { UsageError } from '../usage-error.js';
import { type DraftFlags, directiveFromDraft, readDraft } from './directive-from-draft.js';

/** The options of `directive create`. */
export interface CreateOptions extends DraftFlags {
  file?: string;
  fromDraft?: string;
}

/** Validates a directive file's content, telling a draft given by mistake and every bad field in Vietnamese. */
export function readDirectiveFile(file: string, data: unknown): DirectiveSpec {
  if ((data as { format?: unknown } | null)?.format === DRAFT_FORMAT)
    throw new UsageError(draftMsg.looksLikeDraft(file));
  try {
    return parseDirectiveSpec(data);
  } catch (error) {
    if (error instanceof ZodError) throw new UsageError(invalidFileMessage(file, error));
    throw error;
  }
}

/** The directive the options describe: read from `--file`, or completed from `--from-draft`. */
export async function directiveSpecOf(
  opts: CreateOptions,
  deps: Pick<UseCaseDeps, 'db' | 'clock' | 'calendar'>,
  asker: Asker | undefined,
): Promise<DirectiveSpec> {
  if (opts.file !== undefined) return readDirectiveFile(opts.file, await readDataFile(opts.file));
  if (opts.fromDraft === undefined) throw new UsageError(draftMsg.fileOrDraft);
  const draft = readDraft(opts.fromDraft, await readDataFile(opts.fromDraft));
  const organisation = await getOrganisation(deps.db, draft.organisation);
  if (!organisation) throw new UsageError(msg.organisationMissing(draft.organisation));
  return directiveFromDraft(draft, opts, {
    draftFile: opts.fromDraft,
    today: vietnamDateOf(deps.clock.now()),
    calendar: deps.calendar,
    coordinator: {
      email: organisation.coordinator.email,
      person: (organisation.coordinator as { person?: string }).person,
    },
    asker,
    unitCodes: new Set((await listUnits(deps.db, draft.organisation)).map((u) => u.code)),
    tell: (line) => console.warn(line),
  });
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Adds the `create` and `share` subcommands to the `directive` command. */
export function addDirectiveCreate(directive: Command): Command {
  directive
    .command('create')
    .description(
      'Đăng ký công văn, tạo bảng tính theo dõi trong Drive của người theo dõi và chia sẻ với mọi đơn vị (chạy lại để ' +
        'làm tiếp một lần chạy bị lỗi).',
    )
    .addOption(
      new Option(
        '-f, --file <tệp>',
        'tệp công văn (JSON hoặc YAML), ví dụ examples/thap-muoi-2024/directive-cchc-2024.json',
      ).conflicts('fromDraft'),
    )
    .option('-d, --from-draft <tệp>', 'bản nháp do "theodoi directive import" tạo ra, đã xem lại')
    .option('--id <mã>', 'mã theo dõi (mặc định: đặt từ số hiệu hoặc trích yếu)')
    .option('--template <mẫu>', 'mẫu báo cáo, ví dụ cchc-tuyen-truyen@1')
    .option('--subject <trích yếu>', 'trích yếu, khi văn bản không ghi rõ')
    .option('--issuer <cơ quan>', 'cơ quan ban hành, khi văn bản không ghi rõ')
    .option('--deadline <dd/mm/yyyy>', 'báo cáo một lần, hạn vào ngày này')
    .option(
      '--opens <dd/mm/yyyy>',
      'ngày bắt đầu nhận báo cáo một lần (mặc định: ngày ban hành, hoặc hôm nay)',
    )
    .option('--period <kỳ>', 'báo cáo định kỳ: thang, quy, 6-thang, 9-thang, nam')
    .option('--from <kỳ>', 'kỳ đầu tiên, ví dụ 2026-Q1 (mặc định: kỳ hiện tại)')
    .option('--to <kỳ>', 'kỳ cuối cùng, ví dụ 2026-Q4')
    .option('--days <n>', 'hạn nộp: số ngày làm việc sau ngày chốt số liệu (mặc định 2)')
    .option(
      '--coordinator <email>',
      'e-mail người theo dõi (lặp lại được; mặc định: đầu mối của tổ chức)',
      collect,
    )
    .option('-y, --yes', 'tạo cả khi hạn báo cáo đã qua, không hỏi lại')
    .action(async (opts: CreateOptions) => {
      const deps = await useCaseDeps(await cliRuntime());
      const spec = await directiveSpecOf(opts, deps, terminalAsker());
      const created = await createDirective(deps, spec);
      for (const warning of created.warnings) console.warn(warning);
      console.log(
        msg.created(
          created.title,
          created.spreadsheetUrl,
          created.tabs.length,
          created.calls.sheets,
          created.calls.drive,
        ),
      );
      const names = await unitNames(deps.db, spec.organisation);
      for (const line of sharingLines(created.sharing, names, spec.id)) console.log(line);
    });
  directive
    .command('share')
    .description(
      "Share the directive's spreadsheet again with the addresses that could not get in (those that became Google " +
        'accounts, those Google limited).',
    )
    .argument('<directiveId>', 'e.g. thap-muoi-cchc-2024')
    .action(async (directiveId: string) => {
      const deps = await useCaseDeps(await cliRuntime());
      const report = await shareDirective(deps, directiveId);
      console.log(sharing.shared(directiveId, report.sharedNow, report.driveCalls));
      const names = await unitNames(deps.db, report.directive.organisation);
      for (const line of sharingLines(report.outcomes, names, directiveId)) console.log(line);
    });
  return directive;
}
