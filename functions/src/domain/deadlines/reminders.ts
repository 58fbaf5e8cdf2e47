/** The "Nhắc việc" list: the units to chase in each opened period of a directive, most overdue first; pure. */
import type { IsoDate } from '../calendar/iso-date.js';
import type { Period } from '../periods/periods.js';
import { statusText, type UnitStatus, type UnitStatusCode } from '../status/index.js';
import { directiveRef } from '../summary/header.js';
import { timingOf } from '../summary/report-state.js';

/** A unit's contact, as the reminder list and the e-mail show it. */
export interface UnitContact {
  person?: string;
  phone?: string;
  email?: string;
}

/** One line of the "Nhắc việc" list: a unit to chase for one period of one directive. */
export interface ReminderItem {
  directiveId: string;
  organisation: string;
  /** "Công văn số 06/UBND-NV ngày 05/02/2024". */
  directiveRef: string;
  subject: string;
  spreadsheetUrl: string;
  /** The directive's own contact (the coordinator), for "mọi vướng mắc xin liên hệ". */
  directiveContact: UnitContact;
  periodKey: string;
  periodLabel: string;
  deadline: IsoDate;
  unitCode: string;
  unitName: string;
  status: Extract<UnitStatusCode, 'qua-han' | 'sap-den-han' | 'co-loi'>;
  /** The status in a sentence: "Quá hạn chưa báo cáo (quá hạn 2 ngày làm việc)". */
  statusText: string;
  /** Working days past the deadline without a report (0 when not overdue), for ordering. */
  workingDaysOverdue: number;
  contact: UnitContact;
  /** Where a reminder e-mail goes: the contact's address, then the unit's editors. */
  emails: string[];
}

/** The directive as the reminder list names it. */
export interface RemindedDirective {
  id: string;
  organisation: string;
  number: string | null;
  date: IsoDate | null;
  subject: string;
  spreadsheetUrl: string;
  contact: UnitContact;
  recipients: readonly string[];
}

/** A unit as the reminder list shows it. */
export interface RemindedUnit {
  name: string;
  contact?: UnitContact;
  editors: readonly string[];
}

const CHASED = new Set<UnitStatusCode>(['qua-han', 'co-loi', 'sap-den-han']);
const RANK = { 'qua-han': 0, 'co-loi': 1, 'sap-den-han': 2 } as const;

/** The units to chase (overdue, with errors, due soon) of `periods`, from their statuses now. */
export function reminderItems(
  directive: RemindedDirective,
  periods: readonly Period[],
  statuses: ReadonlyMap<string, ReadonlyMap<string, UnitStatus>>,
  units: ReadonlyMap<string, RemindedUnit>,
): ReminderItem[] {
  const ref = directiveRef(directive);
  const items: ReminderItem[] = [];
  for (const period of periods) {
    for (const unitCode of directive.recipients) {
      const status = statuses.get(period.key)?.get(unitCode);
      if (!status || !CHASED.has(status.code)) continue;
      const unit = units.get(unitCode);
      const contact = unit?.contact ?? {};
      const timing = timingOf(status);
      items.push({
        directiveId: directive.id,
        organisation: directive.organisation,
        directiveRef: ref,
        subject: directive.subject,
        spreadsheetUrl: directive.spreadsheetUrl,
        directiveContact: directive.contact,
        periodKey: period.key,
        periodLabel: period.label,
        deadline: period.deadline,
        unitCode,
        unitName: unit?.name ?? unitCode,
        status: status.code as ReminderItem['status'],
        statusText: statusText(status),
        workingDaysOverdue: timing.code === 'qua-han' ? timing.workingDaysOverdue : 0,
        contact,
        emails: [...new Set([...(contact.email ? [contact.email] : []), ...(unit?.editors ?? [])])],
      });
    }
  }
  // Stable sort: within a period, the most overdue first, then errors, then due soon, in row order.
  return items.sort(
    (a, b) =>
      a.periodKey.localeCompare(b.periodKey) ||
      RANK[a.status] - RANK[b.status] ||
      b.workingDaysOverdue - a.workingDaysOverdue,
  );
}
