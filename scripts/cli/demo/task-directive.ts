/**
 * The demo's directive of tasks: registered from its công văn text as `theodoi directive import` then `directive
 * create --from-draft` do, its officers' updates as UI edits of their task rows, and each row's status as it shows.
 */
import { readFile } from 'node:fs/promises';
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '@theodoi/functions/clock';
import type { DirectiveSpec } from '@theodoi/functions/domain/directive';
import { importDirective } from '@theodoi/functions/domain/importer/import';
import { ONCE_KEY } from '@theodoi/functions/domain/periods/period-key';
import type { Period } from '@theodoi/functions/domain/periods/periods';
import { taskRowStatus } from '@theodoi/functions/domain/tasks/task-cells';
import { directivePeriodOf, taskRowsOf, type TaskRow } from '@theodoi/functions/domain/tasks/task-rows';
import { taskStatusText, type TaskStatusCode } from '@theodoi/functions/domain/tasks/task-status';
import { demo as msg } from '@theodoi/functions/messages.vi';
import { columnLetters, quoteSheetName } from '@theodoi/functions/sheets/layout/a1';
import { reportColumns } from '@theodoi/functions/sheets/layout/report-tab';
import { statusText as rowStatusText } from '@theodoi/functions/sheets/layout/status-cells';
import { loadFlags } from '@theodoi/functions/store/flags';
import { loadReports } from '@theodoi/functions/store/reports';
import type { CreatedDirective } from '@theodoi/functions/usecases/create-directive';
import { loadTemplate } from '@theodoi/sheets-schema/registry';
import type { LocalWorld } from '@theodoi/test-kit/world';
import { directiveFromDraft } from '../commands/directive-from-draft.js';
import type { OfficerEdit } from './officer-edit.js';
import { TASK_CONG_VAN, TASK_EDITS } from './task-scenario.js';

const CONG_VAN_FILE = new URL(`../../../examples/thap-muoi-2024/${TASK_CONG_VAN}`, import.meta.url);

/** The directive of tasks once provisioned: its spec, spreadsheet, tab `once` and rows in the tab's order. */
export interface TaskDirectivePlay {
  spec: DirectiveSpec;
  created: CreatedDirective;
  period: Period;
  rows: TaskRow[];
}

/** One task row's state now: its task status (as "Tình trạng nhiệm vụ" shows it) and its verdict ("Kiểm tra"). */
export interface TaskRowState {
  row: TaskRow;
  code: TaskStatusCode;
  text: string;
  verdict: string;
}

/** Imports the công văn, completes it without questions as `create --from-draft` does, and provisions it. */
export async function registerTaskDirective(
  world: LocalWorld,
  log: (line: string) => void,
): Promise<TaskDirectivePlay> {
  const { organisation: org, deps, clock } = world;
  const draft = importDirective(await readFile(CONG_VAN_FILE, 'utf8'), org, {
    file: TASK_CONG_VAN,
    format: 'txt',
  });
  const spec = await directiveFromDraft(
    draft,
    {},
    {
      draftFile: TASK_CONG_VAN,
      today: DateTime.fromJSDate(clock.now(), { zone: VIETNAM_ZONE }).toISODate(),
      calendar: deps.calendar,
      coordinator: org.coordinator,
      unitCodes: new Set(org.units.map((u) => u.code)),
      tell: log,
    },
  );
  const period = directivePeriodOf(spec, ONCE_KEY, deps.calendar);
  const rows = taskRowsOf(spec, period, deps.calendar);
  log(msg.tasksImported(spec.number ?? '—', spec.subject, spec.tasks?.length ?? 0, rows.length));
  const created = await world.addDirective(spec);
  log(msg.provisioned(created.title, created.calls.sheets, created.calls.drive));
  return { spec, created, period, rows };
}

/** Each row's state at the clock's now, from the reports the store holds (what the sync and the check write). */
export async function taskRowStates(world: LocalWorld, play: TaskDirectivePlay): Promise<TaskRowState[]> {
  const { db, calendar } = world.deps;
  const stored = (await loadReports(db, play.spec.id, [play.period.key])).get(play.period.key);
  return play.rows.map((row) => {
    const report = stored?.get(row.key);
    const { status } = taskRowStatus(row, play.period, report?.acceptedValues, {
      now: world.clock.now(),
      calendar,
    });
    return {
      row,
      code: status.code,
      text: taskStatusText(status),
      verdict: report ? rowStatusText(report.status, report.errors) : '—',
    };
  });
}

/** The rows the morning check holds an open overdue flag on (its `flags/once~UNIT~nvN` documents), with their state. */
export async function flaggedOverdueRows(
  world: LocalWorld,
  play: TaskDirectivePlay,
): Promise<TaskRowState[]> {
  const flags = (await loadFlags(world.deps.db, play.spec.id, [play.period.key])).get(play.period.key);
  const states = await taskRowStates(world, play);
  return states.filter((s) => {
    const flag = flags?.get(s.row.key);
    return flag?.kind === 'qua-han' && flag.resolvedAt === null;
  });
}

/** The scenario's task updates as UI edits of each officer's own row. */
export function taskEdits(world: LocalWorld, play: TaskDirectivePlay): OfficerEdit[] {
  const columns = reportColumns(loadTemplate(play.spec.template));
  const inputs = columns.filter((c) => !c.system);
  const firstInput = columns.findIndex((c) => !c.system);
  const tab = play.created.tabs.find((t) => t.periodKey === play.period.key)!;
  const units = new Map(world.organisation.units.map((u) => [u.code, u]));
  return TASK_EDITS.map((edit) => {
    const index = play.rows.findIndex((r) => r.unitCode === edit.unitCode && r.taskId === edit.taskId);
    if (index < 0) throw new Error(`no row of ${edit.unitCode} for ${edit.taskId}`);
    const row = play.rows[index]!;
    const unit = units.get(edit.unitCode)!;
    return {
      at: edit.at,
      email: unit.editors[0]!,
      spreadsheetId: play.created.spreadsheetId,
      range: `${quoteSheetName(tab.title)}!${columnLetters(firstInput)}${5 + index}`,
      values: inputs.map((c) => edit.cells[c.key] ?? ''),
      who: msg.taskRow(unit.name, row.taskNo),
      note: edit.note,
      shown: async () => {
        const state = (await taskRowStates(world, play))[index]!;
        return `${state.text} · ${state.verdict}`;
      },
    };
  });
}
