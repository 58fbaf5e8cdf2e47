/**
 * Writes the test year (test/fixtures/evaluation-year.ts) into Firestore as theodoi stores it: the organisation and
 * its units, the directives with their opened periods, each report row with its versions (decision 002), task rows
 * with `taskId` and `role`, and extensions through store/extensions (decision 007).
 */
import type { Firestore } from 'firebase-admin/firestore';
import { TASK_STATUSES } from '@theodoi/sheets-schema/templates/tien-do-nhiem-vu';
import { parseOrganisation } from '@theodoi/functions/domain/organisation';
import { parseSchedule } from '@theodoi/functions/domain/periods/index';
import { grantExtension, rowReportId } from '@theodoi/functions/store/extensions';
import { importOrganisation } from '@theodoi/functions/store/units';
import {
  vn,
  YEAR_DIRECTIVES,
  YEAR_ORGANISATION,
  YEAR_ROWS,
  type FixtureVersion,
} from '../fixtures/evaluation-year.js';

/** The values a task row's version holds (the tien-do-nhiem-vu template's columns). */
function taskValues(v: FixtureVersion): Record<string, unknown> {
  if (v.completedOn)
    return { trang_thai: TASK_STATUSES[2], ngay_hoan_thanh: v.completedOn, ket_qua: 'Đã xong' };
  if (v.inProgress) return { trang_thai: TASK_STATUSES[1] };
  return {};
}

/** Stores the test year under the organisation id `organisationId`; directive ids get `prefix`. */
export async function storeTestYear(db: Firestore, organisationId: string, prefix = ''): Promise<void> {
  await importOrganisation(
    db,
    parseOrganisation({ ...YEAR_ORGANISATION, id: organisationId }),
    vn('2024-01-02 08:00'),
  );
  for (const d of YEAR_DIRECTIVES) {
    const id = `${prefix}${d.id}`;
    const ref = db.doc(`directives/${id}`);
    const batch = db.batch();
    batch.set(ref, {
      id,
      organisation: organisationId,
      number: d.number,
      date: d.date,
      kind: 'cong-van',
      issuer: YEAR_ORGANISATION.name,
      subject: d.subject,
      recipients: d.recipients,
      template: d.tasks ? 'tien-do-nhiem-vu@1' : 'cchc-tuyen-truyen@1',
      schedule: parseSchedule(d.schedule),
      ...(d.tasks ? { tasks: d.tasks } : {}),
      contact: {},
      coordinators: [],
      spreadsheetId: `sheet-${id}`,
      spreadsheetUrl: `https://docs.google.com/spreadsheets/d/sheet-${id}/edit`,
      tabs: {},
      status: 'open',
      createdAt: vn(`${d.date} 08:00`),
      updatedAt: vn(`${d.date} 08:00`),
    });
    for (const p of d.periods)
      batch.set(ref.collection('periods').doc(p.key), { key: p.key, start: p.start, deadline: p.deadline });
    await batch.commit();
  }
  for (const row of YEAR_ROWS) {
    const directive = YEAR_DIRECTIVES.find((d) => d.id === row.directiveId)!;
    const id = `${prefix}${row.directiveId}`;
    const task = directive.tasks?.find((t) => t.id === row.taskId);
    const ref = db.doc(`directives/${id}/reports/${rowReportId(row)}`);
    const batch = db.batch();
    const values = (v: FixtureVersion) => (task ? taskValues(v) : { so_hoi_nghi: 1 });
    row.versions.forEach((v, i) =>
      batch.set(ref.collection('versions').doc(String(i + 1).padStart(6, '0')), {
        version: i + 1,
        status: v.status,
        cells: {},
        values: values(v),
        errors:
          v.status === 'valid' ? [] : [{ column: 'x', code: 'required', message: 'Cột "x": chưa nhập.' }],
        at: vn(v.at),
      }),
    );
    const last = row.versions.at(-1)!;
    const firstValid = row.versions.find((v) => v.status === 'valid');
    batch.set(ref, {
      unitCode: row.unitCode,
      periodKey: row.periodKey,
      ...(task ? { taskId: task.id, role: task.lead === row.unitCode ? 'lead' : 'support' } : {}),
      status: last.status,
      rawHash: `hash-${row.versions.length}`,
      version: row.versions.length,
      cells: {},
      values: values(last),
      errors: [],
      acceptedValues: firstValid ? values(row.versions.filter((v) => v.status === 'valid').at(-1)!) : null,
      acceptedVersion: null,
      firstSubmittedAt: firstValid ? vn(firstValid.at) : null,
      lastChangedAt: vn(last.at),
      sheetHash: null,
      marked: [],
    });
    await batch.commit();
    for (const e of row.extensions ?? [])
      await grantExtension(
        db,
        id,
        {
          unitCode: row.unitCode,
          periodKey: row.periodKey,
          taskId: row.taskId,
          until: e.until,
          grantedBy: 'nv@thu.example.vn',
          reason: 'Đơn vị xin gia hạn',
        },
        vn(e.grantedAt),
      );
  }
}
