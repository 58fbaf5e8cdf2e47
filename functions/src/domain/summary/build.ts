/** buildSummaryModel: the whole Tổng hợp of one period, computed from stored reports; pure. */
import { summary as msg } from '../../messages.vi.js';
import { vietnamDateOf } from '../calendar/iso-date.js';
import { formatViDate } from '../values/display.js';
import { extendedDeadline, statusText, unitStatus } from '../status/index.js';
import { chaseList } from './chase.js';
import { figureColumns, figureTotal, figureValue } from './figures.js';
import { summaryHeader } from './header.js';
import { rowsByGroup, summaryGroups } from './groups.js';
import { countKpis } from './kpis.js';
import type { SummaryInput, SummaryModel, SummaryRow, SummaryUnit } from './model.js';
import { draftParagraph } from './paragraph.js';
import { reportState, submittedAt } from './report-state.js';

/**
 * The summary of `input.period` at `input.now`: one row per recipient with its status and its last accepted key
 * figures, group by group (the organisation's order of groups, the directive's order within each), each group's
 * subtotals, totals by each figure's summary rule, KPIs, the units to chase and the draft paragraph. A recipient
 * missing from `units` is shown by its code, in a group of its own at the end.
 */
export function buildSummaryModel(input: SummaryInput): SummaryModel {
  const { directive, period, template, now, calendar } = input;
  const units = new Map<string, SummaryUnit>(input.units.map((u) => [u.code, u]));
  const figures = figureColumns(template);
  const groupNames = input.groupNames ?? new Map<string, string>();
  const listed: SummaryRow[] = directive.recipients.map((code, i) => {
    const unit = units.get(code);
    const report = input.reports.get(code);
    const extended = extendedDeadline(directive.extensions, period.key, code);
    const status = unitStatus({
      period,
      ...extended,
      report: reportState(report),
      now,
      calendar,
      ...(input.dueSoonWorkingDays === undefined ? {} : { dueSoonWorkingDays: input.dueSoonWorkingDays }),
    });
    const at = submittedAt(status);
    return {
      stt: i + 1,
      unitCode: code,
      unitName: unit?.name ?? code,
      groupId: unit?.group ?? '',
      groupName: unit ? (groupNames.get(unit.group) ?? unit.group) : '',
      status,
      statusText:
        statusText(status) +
        ('deadline' in extended ? msg.extendedUntil(formatViDate(extended.deadline)) : ''),
      reportedOn: at ? vietnamDateOf(at) : null,
      figures: figures.map((f) => figureValue(f, report?.acceptedValues ?? null)),
    };
  });
  const rows = rowsByGroup(listed, groupNames);
  const totals = figures.map((f, i) =>
    figureTotal(
      f,
      rows.map((r) => r.figures[i] ?? null),
    ),
  );
  const kpis = countKpis(rows.map((r) => r.status));
  return {
    directiveId: directive.id,
    periodKey: period.key,
    periodLabel: period.label,
    generatedAt: now,
    header: summaryHeader(directive, period, kpis, now),
    kpis,
    figures,
    rows,
    groups: summaryGroups(rows, figures),
    totals,
    chase: chaseList(rows, units),
    paragraph: draftParagraph({ now, kpis, rows, figures, totals }),
  };
}
