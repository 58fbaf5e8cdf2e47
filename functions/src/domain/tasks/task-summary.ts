/**
 * The Tổng hợp of a directive of tasks (decision 007): how many task rows are done on time, late, in progress, not
 * started or overdue; one line per task (its lead, deadline and each responsible unit's status); one line per unit
 * (its rows by status); the overdue rows to chase; and the report's draft paragraph in Vietnamese. Pure.
 */
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '../../clock.js';
import { sheet as sheetMsg, tasks as msg } from '../../messages.vi.js';
import { formatVietnameseDate } from '../status/describe.js';
import { formatViDate } from '../values/display.js';
import type { TaskRow } from './task-rows.js';
import { TASK_STATUS_CODES, taskStatusText, type TaskStatusCode } from './task-status.js';
import type { TaskRowStatus } from './task-cells.js';

/** One task row with its status now, as the summary takes it. */
export interface SummaryTaskRow {
  row: TaskRow;
  status: TaskRowStatus;
}

/** One task's line. */
export interface TaskLine {
  no: number;
  text: string;
  lead: string;
  due: string;
  /** "Phòng Nội vụ (Phối hợp): Quá hạn (…)", one per responsible unit. */
  units: { text: string; code: TaskStatusCode }[];
}

/** One unit's line: its task rows by status. */
export interface UnitLine {
  unit: string;
  total: number;
  counts: Record<TaskStatusCode, number>;
}

/** What the Tổng hợp tab of a directive of tasks shows. */
export interface TaskSummaryModel {
  title: string;
  directiveLine: string;
  updatedLine: string;
  kpiLine: string;
  counts: Record<TaskStatusCode, number>;
  total: number;
  tasks: TaskLine[];
  units: UnitLine[];
  chase: string[];
  paragraph: string;
}

const zeroCounts = () =>
  Object.fromEntries(TASK_STATUS_CODES.map((c) => [c, 0])) as Record<TaskStatusCode, number>;

/** Builds the model from every task row shown (in task order), the units' names and the instant. */
export function buildTaskSummary(input: {
  directive: { number: string | null; date: string | null; issuer: string; subject: string };
  rows: readonly SummaryTaskRow[];
  unitNames: ReadonlyMap<string, string>;
  now: Date;
}): TaskSummaryModel {
  const name = (code: string) => input.unitNames.get(code) ?? code;
  const counts = zeroCounts();
  const byTask = new Map<string, TaskLine>();
  const byUnit = new Map<string, UnitLine>();
  const chase: string[] = [];
  for (const { row, status } of input.rows) {
    const code = status.status.code;
    counts[code] += 1;
    const text = taskStatusText(status.status, status.extendedTo);
    let task = byTask.get(row.taskId);
    if (!task) {
      task = {
        no: row.taskNo,
        text: row.text,
        lead: '',
        due: row.ongoing ? msg.ongoingDue : formatVietnameseDate(row.deadline),
        units: [],
      };
      byTask.set(row.taskId, task);
    }
    if (row.role === 'lead') task.lead = name(row.unitCode);
    task.units.push({ text: msg.summary.unitStatus(name(row.unitCode), msg.role[row.role], text), code });
    let unit = byUnit.get(row.unitCode);
    if (!unit) {
      unit = { unit: name(row.unitCode), total: 0, counts: zeroCounts() };
      byUnit.set(row.unitCode, unit);
    }
    unit.total += 1;
    unit.counts[code] += 1;
    if (code === 'qua-han') chase.push(msg.summary.chaseItem(name(row.unitCode), row.taskNo, row.text, text));
  }
  const at = DateTime.fromJSDate(input.now, { zone: VIETNAM_ZONE });
  const overdueUnits = [
    ...new Set(input.rows.filter((r) => r.status.status.code === 'qua-han').map((r) => name(r.row.unitCode))),
  ];
  const k = {
    done: counts['hoan-thanh-dung-han'] + counts['hoan-thanh-tre-han'],
    onTime: counts['hoan-thanh-dung-han'],
    late: counts['hoan-thanh-tre-han'],
    inProgress: counts['dang-thuc-hien'],
    notStarted: counts['chua-thuc-hien'],
    overdue: counts['qua-han'],
    total: input.rows.length,
  };
  const directiveRef = sheetMsg.directiveRef(
    input.directive.number,
    input.directive.date ? formatViDate(input.directive.date) : null,
  );
  return {
    title: msg.summary.title(directiveRef),
    directiveLine: `${directiveRef} của ${input.directive.issuer} V/v ${input.directive.subject}`,
    updatedLine: `Cập nhật lúc ${at.toFormat('HH:mm')} ngày ${at.toFormat('dd/MM/yyyy')}`,
    kpiLine: msg.summary.kpiLine(k),
    counts,
    total: input.rows.length,
    tasks: [...byTask.values()].sort((a, b) => a.no - b.no),
    units: [...byUnit.values()],
    chase,
    paragraph: msg.summary.paragraph({
      time: `${at.toFormat('HH')} giờ ${at.toFormat('mm')}`,
      // As the report paragraph of other directives writes it (summary/paragraph.ts): "ngày 22/3/2024".
      date: at.toFormat('d/M/yyyy'),
      tasks: byTask.size,
      total: k.total,
      onTime: k.onTime,
      late: k.late,
      inProgress: k.inProgress,
      overdue: k.overdue,
      overdueUnits,
    }),
  };
}
