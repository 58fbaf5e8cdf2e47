/** The lines around the evaluation's tables: title, as-of line, how the score is computed, units that changed. */
import { DateTime } from 'luxon';
import { VIETNAM_ZONE } from '../../clock.js';
import { evaluation as msg } from '../../messages.vi.js';
import { formatPercent, formatViDate, formatViNumber } from '../values/display.js';
import type { EvaluationModel } from './model.js';
import type { EvaluationRubric } from './rubric.js';

/** "KẾT QUẢ THỰC HIỆN CHẾ ĐỘ BÁO CÁO VÀ NHIỆM VỤ ĐƯỢC GIAO NĂM 2024". */
export function evaluationTitle(model: EvaluationModel): string {
  return msg.title(model.range.label);
}

/** "Số liệu tính đến 23 giờ 59 ngày 31/12/2024." (Vietnam time). */
export function asOfLine(model: EvaluationModel): string {
  const at = DateTime.fromJSDate(model.instant, { zone: VIETNAM_ZONE });
  return msg.asOf(at.toFormat("HH 'giờ' mm"), at.toFormat('dd/MM/yyyy'));
}

function credits(
  part: EvaluationRubric['reports'] | EvaluationRubric['tasks'],
  none: number,
  noneName: string,
) {
  const steps = part.late.steps.map((s) => msg.lateStep(s.upToWorkingDays, formatPercent(s.credit)));
  return msg.credits(
    {
      onTime: formatPercent(part.onTime),
      late: formatPercent(part.late.credit),
      steps: steps.length ? ` (${steps.join(', ')})` : '',
      none: formatPercent(none),
    },
    noneName,
  );
}

/** How the score is computed, from the rubric in force. */
export function rubricNote(rubric: EvaluationRubric): string {
  const penalties = (['corrected', 'awaitingCorrection', 'extended'] as const)
    .filter((k) => rubric.penalties[k] > 0)
    .map((k) => msg.penalty(msg.penaltyNames[k], formatViNumber(rubric.penalties[k])));
  return msg.rubricNote({
    max: formatViNumber(rubric.maxScore),
    reports: credits(rubric.reports, rubric.reports.missing, msg.reportNone),
    tasks: credits(rubric.tasks, rubric.tasks.overdue, msg.taskNone),
    weights: `${formatViNumber(rubric.weights.reports)} : ${formatViNumber(rubric.weights.tasks)}`,
    penalties: penalties.length ? `; ${penalties.join(', ')}` : '',
  });
}

/** The units merged, retired or established in the range, in one note; undefined when none. */
export function changesNote(model: EvaluationModel): string | undefined {
  if (model.changes.length === 0) return undefined;
  return msg.changesNote(
    model.changes
      .map((ch) => {
        const day = formatViDate(ch.on);
        if (ch.kind === 'merged')
          return msg.change.merged(ch.unitName, ch.intoName ?? ch.intoCode ?? '', day);
        return ch.kind === 'retired'
          ? msg.change.retired(ch.unitName, day)
          : msg.change.established(ch.unitName, day);
      })
      .join('; '),
  );
}

/** Every note printed under the tables. */
export function evaluationNotes(model: EvaluationModel): string[] {
  const changes = changesNote(model);
  return [
    rubricNote(model.rubric),
    msg.timingNote,
    msg.directivesNote(model.directives.length),
    ...(changes ? [changes] : []),
  ];
}
